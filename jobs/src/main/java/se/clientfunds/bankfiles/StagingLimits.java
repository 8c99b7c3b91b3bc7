package se.clientfunds.bankfiles;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import se.clientfunds.bank.AccountId;
import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankFileParser;
import se.clientfunds.bank.BankFileValidation;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.bank.BankRecord;
import se.clientfunds.bank.BankSection;
import se.clientfunds.bank.BankTransaction;
import se.clientfunds.settings.ClientFundsAccount;

/**
 * Checks, as the file is validated, that every text the staging keeps whole fits its column: an identity of the
 * bank's (a section id, an entry reference, a bank reference, an end-to-end id, a status or code) that is longer
 * than its column would fail the staging on every restart, or (cut short) make two payments one. Such a file is
 * refused before anything is staged, naming the record, the field and both lengths. Free text (names, remittance
 * information, references) is cut to its column instead, as the staging always did: it identifies nothing.
 */
final class StagingLimits implements BankFileParser {

    /** {@code bank_section.section_id}, {@code bank_entry.entry_reference}, {@code bank_transaction.bank_reference}. */
    static final int REFERENCE = 140;
    static final int STATUS = 8;
    static final int TRANSACTION_CODE = 40;
    static final int LOCATION = 200;
    static final int AS_OF = 40;

    private final BankFileParser parser;
    private final Function<AccountId, Optional<ClientFundsAccount>> accounts;
    /** The accounts looked up so far, once per account rather than once per entry. */
    private final Map<AccountId, Optional<ClientFundsAccount>> sectionAccounts = new HashMap<>();
    private final List<BankFileVerdict.Problem> problems = new ArrayList<>();
    private final List<BankFileVerdict.Problem> warnings = new ArrayList<>();
    private long problemCount;

    /** @param accounts the configured account a file's account id names, if any */
    StagingLimits(BankFileParser parser, Function<AccountId, Optional<ClientFundsAccount>> accounts) {
        this.parser = parser;
        this.accounts = accounts;
    }

    /** What did not fit, the first {@link BankFileValidation#REPORTED_PROBLEMS}. */
    List<BankFileVerdict.Problem> problems() {
        return List.copyOf(problems);
    }

    long problemCount() {
        return problemCount;
    }

    @Override
    public BankRecord next() {
        BankRecord record = parser.next();
        if (record instanceof BankRecord.SectionClosed closed) {
            BankSection section = closed.section();
            fits(section.location(), "statement or notification id", section.id(), REFERENCE, "bank_section.section_id");
            fits(section.location(), "time of the closing balance", section.asOf(), AS_OF, "bank_section.as_of");
        } else if (record instanceof BankRecord.Entry entry) {
            BankEntry e = entry.entry();
            fits(e.location(), "place in the file", e.location(), LOCATION, "bank_entry.location");
            fits(e.location(), "the bank's entry reference", e.accountServicerReference(), REFERENCE,
                    "bank_entry.entry_reference");
            fits(e.location(), "status", e.status(), STATUS, "bank_entry.status");
            fits(e.location(), "bank transaction code", e.bankTransactionCode(), TRANSACTION_CODE,
                    "bank_entry.bank_transaction_code");
            Optional<ClientFundsAccount> account = entry.section().account() == null ? Optional.empty()
                    : sectionAccounts.computeIfAbsent(entry.section().account(), accounts);
            if (account.isPresent() && BankFileStagingWriter.isBankgiroLump(account.get(), e) && e.booked() && !e.reversal()
                    && e.direction() == se.clientfunds.bank.Direction.CREDIT
                    && warnings.size() < BankFileValidation.REPORTED_PROBLEMS) {
                warnings.add(new BankFileVerdict.Problem(e.location(), "a batch of " + e.declaredBatchCount() + " for "
                        + e.amount() + " without its transactions, on an account bankgiro " + account.get().bankgiro()
                        + " pays into: not posted from this file (the BGMax deposit posts its payments one by one; until"
                        + " it does, the bank statement's deposit is a reconciliation break)"));
            }
            List<BankTransaction> details = e.transactions();
            for (int i = 0; i < details.size(); i++) {
                BankTransaction t = details.get(i);
                fits(t.location(), "place in the file", t.location(), LOCATION, "bank_transaction.location");
                fits(t.location(), "bank reference", BankFileStagingWriter.bankReference(e, t, i + 1, details.size()),
                        REFERENCE, "bank_transaction.bank_reference");
                fits(t.location(), "end-to-end id", t.endToEndId(), REFERENCE, "bank_transaction.end_to_end_id");
            }
        }
        return record;
    }

    private void fits(String location, String field, String value, int limit, String column) {
        if (value == null || value.length() <= limit) {
            return;
        }
        problemCount++;
        if (problems.size() < BankFileValidation.REPORTED_PROBLEMS) {
            problems.add(new BankFileVerdict.Problem(location, field + " '" + value.substring(0, 20) + "…' is "
                    + value.length() + " characters long; " + column + " keeps " + limit));
        }
    }

    @Override
    public BankFileFormat format() {
        return parser.format();
    }

    @Override
    public String version() {
        return parser.version();
    }

    @Override
    public List<BankFileVerdict.Problem> warnings() {
        List<BankFileVerdict.Problem> all = new ArrayList<>(parser.warnings());
        all.addAll(warnings);
        return all;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
