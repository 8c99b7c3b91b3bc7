package se.clientfunds.app.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.app.DayTables;
import se.clientfunds.outcome.InputError;
import se.clientfunds.reconciliation.ReconciliationQueries;
import se.clientfunds.report.TableFormat;

@Command(name = "breaks", mixinStandardHelpOptions = true,
        description = {"Lists the reconciliation breaks open at the end of a business day, or explains or resolves one.",
                "Prints id,account,type,amount,currency,reference,booking_date,age_days,status: MISSING_IN_BOOKS (on the "
                        + "statement, not in the books), MISSING_IN_BANK (in the books, not on a statement yet), "
                        + "AMOUNT_DIFFERENCE; amount positive; age in banking days at that date."},
        subcommands = {BreaksCommand.Resolve.class, BreaksCommand.Explain.class, BreaksCommand.History.class})
class BreaksCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATE", description = "Business date, yyyy-MM-dd.")
    LocalDate businessDate;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    TableFormat format;

    private final Console console;

    BreaksCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (businessDate == null) {
            throw new InputError("breaks needs a DATE (or: breaks resolve ID --reason TEXT)");
        }
        try (ConfigurableApplicationContext context = settle.openHome()) {
            TableOutput.print(context.getBean(DayTables.class).breaks(businessDate), format, console.out());
            return SettleCommand.OK;
        }
    }

    /** What resolve and explain share: the break, the reason and who gives it. */
    abstract static class BreakAction implements Callable<Integer> {

        @ParentCommand
        BreaksCommand breaks;

        @Parameters(index = "0", paramLabel = "ID", description = "The break's id (see breaks DATE).")
        long id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
        String reason;

        @Option(names = "--operator", defaultValue = "${sys:user.name}", paramLabel = "NAME", description = "Who (default: the OS user).")
        String operator;

        abstract boolean resolves();

        @Override
        public Integer call() {
            return act(breaks, id, resolves(), operator, reason);
        }
    }

    /** Closes a break by hand; the ledger is not touched (a correction is a posting of its own). */
    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "Resolves a break: it is closed and no longer matched; who and why are recorded.")
    static class Resolve extends BreakAction {

        @Override
        boolean resolves() {
            return true;
        }
    }

    /** Marks a break as explained: it stays open and is still matched when the bank or books side arrives. */
    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Explains a break: it stays open and carried forward, with the explanation; who and why are recorded.")
    static class Explain extends BreakAction {

        @Override
        boolean resolves() {
            return false;
        }
    }

    /** Everything that happened to a break, oldest first. */
    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Shows a break's history: opened and cleared by reconciliation runs, every explanation, its resolution;"
                    + " business_date,run,event,rule,operator,reason,recorded_at.")
    static class History implements Callable<Integer> {

        static final List<String> COLUMNS = List.of("business_date", "run", "event", "rule", "operator", "reason", "recorded_at");

        @ParentCommand
        BreaksCommand breaks;

        @Parameters(index = "0", paramLabel = "ID", description = "The break's id (see breaks DATE).")
        long id;

        @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
                description = "Output format (default ${DEFAULT-VALUE}).")
        TableFormat format;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = breaks.settle.openHome()) {
                List<ReconciliationQueries.BreakEvent> history = context.getBean(ReconciliationQueries.class).history(id);
                if (history.isEmpty()) {
                    throw new InputError("break " + id + ": no such break (see ./settle breaks DATE)");
                }
                TableOutput output = TableOutput.start(format, COLUMNS, breaks.console.out());
                for (ReconciliationQueries.BreakEvent event : history) {
                    output.row(event.businessDate().toString(), event.run() == null ? "" : event.run().toString(), event.event(),
                            nonNull(event.matchRule()), nonNull(event.operator()), nonNull(event.reason()),
                            se.clientfunds.jobs.RecordedTimes.withOffset(event.actedAt()).toString());
                }
                output.finish();
                return SettleCommand.OK;
            }
        }

        private static String nonNull(String text) {
            return text == null ? "" : text;
        }
    }

    private static int act(BreaksCommand breaks, long id, boolean resolve, String operator, String reason) {
        try (ConfigurableApplicationContext context = breaks.settle.openHome()) {
            // (above the four-eyes amount the command line is refused: proposals are made by logged-in users)
            context.getBean(ReconciliationQueries.class).act(id, resolve, operator, reason);
            breaks.console.println("break " + id + (resolve ? " resolved" : " explained") + " by " + operator + ": " + reason);
            return SettleCommand.OK;
        }
    }
}
