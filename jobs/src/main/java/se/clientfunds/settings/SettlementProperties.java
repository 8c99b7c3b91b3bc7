package se.clientfunds.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import se.clientfunds.bank.AccountId;

/**
 * The settings that matter to an operator, under {@code settlement.*}.
 *
 * @param home     the folder holding inbox, archive, quarantine, reports, outbox, filings and the embedded database
 * @param accounts the client-funds bank accounts of the platform
 * @param extracts   how platform extracts are imported
 * @param bankFiles  how bank files are imported
 * @param allocation how incoming payments are allocated to invoices
 * @param payouts    how refunds and payouts are paid
 * @param reconciliation how bank statements are matched to the books
 * @param reports        how the daily reports are written
 * @param close          when a business day may close
 * @param safeguarding   how clients' money is safeguarded, as the statement says
 * @param approvals      which actions need a second person's approval (four eyes)
 * @param sanctions      how payers are screened against the sanctions list
 */
@ConfigurationProperties("settlement")
public record SettlementProperties(
        @DefaultValue("data") Path home,
        List<ClientFundsAccount> accounts,
        @DefaultValue Extracts extracts,
        @DefaultValue BankFiles bankFiles,
        @DefaultValue Allocation allocation,
        @DefaultValue Payouts payouts,
        @DefaultValue Reconciliation reconciliation,
        @DefaultValue Reports reports,
        @DefaultValue Close close,
        @DefaultValue Safeguarding safeguarding,
        @DefaultValue Approvals approvals,
        @DefaultValue Sanctions sanctions) {

    public SettlementProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        // payment batch ids (PmtInfId, 35 characters) name the paying account by the last ten characters of its IBAN
        java.util.Map<String, String> byEnding = new java.util.HashMap<>();
        for (ClientFundsAccount account : accounts) {
            String ending = account.iban().substring(Math.max(0, account.iban().length() - 10));
            String other = byEnding.putIfAbsent(ending, account.iban());
            if (other != null && !other.equals(account.iban())) {
                throw new IllegalArgumentException("settlement.accounts: " + other + " and " + account.iban() + " end in the same ten"
                        + " characters, which name the paying account in payment batch ids; the pipeline cannot tell them apart");
            }
        }
    }

    /**
     * @param chunkSize      entries staged or posted per transaction when importing a bank file
     * @param maxSizeBytes   a bank file larger than this is refused unread (a guard against runaway or hostile files)
     * @param allowTestFiles whether BGMax files marked as test files are accepted (never in production)
     */
    public record BankFiles(@DefaultValue("5000") int chunkSize, @DefaultValue("4294967296") long maxSizeBytes,
                            @DefaultValue("false") boolean allowTestFiles) {

        public BankFiles {
            if (chunkSize < 1) {
                throw new IllegalArgumentException("settlement.bank-files.chunk-size must be at least 1, is " + chunkSize);
            }
            if (maxSizeBytes < 1) {
                throw new IllegalArgumentException("settlement.bank-files.max-size-bytes must be positive, is " + maxSizeBytes);
            }
        }
    }

    /** The configured client-funds account a bank file's account id names, if any. */
    public Optional<ClientFundsAccount> account(AccountId id) {
        return accounts.stream().filter(account -> account.isNamedBy(id)).findFirst();
    }

    /** @param chunkSize rows written per transaction when loading an extract */
    public record Extracts(@DefaultValue("5000") int chunkSize) {

        public Extracts {
            if (chunkSize < 1) {
                throw new IllegalArgumentException("settlement.extracts.chunk-size must be at least 1, is " + chunkSize);
            }
        }
    }

    /** @param chunkSize payments allocated per transaction */
    public record Allocation(@DefaultValue("2000") int chunkSize) {

        public Allocation {
            if (chunkSize < 1) {
                throw new IllegalArgumentException("settlement.allocation.chunk-size must be at least 1, is " + chunkSize);
            }
        }
    }

    /**
     * @param initiatingParty the name written as the initiating party of the pain.001 files
     * @param debtorBic       the BIC of the bank holding the client-funds accounts, if the bank wants it in pain.001
     */
    public record Payouts(@DefaultValue("Client funds settlement") String initiatingParty, String debtorBic) {

        public Payouts {
            if (initiatingParty == null || initiatingParty.isBlank()) {
                throw new IllegalArgumentException("settlement.payouts.initiating-party must not be blank");
            }
        }
    }

    /**
     * @param tolerance  how much less than the books the bank may credit under the same reference (a bank fee
     *                   deducted) and still match, as a decimal in the account's currency; the difference stays
     *                   visible as a residual. 0 for none.
     * @param windowDays how many banking days apart a bank entry's value date and a posting's booking date may be
     *                   when they are matched by amount and counterparty
     * @param escalateAfterDays a break open longer than this many banking days is listed as an escalation
     */
    public record Reconciliation(@DefaultValue("0") String tolerance, @DefaultValue("2") int windowDays,
                                 @DefaultValue("10") int escalateAfterDays) {

        public Reconciliation {
            if (escalateAfterDays < 0) {
                throw new IllegalArgumentException("settlement.reconciliation.escalate-after-days must not be negative, is "
                        + escalateAfterDays);
            }
            if (!se.clientfunds.money.Money.isDecimalText(tolerance)) {
                throw new IllegalArgumentException("settlement.reconciliation.tolerance must be a decimal like 50.00, is '"
                        + tolerance + "'");
            }
            if (windowDays < 0) {
                throw new IllegalArgumentException("settlement.reconciliation.window-days must not be negative, is " + windowDays);
            }
        }
    }

    /**
     * @param withoutStatement whether a day closes although the bank's statement of a client-funds account in use has not
     *                         arrived: false (the default) keeps the day open, its figures provisional, until it has;
     *                         true closes it anyway and every report of that day says so in red
     */
    public record Close(@DefaultValue("false") boolean withoutStatement) {
    }

    /**
     * @param method how the firm safeguards its clients' money: {@code segregation} (in designated client-funds
     *               accounts, the default), {@code insurance} or {@code guarantee}
     */
    public record Safeguarding(@DefaultValue("segregation") String method) {

        private static final java.util.Set<String> METHODS = java.util.Set.of("segregation", "insurance", "guarantee");

        public Safeguarding {
            if (method == null || !METHODS.contains(method.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("settlement.safeguarding.method must be segregation, insurance or guarantee, is '"
                        + method + "'");
            }
            method = method.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param locale      the language of the reports' labels and their number and date formats: en, sv or de
     * @param manifestKey a secret (give it through the environment, e.g. {@code ${SETTLEMENT_MANIFEST_KEY}}): when set,
     *                    each manifest's SHA-256 is recorded with an HMAC-SHA256 under it, and {@code verify} checks it
     * @param manifestKeySince the first business day whose manifests were written with the key: from it on, {@code verify}
     *                    refuses a manifest without a keyed hash, even if every keyed hash was removed from the database
     */
    public record Reports(@DefaultValue("en") String locale, String manifestKey, java.time.LocalDate manifestKeySince) {

        private static final java.util.Set<String> LANGUAGES = java.util.Set.of("en", "sv", "de");

        public Reports {
            if (locale == null || !LANGUAGES.contains(java.util.Locale.forLanguageTag(locale).getLanguage())
                    || !java.util.Locale.forLanguageTag(locale).toLanguageTag().equalsIgnoreCase(locale)) {
                throw new IllegalArgumentException("settlement.reports.locale must be one of en, sv, de (a language tag such as"
                        + " sv-SE allowed), is '" + locale + "'");
            }
        }

        public java.util.Locale toLocale() {
            return java.util.Locale.forLanguageTag(locale);
        }
    }

    /**
     * Four eyes: an action above its amount in a currency is proposed by one person and done only when a different person
     * approves it. Amounts are decimals in the currency, per currency code ({@code SEK: 100000.00}); a currency not listed
     * needs no approval, and an empty map (the default) turns four eyes off for that action.
     *
     * @param breakResolveAbove resolving a reconciliation break of more than this
     * @param allocateAbove     allocating by hand more than this of a payment to an invoice
     */
    public record Approvals(java.util.Map<String, String> breakResolveAbove, java.util.Map<String, String> allocateAbove) {

        public Approvals {
            breakResolveAbove = checked("break-resolve-above", breakResolveAbove);
            allocateAbove = checked("allocate-above", allocateAbove);
        }

        private static java.util.Map<String, String> checked(String key, java.util.Map<String, String> amounts) {
            if (amounts == null) {
                return java.util.Map.of();
            }
            java.util.Map<String, String> upper = new java.util.TreeMap<>();
            amounts.forEach((currency, amount) -> {
                String code = currency.trim().toUpperCase(java.util.Locale.ROOT);
                try {
                    amount(code, amount);
                } catch (IllegalArgumentException e) {
                    // (no cause: the command line says the root cause's message, and this one names the key)
                    throw new IllegalArgumentException("settlement.approvals." + key + "." + currency + ": " + e.getMessage());
                }
                upper.put(code, amount.trim());
            });
            return java.util.Collections.unmodifiableMap(upper);
        }

        /** The amount above which the action needs approval in the currency, if any. */
        public java.util.Optional<se.clientfunds.money.Money> above(boolean breakResolve, String currency) {
            String text = (breakResolve ? breakResolveAbove : allocateAbove).get(currency);
            return text == null ? java.util.Optional.empty() : java.util.Optional.of(amount(currency, text));
        }

        private static se.clientfunds.money.Money amount(String currency, String text) {
            return ConfiguredAmount.parse(currency, text);
        }
    }

    /**
     * Sanctions screening (DESIGN §2.6).
     *
     * @param matchThreshold a name scoring this or more against a listed name is an alert (0.5 to 1.0; an exact hit, the
     *                       same normalised tokens in any order, scores 1.0 and also holds the payment)
     * @param chunkSize      payments screened per transaction
     * @param rescreenDays   when a new list comes into force, the payers of this many banking days back (the day
     *                       included) are screened again, with every client and debtor (0: clients and debtors only)
     */
    public record Sanctions(@DefaultValue("0.90") java.math.BigDecimal matchThreshold, @DefaultValue("2000") int chunkSize,
                            @DefaultValue("20") int rescreenDays) {

        public Sanctions(java.math.BigDecimal matchThreshold, int chunkSize) {
            this(matchThreshold, chunkSize, 20);
        }

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Sanctions {
            if (rescreenDays < 0 || rescreenDays > 250) {
                throw new IllegalArgumentException("settlement.sanctions.rescreen-days: must be from 0 to 250, is " + rescreenDays);
            }
            if (matchThreshold.compareTo(new java.math.BigDecimal("0.5")) < 0 || matchThreshold.compareTo(java.math.BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("settlement.sanctions.match-threshold: must be from 0.5 to 1.0, is " + matchThreshold);
            }
            if (chunkSize < 1) {
                throw new IllegalArgumentException("settlement.sanctions.chunk-size: must be 1 or more, is " + chunkSize);
            }
        }
    }
}
