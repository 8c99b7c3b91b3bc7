package se.clientfunds.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

import se.clientfunds.app.Console;
import se.clientfunds.app.SettlementContext;
import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.jobs.Causes;
import se.clientfunds.outcome.InputError;
import se.clientfunds.outcome.JobFailed;
import se.clientfunds.outcome.NeedsAttention;
import se.clientfunds.report.TableFormat;
import se.clientfunds.settings.SettlementHome;

/** {@code settle}: the operators' command line. Exit codes: 0 success, 1 a job failed, 2 a usage or input error. */
@Command(name = "settle", mixinStandardHelpOptions = true, version = "settle 0.1.0",
        description = "Client-funds settlement pipeline: import, settle, reconcile and report a business day.",
        subcommands = {GenerateCommand.class, ImportCommand.class, RunDayCommand.class, DemoCommand.class,
                BenchCommand.class, InspectCommand.class, PositionsCommand.class, InvoicesCommand.class,
                UnallocatedCommand.class, AllocateCommand.class, BreaksCommand.class, SafeguardingCommand.class,
                ReconciliationCommand.class, ReconcileCommand.class, ReportsCommand.class, VerifyCommand.class,
                ResolutionPackCommand.class, JobsCommand.class, DaysCommand.class, ServeCommand.class, SchedulesCommand.class,
                UsersCommand.class, ApprovalsCommand.class, AlertsCommand.class},
        footer = {"", "Exit codes: 0 success, 1 a job failed, 2 a usage or input error, 3 the day completed but needs attention"
                + " (an unexplained reconciliation difference, a safeguarding shortfall, a statement gap)."})
public class SettleCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int JOB_FAILED = 1;
    public static final int INPUT_ERROR = 2;
    /** The day completed but reconciliation found something to look at: a difference, a shortfall, a statement gap. */
    public static final int NEEDS_ATTENTION = 3;

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Settlement home (inbox, archive, quarantine, reports, outbox, filings, db). "
                    + "Default: $SETTLEMENT_HOME or ./data")
    Path home;

    @Option(names = "--now", paramLabel = "INSTANT", scope = ScopeType.INHERIT,
            description = "Fixes \"now\" for this run (tests, demos), e.g. 2026-03-04T06:30:00+01:00; as settlement.clock.now."
                    + " Default: the system clock.")
    String now;

    final Console console;

    SettleCommand(Console console) {
        this.console = console;
    }

    Path home() {
        if (home != null) {
            return home;
        }
        String fromEnvironment = System.getenv("SETTLEMENT_HOME");
        return Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? "data" : fromEnvironment);
    }

    /**
     * Starts the application on a home that holds a settlement home already; a folder that does not (a typo in
     * {@code --home}) is refused naming it, and nothing is created there.
     */
    ConfigurableApplicationContext openHome() {
        return SettlementContext.start(existingHome(), console, clockOverride());
    }

    /** The home, refused naming it when it holds no settlement home. */
    private Path existingHome() {
        Path home = home();
        if (!SettlementHome.existsAt(home)) {
            throw new InputError("no settlement home in " + home.toAbsolutePath().normalize() + " (it has no inbox/ and db/):"
                    + " check --home or SETTLEMENT_HOME; a home is made by the first 'settle import', 'settle run-day' or"
                    + " 'settle demo' on it");
        }
        return home;
    }

    /** {@code --now}, when given, wins over settlement.clock.now from every other source. */
    private java.util.Map<String, Object> clockOverride() {
        if (now == null) {
            return java.util.Map.of();
        }
        try {
            java.time.OffsetDateTime.parse(now.trim());
        } catch (DateTimeParseException e) {
            throw new InputError("--now '" + now + "' is not an instant: write it as 2026-03-04T06:30:00+01:00");
        }
        return java.util.Map.of("settlement.clock.now", now.trim());
    }

    /** As {@link #openHome()}, with the web server of {@code settle serve} (health and metrics). */
    ConfigurableApplicationContext serveHome() {
        return SettlementContext.serve(existingHome(), console, clockOverride());
    }

    /** Starts the application on the home, making it when it does not exist yet (the first import or run-day). */
    ConfigurableApplicationContext openOrCreateHome() {
        return SettlementContext.start(home(), console, clockOverride());
    }

    /** Refuses a date that is not a banking day of the books, in the same words from every command. */
    static LocalDate bankingDay(ConfigurableApplicationContext context, LocalDate date) {
        return context.getBean(BankingCalendar.class).requireBankingDay(date);
    }

    @Override
    public Integer call() {
        console.error("settle: a command is needed; see 'settle --help'");
        return INPUT_ERROR;
    }

    /** Runs the command line and returns the exit code; nothing is thrown. */
    public static int execute(String[] args, Console console) {
        CommandLine commandLine = new CommandLine(new SettleCommand(console), new CommandFactory(console));
        commandLine.registerConverter(LocalDate.class, SettleCommand::date);
        commandLine.registerConverter(TableFormat.class, SettleCommand::tableFormat);
        commandLine.setOut(console.out());
        commandLine.setErr(console.err());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            console.endProgressLine();
            console.error(cmd.getCommandName() + ": " + failure(exception));
            return exitCode(exception);
        });
        commandLine.setParameterExceptionHandler((exception, parsedArgs) -> {
            console.error(exception.getCommandLine().getCommandName() + ": " + exception.getMessage());
            console.error("see '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            return INPUT_ERROR;
        });
        return commandLine.execute(args);
    }

    /**
     * The exit code of a command that ended with an exception, from its type: an {@link InputError} anywhere in the causes
     * (met in the command or inside the application: a home in use, a day not reconciled, a setting that is wrong) is 2,
     * a {@link JobFailed} and anything nobody foresaw is 1.
     */
    static int exitCode(Throwable exception) {
        return inputError(exception) != null ? INPUT_ERROR : JOB_FAILED;
    }

    /** What a command that ended with an exception says, in one line and without Java class names. */
    static String failure(Throwable exception) {
        InputError refusal = inputError(exception);
        if (refusal != null) {
            return refusal.getMessage();
        }
        if (exception instanceof JobFailed) {
            return exception.getMessage();
        }
        // a failure nobody foresaw: its root cause
        return describe(exception);
    }

    /** The cause that says an operator asked for something that cannot be (exit 2), or null. */
    private static InputError inputError(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InputError refusal) {
                return refusal;
            }
        }
        return null;
    }

    /** Says what needs attention, in red on a terminal, and gives the exit code: 3 when something does, else 0. */
    static int attention(Console console, NeedsAttention outcome) {
        List<String> attention = outcome.attention();
        attention.forEach(item -> console.alarm("NEEDS ATTENTION: " + item));
        return attention.isEmpty() ? OK : NEEDS_ATTENTION;
    }

    /** {@code --format} of every command that prints a table: table, csv or json. */
    static TableFormat tableFormat(String text) {
        try {
            return TableFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** A date on the command line, said in one line when it is not one (no Java class names). */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date: write it as yyyy-MM-dd, e.g. 2026-01-07");
        }
    }

    static String describe(Throwable exception) {
        return Causes.rootMessage(exception);
    }

    /** Gives each subcommand the console. */
    private record CommandFactory(Console console) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Console.class).newInstance(console);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
