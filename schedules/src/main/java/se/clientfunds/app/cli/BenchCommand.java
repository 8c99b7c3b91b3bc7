package se.clientfunds.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.app.SettlementContext;
import se.clientfunds.app.bench.BenchmarkResult;
import se.clientfunds.app.bench.BenchmarkStages;
import se.clientfunds.app.bench.DayBenchmark;
import se.clientfunds.app.bench.ScreeningBenchmark;
import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.day.DayJobs;
import se.clientfunds.files.FileImports;
import se.clientfunds.outcome.InputError;
import se.clientfunds.report.ReportTable;
import se.clientfunds.report.TableFormat;
import se.clientfunds.monitoring.MonitoringSettings;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.settings.SettlementProperties;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times each stage against a baseline in the same run.", "For each stage that exists, times it and its baseline on the same data and "
                + "prints stage,rows,seconds,baseline_seconds,ratio,peak_heap_mb,old_baseline_seconds,old_ratio (an old "
                + "baseline only for a stage whose baseline now writes the rows the stage writes; a stage without a "
                + "baseline leaves its cells empty). Runs in a scratch home (<home>/bench, deleted afterwards) with its own "
                + "database, so the real books are not touched.",
                "Stages: import_invoices (importExtractsJob on N invoices vs LOAD DATA LOCAL INFILE of the same file); "
                        + "import_camt054 (importBankFilesJob on a camt.054 of N payments, parsed, validated, staged and "
                        + "posted, vs a bare StAX pass over the same file plus LOAD DATA LOCAL INFILE of every row the job "
                        + "left in each table it wrote; old baseline: LOAD DATA of the payments, one row each, into the "
                        + "staging table); parse_camt054 (the camt parser vs a bare StAX pass over the same file); "
                        + "allocate_close (allocatePaymentsJob on N payments paying N invoices of 100,000 clients, then "
                        + "closeBusinessDayJob, vs INSERT ... SELECT statements writing the same allocations, journal entries "
                        + "and lines, positions of every account and closed day, compared with the jobs' rows; old baseline: "
                        + "one INSERT ... SELECT joining payments to invoices on the OCR plus one grouped INSERT ... SELECT of "
                        + "the client positions); "
                        + "report_movements (positions.xlsx with N movement rows vs a bare SXSSF loop writing the same cells); "
                        + "report_breaks_pdf (reconciliation.pdf with 10,000 breaks vs a bare OpenPDF table of the same cells); "
                        + "screen (N payer names screened against a 10,000-entry sanctions list vs an exact normalised-name hash "
                        + "look-up of the same names, with the recall and false-positive rate on the labelled names printed "
                        + "after the table); monitor (monitorJob on each of 21 banking days holding N payments between them,"
                        + " vs one INSERT ... SELECT per rule over the month computing the same alerts; it empties the input"
                        + " tables: it runs last of the stages sharing the scratch database); day_1m (one generated day of N"
                        + " payments from the inbox to the written reports through run-day, each import's and job's seconds"
                        + " printed after the table; no baseline; in a home and database of its own)."})
class BenchCommand implements Callable<Integer> {

    /** Every stage, in the order they run. */
    static final List<String> STAGES = List.of("import_invoices", "import_camt054", "parse_camt054", "allocate_close",
            "report_movements", "report_breaks_pdf", "screen", "monitor", "day_1m");

    @ParentCommand
    SettleCommand settle;

    @Option(names = "--rows", defaultValue = "100000", paramLabel = "N", description = "Rows per stage (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv", description = "Output format (default ${DEFAULT-VALUE}).")
    TableFormat format;

    @Option(names = "--stages", split = ",", paramLabel = "STAGE", description = "Stages to run, comma-separated, in the "
            + "order listed above whatever the order given (default: all).")
    List<String> stages = STAGES;

    @Option(names = "--keep", description = "Keep the scratch home afterwards.")
    boolean keep;

    private final Console console;

    BenchCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (rows < 1) {
            throw new InputError("--rows must be at least 1, is " + rows);
        }
        Set<String> selected = new LinkedHashSet<>(stages);
        for (String stage : selected) {
            if (!STAGES.contains(stage)) {
                throw new InputError("--stages: unknown stage '" + stage + "', the stages are " + String.join(", ", STAGES));
            }
        }
        Path scratch = settle.home().resolve("bench");
        deleteTree(scratch);
        Files.createDirectories(scratch);
        List<BenchmarkResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            if (selected.stream().anyMatch(stage -> !stage.equals("day_1m"))) {
                runSharingTheScratchDatabase(scratch, selected, results, notes);
            }
            if (selected.contains("day_1m")) {
                // a home of its own: a day's run needs books without the days the other stages close
                try (ConfigurableApplicationContext context = SettlementContext.start(scratch.resolve("day_1m"), console,
                        Map.of("spring.datasource.url", ""))) {
                    BenchmarkStages.Found day = new DayBenchmark(context.getBean(DailyCycle.class),
                            context.getBean(JobRepository.class), context.getBean(SettlementHome.class),
                            context.getBean(BankingCalendar.class), console).run(rows);
                    results.add(day.result());
                    notes.add(day.note());
                }
            }
        } finally {
            if (!keep) {
                deleteTree(scratch);
            }
        }
        List<List<String>> cells = results.stream().map(BenchmarkResult::cells).toList();
        console.out().print(format.render(new ReportTable(BenchmarkResult.COLUMNS, cells)));
        console.out().flush();
        // beside the table, not in it: a CSV reader gets only the table on stdout
        for (String note : notes) {
            if (!note.isEmpty()) {
                (format == TableFormat.CSV ? console.err() : console.out()).println(note);
            }
        }
        console.out().flush();
        return SettleCommand.OK;
    }

    /** The stages that share the scratch home's database, in the order they must run. */
    private void runSharingTheScratchDatabase(Path scratch, Set<String> selected, List<BenchmarkResult> results,
                                              List<String> notes) throws Exception {
        try (ConfigurableApplicationContext context = SettlementContext.start(scratch, console,
                // an empty URL selects the embedded server: never the real books, whatever else is configured
                Map.of("spring.datasource.url", ""))) {
            BenchmarkStages benchmark = new BenchmarkStages(context.getBean(FileImports.class), context.getBean(DayJobs.class),
                    context.getBean(JdbcTemplate.class), scratch.resolve("work"), console);
            if (selected.contains("import_invoices")) {
                results.add(benchmark.importInvoices(rows, LocalDate.of(2026, 1, 2)));
            }
            if (selected.contains("import_camt054") || selected.contains("parse_camt054")) {
                for (BenchmarkStages.Found found : benchmark.importNotification(rows)) {
                    if (selected.contains(found.result().stage())) {
                        results.add(found.result());
                        notes.add(found.note());
                    }
                }
            }
            // after the imports: it empties the input and ledger tables they filled
            if (selected.contains("allocate_close")) {
                BenchmarkStages.Found allocation = benchmark.allocateAndClose(rows);
                results.add(allocation.result());
                notes.add(allocation.note());
            }
            if (selected.contains("report_movements")) {
                results.add(benchmark.movementsSheet(rows));
            }
            if (selected.contains("report_breaks_pdf")) {
                results.add(benchmark.reconciliationPdf());
            }
            if (selected.contains("screen")) {
                ScreeningBenchmark screening = new ScreeningBenchmark();
                results.add(screening.run(rows, context.getBean(SettlementProperties.class).sanctions().matchThreshold().doubleValue()));
                notes.add(screening.quality().describe());
            }
            // last: it empties the input tables and fills a month of its own
            if (selected.contains("monitor")) {
                BenchmarkStages.Found monitor = benchmark.monitor(rows, context.getBean(MonitoringSettings.class),
                        context.getBean(SettlementHome.class), context.getBean(BankingCalendar.class));
                results.add(monitor.result());
                notes.add(monitor.note());
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
