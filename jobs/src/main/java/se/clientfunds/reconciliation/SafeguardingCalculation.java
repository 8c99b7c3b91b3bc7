package se.clientfunds.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import se.clientfunds.ledger.AccountKind;
import se.clientfunds.ledger.LedgerEvent;

/**
 * Safeguarding per currency (DESIGN §2.5, CASS 15 as the model), from the day's closed positions and one reconciliation
 * run of it. Plain Java, in minor units.
 *
 * <p>Requirement = CLIENT + UNALLOCATED + DEBTOR_CREDIT, each account counted only when it is owed (a negative balance
 * is money owed to the firm and never offsets another), + payments in transit: payouts and refunds the books have paid
 * that the bank has not debited yet (open MISSING_IN_BANK breaks of those events), owed until the money leaves the
 * account. Resource = the statements' closing balances of the client-funds accounts.
 *
 * <p>The reconciling schedule explains resource − client money line by line, exactly: per account with a statement its
 * balance proof (statement − books = bank-only − books-only + residuals + written off + unexplained) split by what each
 * open break is; over the currency the firm's own fees (PLATFORM_FEES), since the ledger's BANK = liabilities + fees, and
 * the negative balances not netted; an account without a statement adds its books balance (and its payments in transit)
 * as not confirmed. The excess or shortfall (resource − requirement) is the schedule's total less the payments in transit.
 */
public final class SafeguardingCalculation {

    /** A closed position of an account (closing in the account's normal direction). */
    public record AccountPosition(AccountKind kind, String account, String currency, long closing) {
    }

    /**
     * A client-funds account in the run: its statement's closing balance (null without one) and its balance proof's
     * residuals, write-offs and unexplained rest (null without a statement); its books BANK balance.
     */
    public record AccountRun(String iban, String currency, Long statementClosing, long residuals, long writtenOff, Long unexplained,
                             long booksBalance) {
    }

    /** A break open at the end of the run, as the proof counts it (signed: money in positive). */
    public record OpenItem(String iban, BreakType type, long bankMinor, long booksMinor, String bookEvent) {

        boolean inTransit() {
            return type == BreakType.MISSING_IN_BANK && booksMinor < 0 && LedgerEvent.isMoneyOut(bookEvent);
        }
    }

    /** One currency's figures; every schedule line is signed as it adds to resource − client money. */
    public record Figures(String currency, long client, long unallocated, long debtorCredit, long inTransit, int inTransitCount,
                          long resource, boolean resourceComplete, long firmFees, long receiptsNotOnStatement,
                          long bankCreditsNotBooked, long bankChargesNotBooked, long amountDifferences, long otherBookEntries,
                          long negativeBalances, long residuals, long writtenOff, long unexplained, long notConfirmed) {

        public Figures {
            Objects.requireNonNull(currency, "currency");
            long schedule = scheduleTotal(inTransit, firmFees, receiptsNotOnStatement, bankCreditsNotBooked, bankChargesNotBooked,
                    amountDifferences, otherBookEntries, negativeBalances, residuals, writtenOff, unexplained, notConfirmed);
            long explained = Math.subtractExact(resource, Math.addExact(Math.addExact(client, unallocated), debtorCredit));
            if (schedule != explained) {
                throw new IllegalStateException("safeguarding of " + currency + ": the reconciling schedule adds up to " + schedule
                        + " but resource − client money is " + explained + " (minor units): the books and the reconciliation"
                        + " do not agree");
            }
        }

        public long clientMoney() {
            return client + unallocated + debtorCredit;
        }

        public long requirement() {
            return clientMoney() + inTransit;
        }

        /** Resource − requirement: positive an excess, negative a shortfall. */
        public long difference() {
            return resource - requirement();
        }

        /** OK, EXCESS or SHORTFALL; UNCONFIRMED when an account's statement is missing. */
        public SafeguardingStatus safeguardingStatus() {
            return SafeguardingStatus.of(difference(), resourceComplete);
        }

        /** {@link #safeguardingStatus()} as the {@code safeguarding.status} column keeps it. */
        public String status() {
            return safeguardingStatus().name();
        }

        private static long scheduleTotal(long... lines) {
            long total = 0;
            for (long line : lines) {
                total = Math.addExact(total, line);
            }
            return total;
        }
    }

    private SafeguardingCalculation() {
    }

    /**
     * @param positions the day's closed positions
     * @param accounts  the client-funds accounts in use in the run (those not in use are left out)
     * @param open      the breaks open at the end of the run, of those accounts
     * @param currencies every currency of a configured account: each gets figures, if only zeros
     */
    public static List<Figures> compute(List<AccountPosition> positions, List<AccountRun> accounts, List<OpenItem> open,
                                        List<String> currencies) {
        Map<String, Sums> sums = new TreeMap<>();
        currencies.forEach(currency -> sums.computeIfAbsent(currency, Sums::new));
        for (AccountPosition position : positions) {
            Sums sum = sums.computeIfAbsent(position.currency(), Sums::new);
            switch (position.kind()) {
                case CLIENT -> sum.client += Math.max(position.closing(), 0);
                case UNALLOCATED -> sum.unallocated += Math.max(position.closing(), 0);
                case DEBTOR_CREDIT -> sum.debtorCredit += Math.max(position.closing(), 0);
                case PLATFORM_FEES -> sum.firmFees += position.closing();
                case BANK -> {
                    // the books' BANK balances come with the accounts
                }
            }
            if (position.kind() != AccountKind.BANK && position.kind() != AccountKind.PLATFORM_FEES && position.closing() < 0) {
                sum.negativeBalances += position.closing();
            }
        }
        Map<String, List<OpenItem>> openByAccount = new TreeMap<>();
        open.forEach(item -> openByAccount.computeIfAbsent(item.iban(), iban -> new ArrayList<>()).add(item));
        for (AccountRun account : accounts) {
            Sums sum = sums.computeIfAbsent(account.currency(), Sums::new);
            long transit = 0;
            int transitCount = 0;
            for (OpenItem item : openByAccount.getOrDefault(account.iban(), List.of())) {
                if (item.inTransit()) {
                    transit += -item.booksMinor();
                    transitCount++;
                }
            }
            sum.inTransit += transit;
            sum.inTransitCount += transitCount;
            if (account.statementClosing() == null || account.unexplained() == null) {
                // no statement: the bank's word on this account is missing; its books balance is not in the resource
                sum.complete = false;
                sum.notConfirmed -= account.booksBalance() + transit;
                continue;
            }
            sum.resource += account.statementClosing();
            sum.residuals += account.residuals();
            sum.writtenOff += account.writtenOff();
            sum.unexplained += account.unexplained();
            for (OpenItem item : openByAccount.getOrDefault(account.iban(), List.of())) {
                switch (item.type()) {
                    case MISSING_IN_BOOKS -> {
                        if (item.bankMinor() >= 0) {
                            sum.bankCredits += item.bankMinor();
                        } else {
                            sum.bankCharges += item.bankMinor();
                        }
                    }
                    case MISSING_IN_BANK -> {
                        if (item.booksMinor() > 0) {
                            sum.receipts -= item.booksMinor();
                        } else if (!item.inTransit()) {
                            sum.other -= item.booksMinor();
                        }
                    }
                    case AMOUNT_DIFFERENCE -> sum.differences += item.bankMinor() - item.booksMinor();
                }
            }
        }
        List<Figures> figures = new ArrayList<>();
        for (Sums sum : sums.values()) {
            figures.add(new Figures(sum.currency, sum.client, sum.unallocated, sum.debtorCredit, sum.inTransit, sum.inTransitCount,
                    sum.resource, sum.complete, sum.firmFees, sum.receipts, sum.bankCredits, sum.bankCharges, sum.differences,
                    sum.other, sum.negativeBalances, sum.residuals, sum.writtenOff, sum.unexplained, sum.notConfirmed));
        }
        return figures;
    }

    private static final class Sums {
        final String currency;
        long client;
        long unallocated;
        long debtorCredit;
        long inTransit;
        int inTransitCount;
        long resource;
        boolean complete = true;
        long firmFees;
        long receipts;
        long bankCredits;
        long bankCharges;
        long differences;
        long other;
        long negativeBalances;
        long residuals;
        long writtenOff;
        long unexplained;
        long notConfirmed;

        Sums(String currency) {
            this.currency = currency;
        }
    }
}
