package se.clientfunds.app.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayReport;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.money.Money;
import se.clientfunds.operations.PipelineLock;

@Command(name = "run-day", mixinStandardHelpOptions = true,
        description = {"Runs the daily cycle for a business date.", "Imports what waits in the inbox: platform extracts "
                + "(clients, invoices, refunds), then payment notifications (camt.054, BGMax), then statements (camt.053, "
                + "MT940); then allocates the payments, pays approved refunds and due payouts (outbox/pain001-<date>.xml) "
                + "and closes the day. An earlier day left open is caught up first. A failed import or job from an "
                + "earlier run of the day is restarted from its last commit, not started over.",
                "Exit codes: 0 the day completed and nothing needs attention, 1 a job failed (run again to restart it), 2 a usage"
                        + " error or a file was refused, 3 the day completed but reconciliation found an unexplained difference,"
                        + " a safeguarding shortfall or a statement gap (printed)."})
class RunDayCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Parameters(index = "0", paramLabel = "DATE", description = "Business date, yyyy-MM-dd.")
    LocalDate businessDate;

    @Mixin
    WhoAndWhy who;

    private final Console console;

    RunDayCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext context = settle.openOrCreateHome()) {
            DailyCycle cycle = context.getBean(DailyCycle.class);
            // a server's cycle or poll on a shared database and this run never settle the same day side by side
            DayReport report = context.getBean(PipelineLock.class).holdingOrRefuse("run-day " + businessDate,
                    () -> who.run(() -> cycle.run(businessDate)));
            return print(console, report, context.getBean(Ledger.class));
        }
    }

    static int print(Console console, DayReport report, Ledger ledger) {
        console.println("business day " + report.businessDate() + ":");
        if (report.imports().isEmpty()) {
            console.println("  nothing waiting in the inbox");
        }
        for (ImportOutcome outcome : report.imports()) {
            if (outcome.status() == ImportOutcome.Status.IMPORTED) {
                console.println("  " + outcome.summary());
            } else {
                console.error("  " + outcome.summary());
            }
        }
        for (DayJobOutcome job : report.jobs()) {
            if (job.status() == DayJobOutcome.Status.FAILED) {
                console.error("  " + job.describe());
            } else {
                console.println("  " + job.describe());
            }
        }
        report.late().stream().filter(late -> late.reports() != null).forEach(late -> console.println("  reports of "
                + late.businessDate() + " written again as version " + late.reports().version() + " in " + late.reports().folder()
                + " (" + late.reports().reason() + ")"));
        report.reportsBehind().forEach(behind -> console.println("  reports of " + behind.businessDate() + " brought up to date:"
                + " version " + behind.version() + " in " + behind.folder() + " (" + behind.reason() + ")"));
        // what the books hold at the end of the day, so an operator sees the money, not only the files; clients
        // summed, there may be a hundred thousand of them. A day left open says its figures are provisional.
        String books = report.provisional() ? "  books (provisional, " + report.businessDate() + " is not closed): " : "  books: ";
        java.util.Map<String, Money> clients = new java.util.TreeMap<>();
        java.util.Map<String, Integer> holding = new java.util.TreeMap<>();
        ledger.balances(report.businessDate()).forEach((account, balance) -> {
            String name = account.account();
            if (account.kind() == se.clientfunds.ledger.AccountKind.CLIENT) {
                String currency = balance.currency().getCurrencyCode();
                clients.merge(currency, balance, Money::plus);
                holding.merge(currency, balance.isZero() ? 0 : 1, Integer::sum);
            } else {
                console.println(books + name + " " + balance);
            }
        });
        clients.forEach((currency, total) -> console.println(books + "CLIENT (" + holding.get(currency) + " client"
                + (holding.get(currency) == 1 ? "" : "s") + " holding money) " + total));
        report.attention().forEach(item -> console.alarm("  NEEDS ATTENTION: " + item));
        if (report.failed()) {
            return SettleCommand.JOB_FAILED;
        }
        if (report.rejectedAny()) {
            return SettleCommand.INPUT_ERROR;
        }
        return report.needsAttention() ? SettleCommand.NEEDS_ATTENTION : SettleCommand.OK;
    }
}
