package se.clientfunds.app.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.bank.BankFileParser;
import se.clientfunds.bank.BankRecord;
import se.clientfunds.bank.camt.CamtParser;
import se.clientfunds.bank.camt.SafeXml;
import se.clientfunds.camt.BankTransactionCode;
import se.clientfunds.camt.Camt054Writer;
import se.clientfunds.camt.CamtEntry;
import se.clientfunds.camt.Counterparty;
import se.clientfunds.camt.CreditDebit;
import se.clientfunds.camt.NotificationHeader;
import se.clientfunds.files.FileImports;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;
import se.clientfunds.reference.OcrReference;

/**
 * Two stages on one generated camt.054 of N payments.
 * <ul>
 * <li>{@code import_camt054}: {@code importBankFilesJob} (parse, validate, stage, check references, post every payment
 * to the ledger) against the baseline that writes the same rows: a bare StAX pass over the same file plus
 * {@code LOAD DATA LOCAL INFILE} of exactly the rows the job left in each table it wrote ({@link #WRITTEN_BY_IMPORT}),
 * dumped after the job into empty copies of those tables with the same indexes. The old baseline, {@code LOAD DATA} of
 * the same payments, one row each, into a copy of the staging table {@code bank_transaction}, is measured beside it;</li>
 * <li>{@code parse_camt054}: {@link CamtParser} reading every record against a bare StAX pass over the same file.</li>
 * </ul>
 */
final class BankImportBenchmark {

    static final Iban ACCOUNT = Iban.parse("SE4550000000058398257466");
    private static final LocalDate BOOKED = LocalDate.of(2026, 1, 2);

    /**
     * The tables {@code importBankFilesJob} writes for a camt.054 of payments, in an order their rows load in. The
     * baseline loads the rows the job left in each; a table the job starts writing fails the stage, naming it, until it
     * is added here.
     */
    static final List<String> WRITTEN_BY_IMPORT = List.of("imported_file", "bank_section", "bank_entry", "bank_transaction",
            "accepted_bank_reference", "journal_batch", "journal_entry", "journal_line");

    private final FileImports imports;
    private final JdbcTemplate jdbc;
    private final Path work;
    private String written = "";

    BankImportBenchmark(FileImports imports, JdbcTemplate jdbc, Path work) {
        this.imports = imports;
        this.jdbc = jdbc;
        this.work = work;
    }

    static void writeNotification(Path file, long payments) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             Camt054Writer writer = new Camt054Writer(out, new NotificationHeader("BENCH-054", OffsetDateTime.of(2026, 1, 2, 18,
                     0, 0, 0, ZoneOffset.ofHours(1)), "BENCH-NTF", ACCOUNT, Currency.getInstance("SEK"), null))) {
            Counterparty payer = new Counterparty("Bench Payer AB", "SE", null);
            for (long i = 1; i <= payments; i++) {
                writer.write(new CamtEntry(Money.ofMinor(10_000 + i % 5_000_000, "SEK"), CreditDebit.CRDT, BOOKED, BOOKED,
                        "BK" + i, "E2E" + i, BankTransactionCode.RECEIVED_CREDIT_TRANSFER, payer,
                        OcrReference.withCheckDigit(Long.toString(1_000_000_000L + i)).value()));
            }
        }
    }

    /** The same payments as rows of {@code bank_transaction}, for the baseline. */
    static void writeBaselineRows(Path file, long payments) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(200);
            for (long i = 1; i <= payments; i++) {
                line.setLength(0);
                line.append("0\t").append(i).append("\t1\tNtfctn[1]/Ntry[").append(i).append("]\t").append(ACCOUNT.value())
                        .append("\tSEK\tC\t").append(10_000 + i % 5_000_000).append('\t').append(BOOKED).append("\tBK").append(i)
                        .append("\tE2E").append(i).append("\tBench Payer AB\t\\N\tSE\t")
                        .append(OcrReference.withCheckDigit(Long.toString(1_000_000_000L + i)).value()).append("\t\\N\t1\n");
                out.append(line);
            }
        }
    }

    /**
     * {@code importBankFilesJob} on the notification, then the baselines on the same payments: the old one-row load of
     * {@code oneRowBaseline}, and the bare StAX pass plus the load of every row the job left in the tables it wrote.
     * Both the job and the baseline start from empty tables.
     */
    BenchmarkResult importNotification(Path notification, Path oneRowBaseline, long payments) throws Exception {
        BenchmarkTables.empty(jdbc, WRITTEN_BY_IMPORT, String.join(", ", WRITTEN_BY_IMPORT.stream().map(table -> "bench_" + table)
                .toList()));
        Map<String, Long> before = BenchmarkTables.rowCounts(jdbc);
        HeapPeak.reset();
        long start = System.nanoTime();
        ImportOutcome outcome = imports.importFile(notification, BOOKED);
        long nanos = System.nanoTime() - start;
        long peak = HeapPeak.peakBytes();
        if (outcome.status() != ImportOutcome.Status.IMPORTED || outcome.rows() != payments) {
            throw new IllegalStateException(outcome.summary());
        }
        long posted = jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE posted = 1", Long.class);
        if (posted != payments) {
            throw new IllegalStateException("posted " + posted + " payments, expected " + payments);
        }
        Map<String, Long> after = BenchmarkTables.rowCounts(jdbc);
        BenchmarkTables.requireWritten("importBankFilesJob", before, after, WRITTEN_BY_IMPORT);

        // the rows the job left, dumped, and an empty copy of each table for the baseline to load them into (not timed)
        List<Dump> dumps = new ArrayList<>();
        for (String table : WRITTEN_BY_IMPORT) {
            List<String> columns = BenchmarkTables.storedColumns(jdbc, table);
            Path file = work.resolve("import_" + table + ".tsv");
            long rows = BenchmarkTables.dump(jdbc, table, columns, file);
            if (rows != after.get(table)) {
                throw new IllegalStateException("dumped " + rows + " rows of " + table + ", it holds " + after.get(table));
            }
            dumps.add(new Dump(table, BenchmarkTables.emptyCopy(jdbc, table), columns, file, rows));
        }

        // the old baseline, kept so that earlier figures stay comparable: one row per payment into the staging table
        long oldStart = System.nanoTime();
        long loaded = BenchmarkTables.loadRows(jdbc, oneRowBaseline, "bench_bank_transaction", "(import_id, entry_no,"
                + " transaction_no, location, account_iban, currency, direction, amount_minor, booking_date, bank_reference,"
                + " end_to_end_id, counterparty_name, counterparty_account, counterparty_country, payment_references,"
                + " remittance_text, is_payment)");
        long oldNanos = System.nanoTime() - oldStart;
        if (loaded != payments) {
            throw new IllegalStateException("the old baseline loaded " + loaded + " rows, expected " + payments);
        }
        jdbc.execute("TRUNCATE TABLE bench_bank_transaction");

        // the baseline: read the file as the least StAX reader does, and load every row the job left
        long baselineStart = System.nanoTime();
        long elements = bareStaxPass(notification);
        List<Long> loads = new ArrayList<>();
        for (Dump dump : dumps) {
            loads.add(BenchmarkTables.loadRows(jdbc, dump.file(), dump.copy(), BenchmarkTables.columnList(dump.columns())));
        }
        long baselineNanos = System.nanoTime() - baselineStart;
        if (elements == 0) {
            throw new IllegalStateException("the bare StAX pass saw no elements");
        }
        StringBuilder written = new StringBuilder("import_camt054: the baseline loads the rows the job left:");
        for (int i = 0; i < dumps.size(); i++) {
            Dump dump = dumps.get(i);
            if (loads.get(i) != dump.rows()) {
                throw new IllegalStateException("the baseline loaded " + loads.get(i) + " rows into " + dump.copy() + ", the job left "
                        + dump.rows() + " in " + dump.table());
            }
            written.append(i == 0 ? " " : ", ").append(dump.table()).append(' ').append(String.format(Locale.ROOT, "%,d", dump.rows()));
        }
        long guardedNanos = guardedBaseline(notification, dumps, payments);
        written.append(String.format(Locale.ROOT, ". The same StAX pass and loads into copies that keep the tables' foreign keys"
                + " and triggers, the ledger's batches loaded open and then posted, took %.2f s: the job is %.2f times that",
                guardedNanos / 1e9, (double) nanos / Math.max(1, guardedNanos)));
        this.written = written.toString();
        return new BenchmarkResult("import_camt054", payments, nanos, baselineNanos, peak).withOldBaseline(oldNanos);
    }

    /**
     * The baseline again, into copies that keep what guards the real tables ({@link BenchmarkTables#guardedCopy}): the
     * journal's batches and entries are loaded open and the batches then posted with one update, whose trigger checks
     * every entry. What the database's own guarantees cost on the same rows, which the baseline leaves out.
     */
    private long guardedBaseline(Path notification, List<Dump> dumps, long payments) throws Exception {
        BenchmarkTables.dropGuardedCopies(jdbc, WRITTEN_BY_IMPORT);
        for (Dump dump : dumps) {
            BenchmarkTables.guardedCopy(jdbc, dump.table(), WRITTEN_BY_IMPORT);
        }
        long start = System.nanoTime();
        bareStaxPass(notification);
        for (Dump dump : dumps) {
            boolean open = dump.columns().contains("posted");
            String columns = open ? BenchmarkTables.columnList(dump.columns().stream().map(column -> column.equals("posted")
                    ? "@posted" : column).toList()) + " SET posted = 0" : BenchmarkTables.columnList(dump.columns());
            long loaded = BenchmarkTables.loadRows(jdbc, dump.file(), BenchmarkTables.GUARDED + dump.table(), columns);
            if (loaded != dump.rows()) {
                throw new IllegalStateException("the guarded baseline loaded " + loaded + " rows of " + dump.table() + ", the job left "
                        + dump.rows());
            }
        }
        jdbc.update("UPDATE " + BenchmarkTables.GUARDED + "journal_batch SET posted = 1");
        long nanos = System.nanoTime() - start;
        long posted = jdbc.queryForObject("SELECT COUNT(*) FROM " + BenchmarkTables.GUARDED + "journal_entry WHERE posted = 1", Long.class);
        if (posted != payments) {
            throw new IllegalStateException("the guarded baseline posted " + posted + " entries, expected " + payments);
        }
        BenchmarkTables.dropGuardedCopies(jdbc, WRITTEN_BY_IMPORT);
        return nanos;
    }

    /** What the baseline of {@code import_camt054} loaded, table by table, for the note beside the table. */
    String written() {
        return written;
    }

    /** The rows the job left in one table, written to a file, and the table's empty copy the baseline loads them into. */
    private record Dump(String table, String copy, List<String> columns, Path file, long rows) {
    }

    BenchmarkResult parseNotification(Path notification, long payments) throws Exception {
        long baselineStart = System.nanoTime();
        long elements = bareStaxPass(notification);
        long baselineNanos = System.nanoTime() - baselineStart;
        if (elements == 0) {
            throw new IllegalStateException("the bare StAX pass saw no elements");
        }
        HeapPeak.reset();
        long start = System.nanoTime();
        long entries = 0;
        try (BankFileParser parser = CamtParser.open(notification)) {
            for (BankRecord record = parser.next(); record != null; record = parser.next()) {
                if (record instanceof BankRecord.Entry) {
                    entries++;
                }
            }
        }
        long nanos = System.nanoTime() - start;
        long peak = HeapPeak.peakBytes();
        if (entries != payments) {
            throw new IllegalStateException("the parser read " + entries + " entries, expected " + payments);
        }
        return new BenchmarkResult("parse_camt054", payments, nanos, baselineNanos, peak);
    }

    /** Every event of the document read and dropped, text included: the least any StAX reader must do. */
    private static long bareStaxPass(Path file) throws IOException, XMLStreamException {
        XMLInputFactory factory = SafeXml.inputFactory();
        long elements = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    elements++;
                } else if (event == XMLStreamReader.CHARACTERS) {
                    xml.getText();
                }
            }
            xml.close();
        }
        return elements;
    }
}
