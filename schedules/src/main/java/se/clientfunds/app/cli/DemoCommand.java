package se.clientfunds.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.day.DayReport;
import se.clientfunds.generator.BankSimulator;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.generator.GenerationSummary;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.monitoring.MonitoringSettings;
import se.clientfunds.outcome.InputError;
import se.clientfunds.settings.SettlementHome;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates a demo business and runs each of its days.", "Generates into <home>/demo, moves the inputs to the inbox, runs run-day for each generated banking day, "
                + "printing a summary per day and where the outputs are. From the second day on, the day's statement "
                + "first debits the payment batches of the day before (outbox/pain001-<date>.xml), as the bank would."})
class DemoCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Option(names = "--days", defaultValue = "3", paramLabel = "N", description = "Banking days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--clients", defaultValue = "20", paramLabel = "N", description = "Clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--payments-per-day", defaultValue = "200", paramLabel = "P",
            description = "Payments per day (default ${DEFAULT-VALUE}).")
    int paymentsPerDay;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    private final Console console;

    DemoCommand(Console console) {
        this.console = console;
    }

    /** A folder beside the home that does not exist yet, for the advice. */
    static Path unusedSibling(Path root) {
        for (int n = 2; ; n++) {
            Path candidate = root.resolveSibling(root.getFileName() + "-" + n);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    private static void deliver(Path from, Path inbox, List<String> names) throws IOException {
        for (String name : names) {
            if (Files.exists(inbox.resolve(name))) {
                throw new InputError(inbox.resolve(name) + " is already waiting in the inbox; the demo does not overwrite it");
            }
        }
        for (String name : names) {
            Files.move(from.resolve(name), inbox.resolve(name));
        }
    }

    @Override
    public Integer call() throws Exception {
        Path root = settle.home().toAbsolutePath().normalize();
        if (SettlementHome.existsAt(root)) {
            // the demo's clients, invoices and days would land in books that already have their own: refuse, and say
            // what works (a home not used yet, or this one removed whole: its folders and its database)
            throw new InputError("home " + root + " is in use already (it holds a settlement home); a demo needs a new one:"
                    + " run './settle demo --home " + unusedSibling(root) + "', or delete this home with 'rm -rf " + root
                    + "' and run the demo again");
        }
        try (ConfigurableApplicationContext context = settle.openOrCreateHome()) {
            SettlementHome home = context.getBean(SettlementHome.class);
            BankingCalendar calendar = context.getBean(BankingCalendar.class);
            // generated apart, then handed to the inbox: truth.json is the answer key, not an input
            Path generated = home.root().resolve("demo");
            DemoDataSettings settings = GenerateCommand.settings(generated, clients, days, paymentsPerDay, seed, null,
                    DemoDataSettings.DEFAULT_ANOMALY_PER_MILLE);
            // with room for them, the patterns monitoring looks for and a sanctions list naming one payer
            if (settings.canPlantMonitoringPatterns()) {
                settings = settings.withMonitoringPatterns();
            }
            GenerationSummary summary = GenerateCommand.generate(console, settings);
            if (settings.monitoringPatterns()) {
                // reference data, not an input: the demo's list of high-risk countries goes where monitoring reads it
                Path countries = home.root().resolve(context.getBean(MonitoringSettings.class).highRiskCountries());
                Files.createDirectories(countries.getParent());
                Files.copy(generated.resolve(DemoDataGenerator.HIGH_RISK_COUNTRIES_FILE), countries);
            }
            summary.describe(generated).forEach(console::println);
            DailyCycle cycle = context.getBean(DailyCycle.class);
            // generated statements know nothing of what the pipeline pays; the simulated bank debits it the next day
            BankSimulator bank = new BankSimulator();
            int worst = SettleCommand.OK;
            LocalDate date = calendar.onOrAfter(settings.start());
            for (int day = 0; day < days; day++, date = calendar.nextBankingDay(date)) {
                // each day's files arrive that day: the extracts with the first, then the bank's files of the day
                List<String> arriving = new ArrayList<>(List.of(DemoDataGenerator.notificationFileName(date),
                        DemoDataGenerator.statementFileName(date)));
                if (day == 0) {
                    arriving.addAll(0, List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE,
                            DemoDataGenerator.REFUNDS_FILE));
                    if (settings.monitoringPatterns()) {
                        arriving.add(0, DemoDataGenerator.SANCTIONS_FILE);
                    }
                }
                deliver(generated, home.inbox(), arriving);
                if (day > 0) {
                    bank.executePaymentOrders(home.outbox(), date,
                            home.inbox().resolve(DemoDataGenerator.statementFileName(date)));
                }
                DayReport report = cycle.run(date);
                int exitCode = RunDayCommand.print(console, report, context.getBean(Ledger.class));
                if (exitCode == SettleCommand.JOB_FAILED) {
                    return exitCode;
                }
                worst = Math.max(worst, exitCode);
            }
            Path folder = home.root();
            console.println("home: " + folder);
            console.println("  archive:    " + home.archive());
            console.println("  quarantine: " + home.quarantine());
            console.println("  inbox:      " + home.inbox());
            console.println("  truth.json: " + generated.resolve(DemoDataGenerator.TRUTH_FILE) + " (the anomalies the demo injected"
                    + (settings.monitoringPatterns() ? ", and the alerts its monitoring patterns raise: ./settle alerts" : "") + ")");
            console.println("  database:   " + home.database() + " (embedded MariaDB, unless spring.datasource.url is set)");
            return worst;
        }
    }
}
