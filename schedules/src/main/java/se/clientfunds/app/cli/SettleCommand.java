package se.clientfunds.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import se.clientfunds.app.Console;
import se.clientfunds.app.SettlementContext;
import se.clientfunds.jobs.Causes;

/** {@code settle}: the operators' command line. Exit codes: 0 success, 1 a job failed, 2 a usage or input error. */
@Command(name = "settle", mixinStandardHelpOptions = true, version = "settle 0.1.0",
        description = "Client-funds settlement pipeline: import, settle, reconcile and report a business day.",
        subcommands = {GenerateCommand.class, ImportCommand.class, RunDayCommand.class, DemoCommand.class,
                BenchCommand.class, InspectCommand.class, PositionsCommand.class, InvoicesCommand.class,
                UnallocatedCommand.class, AllocateCommand.class, BreaksCommand.class, SafeguardingCommand.class,
                ReconciliationCommand.class, ReportsCommand.class, VerifyCommand.class},
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

    @Override
    public Integer call() {
        console.error("settle: a command is needed; see 'settle --help'");
        return INPUT_ERROR;
    }

    /** Runs the command line and returns the exit code; nothing is thrown. */
    public static int execute(String[] args, Console console) {
        CommandLine commandLine = new CommandLine(new SettleCommand(console), new CommandFactory(console));
        commandLine.setOut(console.out());
        commandLine.setErr(console.err());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            console.endProgressLine();
            if (exception instanceof CommandFailure failure) {
                console.error(cmd.getCommandName() + ": " + failure.getMessage());
                return failure.exitCode();
            }
            if (exception instanceof SettlementContext.ConfigurationException configuration) {
                console.error(cmd.getCommandName() + ": " + configuration.getMessage());
                return INPUT_ERROR;
            }
            console.error(cmd.getCommandName() + ": " + describe(exception));
            return JOB_FAILED;
        });
        commandLine.setParameterExceptionHandler((exception, parsedArgs) -> {
            console.error(exception.getCommandLine().getCommandName() + ": " + exception.getMessage());
            console.error("see '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            return INPUT_ERROR;
        });
        return commandLine.execute(args);
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
