package se.clientfunds.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.app.Console;
import se.clientfunds.day.DayJobs;
import se.clientfunds.files.FileImports;

/** The benchmark's stages, each preparing its data and timing the stage against its baseline. */
public final class BenchmarkStages {

    private final FileImports imports;
    private final DayJobs dayJobs;
    private final JdbcTemplate jdbc;
    private final Path work;
    private final Console console;

    public BenchmarkStages(FileImports imports, DayJobs dayJobs, JdbcTemplate jdbc, Path work, Console console) {
        this.imports = imports;
        this.dayJobs = dayJobs;
        this.jdbc = jdbc;
        this.work = work;
        this.console = console;
    }

    /**
     * Import of a camt.054 with N payments against the baselines that write the same rows and the old one-row baseline,
     * and its parsing alone against a bare StAX pass. Empties the tables the import writes first.
     */
    public List<Found> importNotification(long payments) throws Exception {
        Files.createDirectories(work);
        Path notification = work.resolve("camt054-bench.xml");
        Path rows = work.resolve("bank_transaction.tsv");
        console.progress("bench import_camt054: writing a camt.054 with " + payments + " payments");
        BankImportBenchmark.writeNotification(notification, payments);
        BankImportBenchmark.writeBaselineRows(rows, payments);
        BankImportBenchmark benchmark = new BankImportBenchmark(imports, jdbc, work);
        console.progress("bench parse_camt054: parsing " + payments + " payments");
        BenchmarkResult parse = benchmark.parseNotification(notification, payments);
        console.progress("bench import_camt054: import of " + payments + " payments, then the baselines on the rows it wrote");
        BenchmarkResult load = benchmark.importNotification(notification, rows, payments);
        console.endProgressLine();
        return List.of(new Found(load, benchmark.written()), new Found(parse, ""));
    }

    public BenchmarkResult importInvoices(long rows, LocalDate businessDate) throws Exception {
        Files.createDirectories(work);
        Path clients = work.resolve("clients.csv");
        Path invoices = work.resolve("invoices.csv");
        console.progress("bench import_invoices: writing " + rows + " invoices");
        BenchmarkExtracts.writeClients(clients);
        BenchmarkExtracts.writeInvoices(invoices, rows);
        console.progress("bench import_invoices: baseline and import of " + rows + " invoices");
        BenchmarkResult result = new ExtractImportBenchmark(imports, jdbc).run(clients, invoices, rows, businessDate);
        console.endProgressLine();
        return result;
    }

    /** The movements sheet of positions.xlsx with N rows against a bare SXSSF loop writing the same cells. */
    public BenchmarkResult movementsSheet(long rows) throws java.io.IOException {
        return new ReportBenchmark(work.resolve("reports"), console).movementsSheet(rows);
    }

    /** reconciliation.pdf with 10,000 breaks against a bare OpenPDF table of the same cells. */
    public BenchmarkResult reconciliationPdf() throws java.io.IOException {
        return new ReportBenchmark(work.resolve("reports"), console).reconciliationPdf();
    }

    /** A stage's result and what it found, for the note beside the table (empty for none). */
    public record Found(BenchmarkResult result, String note) {
    }

    /**
     * monitorJob over a month of N payments against set-based SQL computing the same alerts. Empties the input tables
     * first: run it last.
     */
    public Found monitor(long payments, se.clientfunds.monitoring.MonitoringSettings settings,
                         se.clientfunds.settings.SettlementHome home, se.clientfunds.calendar.BankingCalendar calendar)
            throws Exception {
        Files.createDirectories(work);
        MonitorBenchmark benchmark = new MonitorBenchmark(jdbc, dayJobs, settings, home, calendar, payments);
        console.progress("bench monitor: writing a month of " + payments + " payments, invoices and allocations");
        benchmark.writeRows(work);
        console.progress("bench monitor: loading them (not timed)");
        benchmark.load(work);
        console.progress("bench monitor: baseline, and monitorJob for " + MonitorBenchmark.DAYS + " days");
        BenchmarkResult result = benchmark.run();
        console.endProgressLine();
        return new Found(result, benchmark.counts());
    }

    /**
     * Allocation of N payments to N invoices of {@value AllocationCloseBenchmark#CLIENTS} clients and the day's close,
     * against the set-based baseline writing the same rows and the old two-statement one. Empties the input and ledger
     * tables first: run it after the stages that import.
     */
    public Found allocateAndClose(long payments) throws Exception {
        Files.createDirectories(work);
        console.progress("bench allocate_close: writing " + AllocationCloseBenchmark.CLIENTS + " clients, " + payments
                + " invoices, payments and postings");
        AllocationCloseBenchmark.writeRows(work, payments);
        AllocationCloseBenchmark benchmark = new AllocationCloseBenchmark(jdbc, dayJobs, console);
        console.progress("bench allocate_close: loading them (not timed)");
        benchmark.load(work, payments);
        console.progress("bench allocate_close: baselines, allocation and close of " + payments + " payments");
        BenchmarkResult result = benchmark.run(payments);
        console.endProgressLine();
        return new Found(result, benchmark.written());
    }
}
