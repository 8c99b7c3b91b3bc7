package se.clientfunds.app.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.calendar.SwedishBankingCalendar;
import se.clientfunds.reports.ReportChain;
import se.clientfunds.settings.SettlementHome;

/** {@code verify DATE}: reads only the report folders, so it needs no database and can run on a copy of them. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies the reports' manifest chain from the first manifest up to DATE: every listed file's "
                + "SHA-256, no file added, and every manifest's link to the previous day's manifest.",
                "Exit 0 when the chain is intact; exit 1 naming every file that changed, is missing or was added."})
class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Parameters(index = "0", paramLabel = "DATE", description = "Business date, yyyy-MM-dd: the last day checked.")
    LocalDate businessDate;

    private final Console console;

    VerifyCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (!SettlementHome.existsAt(settle.home())) {
            throw CommandFailure.input("no settlement home in " + settle.home().toAbsolutePath().normalize()
                    + " (it has no inbox/ and db/): check --home or SETTLEMENT_HOME");
        }
        new SwedishBankingCalendar().requireBankingDay(businessDate);
        List<String> problems = new ReportChain(new SettlementHome(settle.home()).reports()).verify(businessDate);
        if (problems.isEmpty()) {
            console.println("reports up to " + businessDate + ": the manifest chain is intact");
            return SettleCommand.OK;
        }
        problems.forEach(problem -> console.alarm("TAMPERED: " + problem));
        return SettleCommand.JOB_FAILED;
    }
}
