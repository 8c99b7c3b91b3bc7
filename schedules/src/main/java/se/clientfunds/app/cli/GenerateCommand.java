package se.clientfunds.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import se.clientfunds.app.Console;
import se.clientfunds.app.Progress;
import se.clientfunds.calendar.SwedishBankingCalendar;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.generator.GenerationSummary;
import se.clientfunds.outcome.InputError;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a generated demo business day by day.", "Writes clients.csv, invoices.csv, refunds.csv and, for each Swedish banking day, "
                + "a camt.054 notification and a camt.053 statement (v08), with anomalies injected at a rate and listed "
                + "in truth.json. The same seed gives the same bytes."})
class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write to.")
    Path out;

    @Option(names = "--clients", defaultValue = "20", paramLabel = "N", description = "Clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--days", defaultValue = "5", paramLabel = "D", description = "Banking days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--payments-per-day", defaultValue = "200", paramLabel = "P",
            description = "Incoming payments per day (default ${DEFAULT-VALUE}).")
    int paymentsPerDay;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "DATE",
            description = "First business date; the first banking day on or after it is used (default 2026-01-02).")
    LocalDate start;

    @Option(names = "--anomaly-rate", defaultValue = "50", paramLabel = "PER_MILLE",
            description = "Anomalies per thousand payments (default ${DEFAULT-VALUE}).")
    int anomalyPerMille;

    private final Console console;

    GenerateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        DemoDataSettings settings = settings(out, clients, days, paymentsPerDay, seed, start, anomalyPerMille);
        GenerationSummary summary = generate(console, settings);
        summary.describe(out).forEach(console::println);
        return SettleCommand.OK;
    }

    static DemoDataSettings settings(Path out, int clients, int days, int paymentsPerDay, long seed, LocalDate start,
                                     int anomalyPerMille) {
        try {
            DemoDataSettings settings = DemoDataSettings.of(out, clients, days, paymentsPerDay, seed)
                    .withAnomalyPerMille(anomalyPerMille);
            return start == null ? settings : settings.withStart(start);
        } catch (IllegalArgumentException e) {
            throw new InputError(e.getMessage());
        }
    }

    static GenerationSummary generate(Console console, DemoDataSettings settings) {
        Progress progress = new Progress(console, "generating payments", settings.totalPayments());
        GenerationSummary summary = new DemoDataGenerator(new SwedishBankingCalendar()).generate(settings, progress);
        progress.finish(settings.totalPayments());
        return summary;
    }
}
