package se.clientfunds.app.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.app.Console;
import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayJobs;
import se.clientfunds.jobs.JobName;
import se.clientfunds.ledger.AccountKind;
import se.clientfunds.ledger.LedgerAccount;
import se.clientfunds.ledger.LedgerEvent;
import se.clientfunds.reference.Iban;
import se.clientfunds.reference.OcrReference;

/**
 * Stage {@code allocate_close}: {@code allocatePaymentsJob} on N incoming payments that each pay one of N open invoices
 * of {@value #CLIENTS} clients, then {@code closeBusinessDayJob} for the day, against the set-based baseline that writes
 * the same rows on the same data: {@code INSERT … SELECT} statements writing the payment and invoice allocations (joining
 * the payments to the invoices on the OCR, and to the clients for the fee), the <em>payment allocated</em> and <em>fee
 * charged</em> entries with their lines, the positions of every account grouped from the journal, and the closed day,
 * into empty copies of those tables ({@code bench_…}). After the jobs, every table they wrote is compared with the
 * baseline's copy (rows, an amount, a checksum of the values): the stage fails if they differ. The old baseline (one
 * {@code INSERT … SELECT} of the client allocations and one grouped {@code INSERT … SELECT} of the client positions) is
 * measured beside it.
 * <p>
 * The set-up is not timed: the input and ledger tables are emptied (the other stages leave payments in them), then
 * clients, invoices, payments and their <em>payment received</em> postings (debit BANK, credit UNALLOCATED, one posted
 * entry per payment through the ledger's triggers) are loaded with {@code LOAD DATA LOCAL INFILE}, as if the day's
 * imports had run. The baselines run first and write only their own tables, so the jobs then find the same data.
 */
final class AllocationCloseBenchmark {

    static final int CLIENTS = 100_000;
    static final LocalDate DAY = LocalDate.of(2026, 1, 2);

    private static final String ACCOUNT = BankImportBenchmark.ACCOUNT.value();
    private static final int POSTING_RUN = 10_000;
    /** The event of the set-up's postings: the day's imports, not the jobs'. */
    private static final String RECEIVED = LedgerEvent.PAYMENT_RECEIVED.name();
    /** The input and ledger tables the stage starts from empty; TRUNCATE bypasses the append-only triggers. */
    private static final List<String> EMPTIED = List.of("journal_line", "journal_entry", "journal_batch", "business_day",
            "account_position", "payment_allocation", "invoice_allocation", "bank_transaction", "bank_entry", "bank_section",
            "accepted_bank_reference", "invoice", "client", "imported_file");

    /**
     * The tables allocation and close write, each with the rows of it the jobs wrote ({@code {bench}}: where the
     * baseline's {@code bench_} prefix goes; the set-up's own postings left out), the values compared (neither entry ids,
     * which each side hands out its own way, nor times) and an amount summed. Another table the jobs write fails the
     * stage, naming it, until the baseline writes it and it is added here.
     */
    private static final List<Written> WRITTEN = List.of(
            new Written("payment_allocation", "{bench}payment_allocation", List.of("account_iban", "bank_reference", "currency",
                    "amount_minor", "booking_date", "allocated_on", "to_invoices_minor", "to_debtor_credit_minor",
                    "unallocated_minor", "outcome", "reason", "debtor_name", "payment_references"), "amount_minor"),
            new Written("invoice_allocation", "{bench}invoice_allocation", List.of("account_iban", "bank_reference",
                    "allocation_no", "invoice_id", "client_id", "debtor_country", "currency", "amount_minor", "fee_minor",
                    "allocated_on", "allocated_by", "reason"), "amount_minor + fee_minor"),
            new Written("journal_batch", "{bench}journal_batch WHERE id NOT IN (SELECT batch_id FROM {bench}journal_entry"
                    + " WHERE event_type = '" + RECEIVED + "')", List.of("booking_date", "posted"), "0"),
            new Written("journal_entry", "{bench}journal_entry WHERE event_type <> '" + RECEIVED + "'", List.of("booking_date",
                    "event_type", "reference", "description", "posted"), "0"),
            new Written("journal_line", "{bench}journal_line l JOIN {bench}journal_entry e ON e.id = l.entry_id"
                    + " WHERE e.event_type <> '" + RECEIVED + "'", List.of("e.event_type", "e.reference", "l.line_no", "l.account",
                    "l.account_kind", "l.currency", "l.side", "l.amount_minor"), "l.amount_minor"),
            new Written("account_position", "{bench}account_position", List.of("business_date", "account", "account_kind",
                    "currency", "opening_minor", "debit_minor", "credit_minor", "closing_minor"), "closing_minor"),
            new Written("business_day", "{bench}business_day", List.of("business_date", "status", "closed_without_statement"),
                    "0"));

    /**
     * The percentage part of a client's fee on a payment as {@code FeeTerms} computes it: amount × percent / 100 rounded
     * half-even to the minor unit (MariaDB's ROUND rounds half away from zero).
     */
    private static final String HALF_EVEN_PERCENT = "FLOOR(t.amount_minor * c.fee_percent / 100)"
            + " + CASE SIGN(MOD(t.amount_minor * c.fee_percent, 100) - 50) WHEN 1 THEN 1"
            + " WHEN 0 THEN MOD(FLOOR(t.amount_minor * c.fee_percent / 100), 2) ELSE 0 END";

    /**
     * The allocation job's chunk (settlement.allocation.chunk-size, default): the ledger posts each chunk's entries as one
     * batch, and so does the baseline.
     */
    private static final int ALLOCATION_CHUNK = 2_000;

    /** A table the jobs write, the rows of it they wrote, the values compared with the baseline's, an amount summed. */
    private record Written(String table, String from, List<String> compared, String amount) {
    }

    private final JdbcTemplate jdbc;
    private final DayJobs dayJobs;
    private final Console console;
    private String written = "";

    AllocationCloseBenchmark(JdbcTemplate jdbc, DayJobs dayJobs, Console console) {
        this.jdbc = jdbc;
        this.dayJobs = dayJobs;
        this.console = console;
    }

    /** The client, invoice and payment of number i: client {@code 1 + i % CLIENTS}, the payment pays the invoice exactly. */
    private static long amountMinor(long i) {
        return 10_000 + (i * 7_919) % 5_000_000;
    }

    private static String ocr(long i) {
        return OcrReference.withCheckDigit(Long.toString(3_000_000_000L + i)).value();
    }

    private static long clientOf(long i) {
        return 1 + i % CLIENTS;
    }

    /** Writes the set-up rows for N payments into {@code work}; {@link #load} reads them. */
    static void writeRows(Path work, long payments) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(work.resolve("ac_client.tsv"), StandardCharsets.UTF_8)) {
            for (int c = 1; c <= CLIENTS; c++) {
                String org = OcrReference.withCheckDigit(Long.toString(550_000_000L + c)).value();
                out.append("AC").append(Integer.toString(c)).append('\t').append(Integer.toString(c)).append('\t')
                        .append(org, 0, 6).append('-').append(org.substring(6)).append("\tBench client ")
                        .append(Integer.toString(c)).append("\tSEK\t").append(Iban.of("SE", String.format("5000%016d", c)).value())
                        .append("\tDAILY\t250\t1.2500\n");
            }
        }
        String bank = LedgerAccount.bank(ACCOUNT).name();
        try (BufferedWriter invoices = Files.newBufferedWriter(work.resolve("ac_invoice.tsv"), StandardCharsets.UTF_8);
             BufferedWriter transactions = Files.newBufferedWriter(work.resolve("ac_bank_transaction.tsv"), StandardCharsets.UTF_8);
             BufferedWriter entries = Files.newBufferedWriter(work.resolve("ac_journal_entry.tsv"), StandardCharsets.UTF_8);
             BufferedWriter lines = Files.newBufferedWriter(work.resolve("ac_journal_line.tsv"), StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(200);
            for (long i = 1; i <= payments; i++) {
                String ocr = ocr(i);
                long amount = amountMinor(i);
                line.setLength(0);
                line.append("AI").append(i).append('\t').append(i).append("\tAC").append(clientOf(i)).append('\t').append(ocr)
                        .append("\tSEK\t").append(amount).append('\t').append(DAY).append('\t').append(DAY.plusDays(30))
                        .append("\tDebtor ").append(i).append("\tD").append(i).append("\tSE\n");
                invoices.append(line);
                line.setLength(0);
                line.append(i).append("\t1\tNtfctn[1]/Ntry[").append(i).append("]\t").append(ACCOUNT).append("\tSEK\tC\t")
                        .append(amount).append('\t').append(DAY).append("\tAP").append(i).append("\tE2E").append(i)
                        .append("\tDebtor ").append(i).append("\t\\N\tSE\t").append(ocr).append("\t\\N\t1\n");
                transactions.append(line);
                // entry ids are i plus the first id of the block the load takes from the sequence (a user variable)
                line.setLength(0);
                line.append(i).append('\t').append(DAY).append('\t').append(RECEIVED).append('\t').append(ACCOUNT).append("/AP").append(i)
                        .append("\tDebtor ").append(i).append('\n');
                entries.append(line);
                line.setLength(0);
                line.append(i).append("\t1\t").append(bank).append('\t').append(AccountKind.BANK).append("\tSEK\tD\t")
                        .append(amount).append('\n')
                        .append(i).append("\t2\t").append(LedgerAccount.UNALLOCATED.name()).append('\t')
                        .append(AccountKind.UNALLOCATED).append("\tSEK\tC\t").append(amount).append('\n');
                lines.append(line);
            }
        }
    }

    /** Empties the input and ledger tables and loads the rows {@link #writeRows} wrote, postings posted. */
    void load(Path work, long payments) {
        BenchmarkTables.empty(jdbc, EMPTIED, String.join(", ", WRITTEN.stream().map(table -> "bench_" + table.table()).toList())
                + ", bench_old_invoice_allocation, bench_old_account_position");
        long clientsFile = registerImported("ac_clients.csv", "CLIENTS", CLIENTS);
        long invoicesFile = registerImported("ac_invoices.csv", "INVOICES", payments);
        long paymentsFile = registerImported("ac_camt054.xml", "CAMT_054", payments);
        loadRows(work.resolve("ac_client.tsv"), "client", "(client_id, line_no, org_number, name, currency, payout_account,"
                + " payout_schedule, fee_fixed_minor, fee_percent) SET import_id = " + clientsFile, CLIENTS);
        loadRows(work.resolve("ac_invoice.tsv"), "invoice", "(invoice_id, line_no, client_id, ocr, currency, amount_minor,"
                + " issue_date, due_date, debtor_name, debtor_id, debtor_country) SET import_id = " + invoicesFile, payments);
        loadRows(work.resolve("ac_bank_transaction.tsv"), "bank_transaction", "(entry_no, transaction_no, location,"
                + " account_iban, currency, direction, amount_minor, booking_date, bank_reference, end_to_end_id,"
                + " counterparty_name, counterparty_account, counterparty_country, payment_references, remittance_text,"
                + " is_payment) SET import_id = " + paymentsFile, payments);

        // the entries' ids: a range the sequence hands out to no one else (it is moved past the range afterwards); they
        // are loaded into open batches of POSTING_RUN entries, which are then posted one by one
        long firstId = jdbc.queryForObject("SELECT NEXTVAL(journal_entry_seq)", Long.class);
        long offset = firstId - 1;
        long batches = (payments + POSTING_RUN - 1) / POSTING_RUN;
        long firstBatch = jdbc.queryForObject("SELECT NEXTVAL(journal_batch_seq)", Long.class);
        for (long b = 0; b < batches; b++) {
            jdbc.update("INSERT INTO journal_batch (id, booking_date) VALUES (?, ?)", firstBatch + b, Date.valueOf(DAY));
        }
        jdbc.queryForObject("SELECT SETVAL(journal_batch_seq, " + (firstBatch + batches) + ", 0)", Long.class);
        loadRows(work.resolve("ac_journal_entry.tsv"), "journal_entry", "(@number, booking_date, event_type, reference,"
                + " description) SET id = @number + " + offset + ", batch_id = " + firstBatch + " + (@number - 1) DIV "
                + POSTING_RUN + ", posted = 0", payments);
        loadRows(work.resolve("ac_journal_line.tsv"), "journal_line", "(@number, line_no, account, account_kind, currency,"
                + " side, amount_minor) SET entry_id = @number + " + offset, 2 * payments);
        jdbc.queryForObject("SELECT SETVAL(journal_entry_seq, " + (firstId + payments) + ")", Long.class);
        for (long b = 0; b < batches; b++) {
            jdbc.update("UPDATE journal_batch SET posted = 1 WHERE id = ?", firstBatch + b);
        }
        // the bank's statement of the day, so the close does not wait for it (its lines are reconciliation's, not timed)
        long statementFile = registerImported("ac_camt053.xml", "CAMT_053", 0);
        jdbc.update("INSERT INTO bank_section (import_id, section_no, format, section_id, account_iban, currency, opening_minor,"
                + " opening_date, closing_minor, closing_date, entry_count) SELECT ?, 1, 'CAMT_053', 'ac-statement', ?, 'SEK', 0, ?,"
                + " COALESCE(SUM(amount_minor), 0), ?, 0 FROM bank_transaction WHERE import_id = ?", statementFile, ACCOUNT,
                Date.valueOf(DAY), Date.valueOf(DAY), paymentsFile);
        jdbc.execute("ANALYZE TABLE client, invoice, bank_transaction, journal_batch, journal_entry, journal_line");
    }

    BenchmarkResult run(long payments) {
        long clients = Math.min(payments, CLIENTS);
        long oldBaselineNanos = oldBaseline(payments, clients);
        for (Written table : WRITTEN) {
            BenchmarkTables.emptyCopy(jdbc, table.table());
        }
        long baselineStart = System.nanoTime();
        long allocated = baseline();
        long baselineNanos = System.nanoTime() - baselineStart;
        if (allocated != payments) {
            throw new IllegalStateException("the baseline allocated " + allocated + " payments, expected " + payments);
        }

        Map<String, Long> before = BenchmarkTables.rowCounts(jdbc);
        HeapPeak.reset();
        long start = System.nanoTime();
        DayJobOutcome allocation = dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY);
        long allocationNanos = System.nanoTime() - start;
        DayJobOutcome close = allocation.status() == DayJobOutcome.Status.COMPLETED
                ? dayJobs.run(JobName.CLOSE_BUSINESS_DAY, DAY) : allocation;
        long nanos = System.nanoTime() - start;
        long peak = HeapPeak.peakBytes();
        for (DayJobOutcome outcome : List.of(allocation, close)) {
            if (outcome.status() != DayJobOutcome.Status.COMPLETED) {
                throw new IllegalStateException(outcome.job() + " for " + DAY + " did not complete: " + outcome.summary());
            }
        }
        long paid = jdbc.queryForObject("SELECT COUNT(*) FROM payment_allocation WHERE outcome = 'ALLOCATED'", Long.class);
        // every client paid, BANK, UNALLOCATED (at zero) and PLATFORM_FEES
        long accounts = jdbc.queryForObject("SELECT COUNT(*) FROM account_position WHERE business_date = ?", Long.class,
                Date.valueOf(DAY));
        if (paid != payments || accounts != clients + 3) {
            throw new IllegalStateException("the jobs allocated " + paid + " payments and closed " + accounts
                    + " accounts, expected " + payments + " and " + (clients + 3));
        }
        BenchmarkTables.requireWritten("allocatePaymentsJob and closeBusinessDayJob", before, BenchmarkTables.rowCounts(jdbc),
                WRITTEN.stream().map(Written::table).toList());
        List<String> same = new ArrayList<>();
        for (Written table : WRITTEN) {
            Fingerprint jobs = fingerprint(table, "");
            Fingerprint baseline = fingerprint(table, "bench_");
            if (!jobs.equals(baseline)) {
                throw new IllegalStateException(table.table() + ": the jobs wrote " + jobs + ", the baseline " + baseline);
            }
            same.add(table.table() + " " + String.format(Locale.ROOT, "%,d", jobs.rows()));
        }
        written = "allocate_close: the jobs and the baseline wrote the same rows: " + String.join(", ", same);
        console.progress(String.format(Locale.ROOT, "bench allocate_close: allocatePaymentsJob %.2f s, closeBusinessDayJob %.2f s",
                allocationNanos / 1e9, (nanos - allocationNanos) / 1e9));
        return new BenchmarkResult("allocate_close", payments, nanos, baselineNanos, peak).withOldBaseline(oldBaselineNanos);
    }

    /** What the jobs and the baseline wrote, table by table, for the note beside the table. */
    String written() {
        return written;
    }

    /**
     * The old baseline, kept so that earlier figures stay comparable: the client allocations and the client positions as
     * two set-based statements (a third of the rows the jobs write), into copies of their own.
     */
    private long oldBaseline(long payments, long clients) {
        jdbc.execute("CREATE TABLE bench_old_invoice_allocation LIKE invoice_allocation");
        jdbc.execute("CREATE TABLE bench_old_account_position LIKE account_position");
        long start = System.nanoTime();
        long allocated = jdbc.update("INSERT INTO bench_old_invoice_allocation (account_iban, bank_reference, allocation_no,"
                + " invoice_id, client_id, debtor_country, currency, amount_minor, fee_minor, allocated_on)"
                + " SELECT t.account_iban, t.bank_reference, 1, i.invoice_id, i.client_id, i.debtor_country, t.currency,"
                + " LEAST(t.amount_minor, i.amount_minor),"
                + " LEAST(LEAST(t.amount_minor, i.amount_minor), c.fee_fixed_minor"
                + "   + ROUND(LEAST(t.amount_minor, i.amount_minor) * c.fee_percent / 100)), ?"
                + " FROM bank_transaction t JOIN invoice i ON i.ocr = t.payment_references AND i.currency = t.currency"
                + " JOIN client c ON c.client_id = i.client_id"
                + " WHERE t.is_payment = 1 AND t.direction = 'C' AND t.booking_date <= ?", Date.valueOf(DAY), Date.valueOf(DAY));
        long positions = jdbc.update("INSERT INTO bench_old_account_position (business_date, account, account_kind, currency,"
                + " opening_minor, debit_minor, credit_minor, closing_minor)"
                + " SELECT ?, CONCAT('CLIENT:', client_id), 'CLIENT', currency, 0, SUM(fee_minor), SUM(amount_minor),"
                + " SUM(amount_minor) - SUM(fee_minor) FROM bench_old_invoice_allocation GROUP BY client_id, currency",
                Date.valueOf(DAY));
        long nanos = System.nanoTime() - start;
        if (allocated != payments || positions != clients) {
            throw new IllegalStateException("the old baseline allocated " + allocated + " payments to " + positions
                    + " clients, expected " + payments + " to " + clients);
        }
        return nanos;
    }

    /**
     * The rows the jobs write, set-based, into the {@code bench_} copies: each payment's allocation to the invoice its
     * OCR names (every payment pays its invoice exactly: the set-up makes it so, and the comparison with the jobs checks
     * it), with the client's fee ({@link se.clientfunds.allocation.FeeTerms}: the percentage rounded half-even); the
     * <em>payment allocated</em> and <em>fee charged</em> entries and their lines as {@link se.clientfunds.allocation.Allocation} writes them; the
     * positions of every account from the journal, as the close computes them (no earlier day is closed: opening 0);
     * the day, closed. Returns the payments allocated.
     */
    private long baseline() {
        Date day = Date.valueOf(DAY);
        long allocated = jdbc.update("INSERT INTO bench_invoice_allocation (account_iban, bank_reference, allocation_no,"
                + " invoice_id, client_id, debtor_country, currency, amount_minor, fee_minor, allocated_on)"
                + " SELECT t.account_iban, t.bank_reference, 1, i.invoice_id, i.client_id, i.debtor_country, t.currency,"
                + " t.amount_minor, LEAST(t.amount_minor, c.fee_fixed_minor + " + HALF_EVEN_PERCENT + "), ?"
                + " FROM bank_transaction t JOIN imported_file f ON f.id = t.import_id AND f.status = 'IMPORTED'"
                + " JOIN invoice i ON i.ocr = t.payment_references AND i.currency = t.currency"
                + " JOIN client c ON c.client_id = i.client_id AND c.currency = i.currency"
                + " WHERE t.is_payment = 1 AND t.direction = 'C' AND t.amount_minor > 0"
                + " AND COALESCE(t.booking_date, f.business_date) <= ?", day, day);
        jdbc.update("INSERT INTO bench_payment_allocation (account_iban, bank_reference, currency, amount_minor, booking_date,"
                + " allocated_on, to_invoices_minor, to_debtor_credit_minor, unallocated_minor, outcome, reason, debtor_name,"
                + " payment_references)"
                + " SELECT t.account_iban, t.bank_reference, t.currency, t.amount_minor, COALESCE(t.booking_date, f.business_date),"
                + " ?, a.amount_minor, 0, 0, 'ALLOCATED', NULL, LEFT(t.counterparty_name, 140), t.payment_references"
                + " FROM bench_invoice_allocation a JOIN bank_transaction t ON t.account_iban = a.account_iban"
                + " AND t.bank_reference = a.bank_reference JOIN imported_file f ON f.id = t.import_id", day);
        // entry ids numbered in allocation order: the allocated entries first, then the fees; a posted batch per chunk
        String allocations = "SELECT ROW_NUMBER() OVER (ORDER BY account_iban, bank_reference) AS n, a.* FROM bench_invoice_allocation a";
        String fees = allocations + " WHERE fee_minor > 0";
        String batch = "CEIL(n / " + ALLOCATION_CHUNK + ")";
        jdbc.update("INSERT INTO bench_journal_batch (id, booking_date, posted) SELECT DISTINCT " + batch + ", ?, 1"
                + " FROM (" + allocations + ") a", day);
        jdbc.update("INSERT INTO bench_journal_entry (id, batch_id, booking_date, event_type, reference, description, posted)"
                + " SELECT n, " + batch + ", ?, ?, CONCAT(account_iban, '/', bank_reference), 'ALLOCATED', 1 FROM (" + allocations
                + ") a", day, LedgerEvent.PAYMENT_ALLOCATED.name());
        jdbc.update("INSERT INTO bench_journal_entry (id, batch_id, booking_date, event_type, reference, description, posted)"
                + " SELECT ? + n, " + batch + ", ?, ?, CONCAT(account_iban, '/', bank_reference), NULL, 1 FROM (" + fees + ") a",
                allocated, day, LedgerEvent.FEE_CHARGED.name());
        jdbc.update("INSERT INTO bench_journal_line (entry_id, line_no, account, account_kind, currency, side, amount_minor)"
                + " SELECT n, l.line_no, IF(l.line_no = 1, 'UNALLOCATED', CONCAT('CLIENT:', client_id)),"
                + " IF(l.line_no = 1, 'UNALLOCATED', 'CLIENT'), currency, IF(l.line_no = 1, 'D', 'C'), amount_minor"
                + " FROM (" + allocations + ") a CROSS JOIN (SELECT 1 AS line_no UNION ALL SELECT 2) l");
        jdbc.update("INSERT INTO bench_journal_line (entry_id, line_no, account, account_kind, currency, side, amount_minor)"
                + " SELECT ? + n, l.line_no, IF(l.line_no = 1, CONCAT('CLIENT:', client_id), 'PLATFORM_FEES'),"
                + " IF(l.line_no = 1, 'CLIENT', 'PLATFORM_FEES'), currency, IF(l.line_no = 1, 'D', 'C'), fee_minor"
                + " FROM (" + fees + ") a CROSS JOIN (SELECT 1 AS line_no UNION ALL SELECT 2) l", allocated);
        String lines = "SELECT l.account, l.account_kind, l.currency, l.side, l.amount_minor FROM %1$sjournal_entry e"
                + " JOIN %1$sjournal_line l ON l.entry_id = e.id WHERE e.posted = 1 AND e.booking_date <= ?";
        jdbc.update("INSERT INTO bench_account_position (business_date, account, account_kind, currency, opening_minor,"
                + " debit_minor, credit_minor, closing_minor)"
                + " SELECT ?, account, account_kind, currency, 0, debit, credit,"
                + " CASE account_kind WHEN 'BANK' THEN debit - credit ELSE credit - debit END"
                + " FROM (SELECT account, account_kind, currency, SUM(IF(side = 'D', amount_minor, 0)) AS debit,"
                + "   SUM(IF(side = 'C', amount_minor, 0)) AS credit"
                + "   FROM (" + String.format(lines, "") + " UNION ALL " + String.format(lines, "bench_") + ") movements"
                + "   GROUP BY account, account_kind, currency) p", day, day, day);
        jdbc.update("INSERT INTO bench_business_day (business_date, status, closed_at) VALUES (?, 'CLOSED', CURRENT_TIMESTAMP(6))",
                day);
        return allocated;
    }

    /** A table's rows (those of {@code from}) by count, sum of an amount and a checksum of every value compared. */
    private record Fingerprint(long rows, BigDecimal amounts, BigDecimal checksum) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d rows of %s (checksum %s)", rows, amounts.toPlainString(), checksum.toPlainString());
        }
    }

    private Fingerprint fingerprint(Written table, String prefix) {
        String values = String.join(", ", table.compared().stream().map(column -> "QUOTE(" + column + ")").toList());
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(" + table.amount() + "), 0),"
                + " COALESCE(SUM(CRC32(CONCAT_WS('|', " + values + "))), 0) FROM " + table.from().replace("{bench}", prefix),
                (rs, row) -> new Fingerprint(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)));
    }

    private long registerImported(String fileName, String kind, long records) {
        return BenchmarkTables.registerImported(jdbc, fileName, kind, DAY, records);
    }

    private void loadRows(Path file, String table, String columns, long expected) {
        long loaded = BenchmarkTables.loadRows(jdbc, file, table, columns);
        if (loaded != expected) {
            throw new IllegalStateException("set-up loaded " + loaded + " rows into " + table + ", expected " + expected);
        }
    }
}
