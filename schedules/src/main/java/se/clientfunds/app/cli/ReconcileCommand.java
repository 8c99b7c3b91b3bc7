package se.clientfunds.app.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.day.LateStatements;
import se.clientfunds.operations.PipelineLock;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Reconciles a closed business day again with a statement that arrived after it closed.",
                "Import the statement first (settle import FILE --date DATE). The day is reconciled as a new reconciliation"
                        + " run (the earlier runs are kept), which clears what the statement matches, and its reports are"
                        + " written again as a new version in reports/<date>/v<n>/ whose manifest says what it supersedes."
                        + " run-day does the same for every such day before its own. A day whose first reconciliation did"
                        + " not complete is finished instead.",
                "Exit codes: 0 reconciled and nothing needs attention, 1 the reconciliation failed (run again to restart it),"
                        + " 2 the day is not closed or has nothing new, 3 reconciled but something needs attention (printed)."})
class ReconcileCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Parameters(index = "0", paramLabel = "DATE", description = "Business date, yyyy-MM-dd.")
    LocalDate businessDate;

    @Mixin
    WhoAndWhy who;

    private final Console console;

    ReconcileCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = settle.openHome()) {
            SettleCommand.bankingDay(context, businessDate);
            LateStatements late = context.getBean(LateStatements.class);
            return print(console, context.getBean(PipelineLock.class).holdingOrRefuse("reconcile " + businessDate,
                    () -> who.run(() -> late.reconcile(businessDate))));
        }
    }

    static int print(Console console, LateStatements.Outcome outcome) {
        if (outcome.failed()) {
            console.error(outcome.reconciliation().describe());
            return SettleCommand.JOB_FAILED;
        }
        console.println(outcome.reconciliation().describe());
        if (outcome.reports() != null) {
            ReportsCommand.print(console, outcome.reports());
        }
        return SettleCommand.attention(console, outcome);
    }
}
