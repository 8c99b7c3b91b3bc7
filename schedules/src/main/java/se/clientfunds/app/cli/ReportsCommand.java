package se.clientfunds.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayJobs;
import se.clientfunds.files.Sha256;
import se.clientfunds.jobs.JobName;
import se.clientfunds.reports.DailyReports;

/**
 * {@code reports DATE}. The day's {@code reportsJob} instance is COMPLETED after run-day and Spring Batch will not run
 * a completed instance again; a new identifying parameter would make a new run with a new execution id printed on
 * every report, so the bytes and the chain would change. A completed day is therefore rendered through the same
 * service the job uses, under the run id its reports already carry; a day whose job never completed runs the job.
 */
@Command(name = "reports", mixinStandardHelpOptions = true,
        description = {"Writes a reconciled business day's reports again into reports/<date>/: positions.xlsx, "
                + "reconciliation.pdf, safeguarding.pdf and manifest.json, chained to the previous day's manifest.",
                "Under the run id the day's reports carry, so the same books give the same bytes and the later days' "
                        + "manifests still chain (check with 'settle verify'). A day whose reportsJob never completed runs "
                        + "it (a failed one is restarted). Exit 2 when the day is not closed and reconciled."})
class ReportsCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Parameters(index = "0", paramLabel = "DATE", description = "Business date, yyyy-MM-dd.")
    LocalDate businessDate;

    private final Console console;

    ReportsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = settle.openHome()) {
            SettleCommand.bankingDay(context, businessDate);
            DailyReports reports = context.getBean(DailyReports.class);
            DayJobs dayJobs = context.getBean(DayJobs.class);
            try {
                reports.requireReconciled(businessDate);
            } catch (IllegalStateException e) {
                throw CommandFailure.input(e.getMessage());
            }
            Path folder = reports.chain().folder(businessDate);
            Map<String, String> before = hashes(folder);
            Optional<Long> run = reports.runOf(businessDate);
            if (run.isPresent() && dayJobs.completed(JobName.REPORTS, businessDate)) {
                reports.regenerate(businessDate, run.get());
                console.println("reports of " + businessDate + " written again under job execution " + run.get() + ":");
            } else {
                DayJobOutcome outcome = dayJobs.run(JobName.REPORTS, businessDate);
                if (outcome.status() == DayJobOutcome.Status.FAILED) {
                    throw CommandFailure.jobFailed(outcome.describe());
                }
                console.println(outcome.describe());
            }
            hashes(folder).forEach((name, sha256) -> console.println("  " + name + " " + sha256
                    + (before.containsKey(name) ? before.get(name).equals(sha256) ? " (same bytes)" : " (CHANGED)" : " (new)")));
            return SettleCommand.OK;
        }
    }

    private static Map<String, String> hashes(Path folder) {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return hashes;
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> visible = files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith(".")).toList();
            visible.forEach(file -> hashes.put(file.getFileName().toString(), Sha256.of(file)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + folder, e);
        }
        return hashes;
    }
}
