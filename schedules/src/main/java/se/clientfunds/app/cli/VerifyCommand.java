package se.clientfunds.app.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.reports.ReportVersions;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies the reports' manifest chain up to DATE: every version's listed files (SHA-256), no file added,"
                + " each manifest's link to the manifest written before it, and each manifest against the SHA-256 (and, with"
                + " settlement.reports.manifest-key, the HMAC) the database recorded when it was written, so a rewrite of"
                + " the last day is found too.",
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
        try (ConfigurableApplicationContext context = settle.openHome()) {
            SettleCommand.bankingDay(context, businessDate);
            ReportVersions versions = context.getBean(ReportVersions.class);
            List<String> problems = versions.chain().verify(businessDate, versions.recorded());
            if (problems.isEmpty()) {
                console.println("reports up to " + businessDate + ": the manifest chain is intact");
                return SettleCommand.OK;
            }
            // a day never reported is missing, not tampered with
            problems.forEach(problem -> console.alarm((problem.endsWith(": no reports were written for " + businessDate)
                    ? "MISSING: " : "TAMPERED: ") + problem));
            return SettleCommand.JOB_FAILED;
        }
    }
}
