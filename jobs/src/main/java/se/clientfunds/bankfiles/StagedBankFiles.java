package se.clientfunds.bankfiles;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import se.clientfunds.database.LoadDataRows;
import se.clientfunds.database.TableStatistics;

/**
 * The staging of bank files ({@code bank_section}, {@code bank_entry}, {@code bank_transaction}, each row with its
 * import id) and the claims on the bank's references ({@code accepted_bank_reference}): the SQL of the import's
 * staging and reference check, returning the facts its rules decide on. Lists of problems stop at
 * {@value #REPORTED} rows.
 */
@Repository
class StagedBankFiles {

    /** How many rows of one kind of problem are read: the file is refused on the first, the rest are for the reason file. */
    static final int REPORTED = 100;

    /** How a batch entry's own reference is claimed beside its payments' (see V25). */
    static final String BATCH_CLAIM = "BATCH ";
    /** The claim of a staged entry {@code e}'s reference as a batch's. */
    private static final String BATCH_CLAIM_OF_ENTRY = "CONCAT('" + BATCH_CLAIM + "', e.entry_reference)";
    /** A staged entry {@code e} with a reference of the bank's. */
    private static final String HAS_REFERENCE = " e.entry_reference IS NOT NULL AND e.entry_reference <> ''";
    /** A staged entry {@code e} that is a batch with a reference of the bank's: declared so, or of several transactions. */
    private static final String IS_BATCH = HAS_REFERENCE + " AND (e.declared_batch_count IS NOT NULL OR e.transaction_count > 1)";

    private final JdbcTemplate jdbc;

    StagedBankFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Refreshes the optimizer's statistics of the bank tables once an import has completed. */
    TableStatistics statistics() {
        return new TableStatistics(jdbc, "bank_section", "bank_entry", "bank_transaction", "accepted_bank_reference");
    }

    // --- staging: the rows as the writer built them, by LOAD DATA (the database's bulk path) in the chunk's transaction;
    // a row the database refuses fails the chunk naming the table and the row (its import id and numbers, location)

    void stageSections(List<Object[]> sections) {
        load(new LoadDataRows("bank_section", List.of("import_id", "section_no", "format", "section_id", "account_iban",
                "currency", "sequence_number", "opening_minor", "opening_date", "closing_minor", "closing_date", "entry_count",
                "as_of"), 2), sections);
    }

    void stageEntries(List<Object[]> entries) {
        load(new LoadDataRows("bank_entry", List.of("import_id", "entry_no", "section_no", "location", "account_iban",
                "currency", "direction", "amount_minor", "booking_date", "value_date", "entry_reference", "status",
                "bank_transaction_code", "transaction_count", "payment_information_id", "declared_batch_count"), 4), entries);
    }

    void stageTransactions(List<Object[]> transactions) {
        load(new LoadDataRows("bank_transaction", List.of("import_id", "entry_no", "transaction_no", "location",
                "account_iban", "currency", "direction", "amount_minor", "booking_date", "bank_reference", "end_to_end_id",
                "counterparty_name", "counterparty_account", "counterparty_country", "payment_references", "remittance_text",
                "is_payment"), 4), transactions);
    }

    private void load(LoadDataRows table, List<Object[]> rows) {
        rows.forEach(table::add);
        table.load(jdbc);
    }

    long entries(long importId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bank_entry WHERE import_id = ?", Long.class, importId);
    }

    // --- what the reference check decides on

    List<UnpostablePaymentRule.Unpostable> unpostablePayments(long importId) {
        return jdbc.query("SELECT location, amount_minor FROM bank_transaction WHERE import_id = ? AND is_payment = 1"
                + " AND (bank_reference = location OR amount_minor = 0) ORDER BY entry_no, transaction_no LIMIT " + REPORTED,
                (rs, row) -> new UnpostablePaymentRule.Unpostable(rs.getString(1), rs.getLong(2)), importId);
    }

    List<DuplicateReferenceRule.RepeatedReference> repeatedReferences(long importId) {
        return jdbc.query("SELECT MIN(location), bank_reference, COUNT(*) FROM bank_transaction WHERE import_id = ? AND is_payment = 1"
                + " GROUP BY account_iban, bank_reference HAVING COUNT(*) > 1 ORDER BY MIN(entry_no) LIMIT " + REPORTED,
                (rs, row) -> new DuplicateReferenceRule.RepeatedReference(rs.getString(1), rs.getString(2), rs.getLong(3)),
                importId);
    }

    /** Whether the import has a batch entry with a reference of the bank's. */
    boolean hasBatches(long importId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM bank_entry e"
                + " WHERE e.import_id = ? AND" + IS_BATCH + ")", Boolean.class, importId));
    }

    List<DuplicateReferenceRule.RepeatedBatch> repeatedBatches(long importId) {
        return jdbc.query("SELECT MIN(o.location), e.entry_reference FROM bank_entry e JOIN bank_entry o"
                + " ON o.import_id = e.import_id AND o.account_iban = e.account_iban AND o.entry_reference = e.entry_reference"
                + " AND o.entry_no <> e.entry_no WHERE e.import_id = ? AND" + IS_BATCH
                + " GROUP BY e.account_iban, e.entry_reference ORDER BY MIN(o.entry_no) LIMIT " + REPORTED,
                (rs, row) -> new DuplicateReferenceRule.RepeatedBatch(rs.getString(1), rs.getString(2)), importId);
    }

    List<ResentStatementRule.ResentStatement> resentStatements(long importId) {
        return jdbc.query("SELECT s.section_no, s.account_iban, s.closing_date, s.sequence_number, f.file_name FROM bank_section s"
                + " JOIN imported_bank_section p ON p.account_iban = s.account_iban AND p.closing_date = s.closing_date"
                + "   AND p.sequence_number <=> s.sequence_number AND p.format IN ('CAMT_053', 'MT940') AND p.import_id <> s.import_id"
                + " JOIN imported_file f ON f.id = p.import_id"
                + " WHERE s.import_id = ? AND s.format IN ('CAMT_053', 'MT940') ORDER BY s.section_no LIMIT " + REPORTED,
                (rs, row) -> new ResentStatementRule.ResentStatement(rs.getInt(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getObject(4) == null ? null : rs.getLong(4), rs.getString(5)), importId);
    }

    /** Deletes what the import staged: a refused file leaves nothing behind. */
    void discard(long importId) {
        for (String table : List.of("bank_transaction", "bank_entry", "bank_section")) {
            jdbc.update("DELETE FROM " + table + " WHERE import_id = ?", importId);
        }
    }

    // --- duplicates: kept for the record, not as payments

    /** Marks the import's payments whose reference another file's payment claimed for the account as its duplicates. */
    void markPaymentsClaimedElsewhere(long importId) {
        jdbc.update("UPDATE bank_transaction t JOIN accepted_bank_reference a ON a.account_iban = t.account_iban"
                + " AND a.bank_reference = t.bank_reference AND a.import_id <> t.import_id"
                + " SET t.is_payment = 0, t.duplicate_of = a.import_id WHERE t.import_id = ? AND t.is_payment = 1", importId);
    }

    /** Whether another file claimed a batch on an account the import is about. */
    boolean batchesClaimedOnItsAccounts(long importId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM"
                + " (SELECT DISTINCT account_iban FROM bank_section WHERE import_id = ?) s JOIN accepted_bank_reference a"
                + " ON a.account_iban = s.account_iban AND a.bank_reference LIKE '" + BATCH_CLAIM + "%')", Boolean.class,
                importId));
    }

    /** Marks the payments of any entry whose reference another file claimed as a batch's. */
    void markEntriesClaimedAsBatchElsewhere(long importId) {
        markClaimedElsewhere(importId, BATCH_CLAIM_OF_ENTRY, HAS_REFERENCE);
    }

    /** Marks the payments of a batch whose reference another file claimed as one payment's (the lump without a count). */
    void markBatchesClaimedAsPaymentElsewhere(long importId) {
        markClaimedElsewhere(importId, "e.entry_reference", IS_BATCH);
    }

    /**
     * Keeps the import's payments for the record but not as payments when another file claimed {@code claim} (an
     * expression of the staged transaction {@code t} and its entry {@code e}) for the account: they are its duplicates.
     */
    private void markClaimedElsewhere(long importId, String claim, String entries) {
        jdbc.update("UPDATE bank_transaction t JOIN bank_entry e ON e.import_id = t.import_id AND e.entry_no = t.entry_no"
                + " JOIN accepted_bank_reference a ON a.account_iban = t.account_iban AND a.bank_reference = " + claim
                + " AND a.import_id <> t.import_id SET t.is_payment = 0, t.duplicate_of = a.import_id"
                + " WHERE t.import_id = ? AND t.is_payment = 1 AND" + entries, importId);
    }

    List<DuplicateReferenceRule.Duplicate> duplicates(long importId) {
        return jdbc.query("SELECT t.location, t.bank_reference, f.file_name FROM bank_transaction t"
                + " JOIN imported_file f ON f.id = t.duplicate_of WHERE t.import_id = ? ORDER BY t.entry_no, t.transaction_no",
                (rs, row) -> new DuplicateReferenceRule.Duplicate(rs.getString(1), rs.getString(2), rs.getString(3)), importId);
    }

    /** How many of the import's payments the bank booked on or before the day. */
    long paymentsBookedOnOrBefore(long importId, LocalDate day) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE import_id = ? AND is_payment = 1"
                + " AND booking_date <= ?", Long.class, importId, Date.valueOf(day));
    }

    // --- claims: the unique key settles a race with another file claiming the same payment

    /** Claims the references of the import's payments for their accounts, and (when it has batches) its batches'. */
    void claim(long importId, boolean batches) {
        jdbc.update("INSERT INTO accepted_bank_reference (account_iban, bank_reference, import_id)"
                + " SELECT t.account_iban, t.bank_reference, t.import_id FROM bank_transaction t"
                + " WHERE t.import_id = ? AND t.is_payment = 1 AND NOT EXISTS (SELECT 1 FROM accepted_bank_reference a"
                + " WHERE a.account_iban = t.account_iban AND a.bank_reference = t.bank_reference AND a.import_id = t.import_id)",
                importId);
        if (batches) {
            jdbc.update("INSERT INTO accepted_bank_reference (account_iban, bank_reference, import_id)"
                    + " SELECT DISTINCT e.account_iban, " + BATCH_CLAIM_OF_ENTRY + ", e.import_id"
                    + " FROM bank_entry e WHERE e.import_id = ? AND" + IS_BATCH
                    + " AND EXISTS (SELECT 1 FROM bank_transaction t WHERE t.import_id = e.import_id AND t.entry_no = e.entry_no"
                    + "   AND t.is_payment = 1)"
                    + " AND NOT EXISTS (SELECT 1 FROM accepted_bank_reference a WHERE a.account_iban = e.account_iban"
                    + "   AND a.bank_reference = " + BATCH_CLAIM_OF_ENTRY + " AND a.import_id = e.import_id)",
                    importId);
        }
    }
}
