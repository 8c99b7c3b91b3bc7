package se.clientfunds.app.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.app.DayTables;
import se.clientfunds.day.SafeguardingActionRecording;
import se.clientfunds.operations.PipelineLock;
import se.clientfunds.outcome.InputError;
import se.clientfunds.reconciliation.SafeguardingActions;
import se.clientfunds.report.TableFormat;

@Command(name = "safeguarding", mixinStandardHelpOptions = true,
        description = {"Shows safeguarding per currency on a reconciled business day, or records an action about it.",
                "Prints currency,requirement,resource,difference,status: requirement = CLIENT + UNALLOCATED + DEBTOR_CREDIT at "
                        + "the close (each account only when owed) + payments in transit (payouts and refunds the bank has not"
                        + " debited yet), resource = the closing booked balance of the client-funds accounts on the day's "
                        + "statements, difference = resource - requirement, status OK, EXCESS or SHORTFALL."},
        subcommands = {SafeguardingCommand.Action.class})
class SafeguardingCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATE", description = "Business date, yyyy-MM-dd.")
    LocalDate businessDate;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    TableFormat format;

    final Console console;

    SafeguardingCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (businessDate == null) {
            throw new InputError("safeguarding needs a DATE (or: safeguarding action DATE --type TYPE --amount X --reason TEXT)");
        }
        try (ConfigurableApplicationContext context = settle.openHome()) {
            DayTables.Table safeguarding = context.getBean(DayTables.class).safeguarding(businessDate);
            TableOutput.print(safeguarding, format, console.out());
            safeguarding.notices().forEach(console::error);
            return SettleCommand.attention(console, safeguarding);
        }
    }

    /** Records what was done about a day's shortfall or excess, and writes the day's reports again as a new version. */
    @Command(name = "action", mixinStandardHelpOptions = true,
            description = {"Records what was done about a day's safeguarding shortfall or excess: who, why, how much.",
                    "The day's reports are written again as a new version in reports/<date>/v<n>/ that shows it (the earlier"
                            + " version is kept); the next banking day's statement and the month's return show it too. A"
                            + " shortfall left without an action by the next banking day is flagged on every report until one"
                            + " is recorded."})
    static class Action implements Callable<Integer> {

        @ParentCommand
        SafeguardingCommand safeguarding;

        @Parameters(index = "0", paramLabel = "DATE", description = "The business day whose position the action is about.")
        LocalDate businessDate;

        @Option(names = "--type", required = true, paramLabel = "TOP_UP|WITHDRAW_EXCESS|OTHER",
                description = "TOP_UP (the firm paid in to cover a shortfall), WITHDRAW_EXCESS (the firm took out its own excess)"
                        + " or OTHER (said in the reason).")
        SafeguardingActions.Type type;

        @Option(names = "--amount", required = true, paramLabel = "X", description = "Decimal with the currency's decimals, e.g. 1500.00.")
        String amount;

        @Option(names = "--currency", paramLabel = "CODE", description = "Needed when the day has positions in several currencies.")
        String currency;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, and what exactly was done.")
        String reason;

        @Option(names = "--operator", defaultValue = "${sys:user.name}", paramLabel = "NAME", description = "Who (default: the OS user).")
        String operator;

        @Override
        public Integer call() {
            Console console = safeguarding.console;
            try (ConfigurableApplicationContext context = safeguarding.settle.openHome()) {
                SettleCommand.bankingDay(context, businessDate);
                // it writes a new version of the day's reports: never beside a server's run writing them
                SafeguardingActionRecording.Outcome outcome = context.getBean(PipelineLock.class).holdingOrRefuse("safeguarding"
                        + " action about " + businessDate, () -> context.getBean(SafeguardingActionRecording.class)
                        .record(businessDate, currency, type, amount, reason, operator));
                console.println("safeguarding action recorded about " + businessDate + ": " + outcome.action().type() + " "
                        + outcome.action().amount() + " by " + outcome.action().operator() + ": " + outcome.action().reason());
                if (outcome.reportsFailure() != null) {
                    console.error("the day's reports were not written again: " + outcome.reportsFailure()
                            + "; run 'settle reports " + businessDate + "' to finish them (the action is recorded: do not record"
                            + " it again)");
                    return SettleCommand.JOB_FAILED;
                }
                ReportsCommand.print(console, outcome.reports());
                return SettleCommand.OK;
            }
        }
    }
}
