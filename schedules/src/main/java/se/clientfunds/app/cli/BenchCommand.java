package se.clientfunds.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.app.SettlementContext;
import se.clientfunds.app.bench.BenchmarkResult;
import se.clientfunds.app.bench.BenchmarkStages;
import se.clientfunds.files.FileImports;
import se.clientfunds.report.ReportTable;
import se.clientfunds.report.TableFormat;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times each stage against a baseline in the same run.", "For each stage that exists, times it and its baseline on the same data and "
                + "prints stage,rows,seconds,baseline_seconds,ratio,peak_heap_mb. Runs in a scratch home "
                + "(<home>/bench, deleted afterwards) with its own database, so the real books are not touched.",
                "Stages: import_invoices (importExtractsJob on N invoices vs LOAD DATA LOCAL INFILE of the same file); "
                        + "import_camt054 (importBankFilesJob on a camt.054 of N payments, parsed, validated, staged and "
                        + "posted, vs LOAD DATA LOCAL INFILE of the same payments into the staging table); parse_camt054 "
                        + "(the camt parser vs a bare StAX pass over the same file)."})
class BenchCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Option(names = "--rows", defaultValue = "100000", paramLabel = "N", description = "Rows per stage (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv", description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--keep", description = "Keep the scratch home afterwards.")
    boolean keep;

    private final Console console;

    BenchCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        TableFormat tableFormat = parseFormat(format);
        if (rows < 1) {
            throw CommandFailure.input("--rows must be at least 1, is " + rows);
        }
        Path scratch = settle.home().resolve("bench");
        deleteTree(scratch);
        Files.createDirectories(scratch);
        List<BenchmarkResult> results = new ArrayList<>();
        try (ConfigurableApplicationContext context = SettlementContext.start(scratch, console,
                // an empty URL selects the embedded server: never the real books, whatever else is configured
                Map.of("spring.datasource.url", ""))) {
            BenchmarkStages stages = new BenchmarkStages(context.getBean(FileImports.class),
                    context.getBean(JdbcTemplate.class), scratch.resolve("work"), console);
            results.add(stages.importInvoices(rows, LocalDate.of(2026, 1, 2)));
            results.addAll(stages.importNotification(rows));
        } finally {
            if (!keep) {
                deleteTree(scratch);
            }
        }
        List<List<String>> cells = results.stream().map(BenchmarkResult::cells).toList();
        console.out().print(tableFormat.render(new ReportTable(BenchmarkResult.COLUMNS, cells)));
        console.out().flush();
        return SettleCommand.OK;
    }

    static TableFormat parseFormat(String text) {
        try {
            return TableFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.input(e.getMessage());
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
