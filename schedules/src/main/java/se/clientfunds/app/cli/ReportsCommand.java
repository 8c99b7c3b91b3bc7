package se.clientfunds.app.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.operations.PipelineLock;
import se.clientfunds.reports.ReportPublication;

@Command(name = "reports", mixinStandardHelpOptions = true,
        description = {"Writes a reconciled business day's reports, never over history.",
                "The first time into reports/<date>/ (positions.xlsx, reconciliation.pdf and .xlsx, safeguarding.pdf, audit.pdf,"
                        + " on a month's last banking day the monthly return, and manifest.json chained to the manifest written"
                        + " before). When the day changed since (a later reconciliation run), a new version in"
                        + " reports/<date>/v<n>/ whose manifest names what it supersedes. Otherwise the latest version is rendered"
                        + " again apart: the same bytes leave it as it is, other bytes make a new version. A version whose"
                        + " writing failed is finished. Exit 2 when the day is not closed and reconciled."})
class ReportsCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Parameters(index = "0", paramLabel = "DATE", description = "Business date, yyyy-MM-dd.")
    LocalDate businessDate;

    @Mixin
    WhoAndWhy who;

    private final Console console;

    ReportsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = settle.openHome()) {
            SettleCommand.bankingDay(context, businessDate);
            ReportPublication publication = context.getBean(ReportPublication.class);
            ReportPublication.Outcome outcome = context.getBean(PipelineLock.class).holdingOrRefuse("reports " + businessDate,
                    () -> who.run(() -> publication.publish(businessDate)));
            print(console, outcome);
            return SettleCommand.attention(console, outcome);
        }
    }

    static void print(Console console, ReportPublication.Outcome outcome) {
        console.println(switch (outcome.kind()) {
            case WRITTEN -> "reports of " + outcome.businessDate() + " version " + outcome.version() + " written in " + outcome.folder() + ":";
            case SAME_BYTES -> "reports of " + outcome.businessDate() + " version " + outcome.version() + " render to the same bytes;"
                    + " left as they are in " + outcome.folder() + ":";
            case NEW_VERSION -> "reports of " + outcome.businessDate() + " written as version " + outcome.version() + " in "
                    + outcome.folder() + " (" + outcome.reason() + "; version " + (outcome.version() - 1) + " is kept):";
        });
        outcome.files().forEach((name, file) -> console.println("  " + name + " " + file.sha256() + " (" + file.state() + ")"));
    }
}
