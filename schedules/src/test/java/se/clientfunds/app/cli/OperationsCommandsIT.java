package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static se.clientfunds.app.cli.InProcessSettle.settle;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** The operations commands as an operator at 06:00 meets them: the jobs, one job, the days, and the refusals. */
class OperationsCommandsIT {

    @TempDir
    Path dir;

    @Test
    void jobsAndDaysOnADemoHome() {
        // given the demo's two days
        String home = dir.resolve("demo").toString();
        InProcessSettle demo = settle("--home", home, "demo", "--days", "2", "--clients", "5", "--payments-per-day", "40");
        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isIn(SettleCommand.OK, SettleCommand.NEEDS_ATTENTION);

        // when the jobs are listed, then newest first with their day, attempt and who started them
        InProcessSettle jobs = settle("--home", home, "jobs", "--format", "csv", "--size", "3");
        assertThat(jobs.exitCode()).as(jobs.err()).isZero();
        List<String> rows = jobs.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo(String.join(",", JobsCommand.COLUMNS));
        assertThat(rows).hasSize(4);
        String user = System.getProperty("user.name");
        assertThat(rows.get(1)).startsWith("19,reportsJob,2026-01-05,,COMPLETED,1 of 1,").endsWith("," + user + ",");
        assertThat(rows.get(2)).startsWith("18,reconcileJob,2026-01-05,,COMPLETED,1 of 1,");
        assertThat(jobs.err()).isEqualTo("executions 1–3 of 19 (page 0); --page 1 for more\n");
        InProcessSettle files = settle("--home", home, "jobs", "--job", "importBankFilesJob", "--date", "2026-01-05", "--format", "csv");
        assertThat(files.out().lines().skip(1).map(line -> line.split(",")[3]).toList())
                .containsExactly("file=camt053-20260105.xml", "file=camt054-20260105.xml");

        // when one is shown, then its steps with their counts
        InProcessSettle show = settle("--home", home, "jobs", "show", "14");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).startsWith("job execution 14: allocatePaymentsJob for 2026-01-05\n  status:     COMPLETED\n"
                + "  attempt:    1 of 1, started by " + user + "\n");
        assertThat(show.out()).containsPattern("\nallocatePayments +COMPLETED +40 +40 +0 +1 +0 +0 ");

        // when the days are listed as of the next banking day's morning (6 January is a holiday), then each day with its
        // status, why, files and jobs
        InProcessSettle days = settle("--home", home, "--now", "2026-01-07T06:30:00+01:00", "days", "--format", "csv");
        assertThat(days.out().lines().toList()).containsExactly("date,status,why,files,jobs",
                "2026-01-07,OPEN,nothing run yet,,",
                "2026-01-05," + status(days, "2026-01-05") + "," + why(days, "2026-01-05")
                        + ",\"camt054-20260105.xml, camt053-20260105.xml\",8 completed",
                "2026-01-02," + status(days, "2026-01-02") + "," + why(days, "2026-01-02")
                        + ",\"clients.csv, invoices.csv, refunds.csv, camt054-20260102.xml, camt053-20260102.xml\",11 completed");
        boolean attention = days.out().contains(",NEEDS_ATTENTION,");
        assertThat(days.exitCode()).isEqualTo(attention ? SettleCommand.NEEDS_ATTENTION : SettleCommand.OK);
        assertThat(List.of(status(days, "2026-01-05"), status(days, "2026-01-02"))).allSatisfy(status -> assertThat(status)
                .isIn("RECONCILED", "NEEDS_ATTENTION"));

        // when the schedules are listed on a home no server ever ran, then they are as configured, not scheduled yet, and
        // it says nothing fires until a server starts
        InProcessSettle schedules = settle("--home", home, "schedules", "--format", "csv");
        assertThat(schedules.exitCode()).as(schedules.err()).isZero();
        assertThat(schedules.err()).isEqualTo("no server runs these schedules now: nothing fires until one starts (settle serve);"
                + " a next fire in the past is overdue, and the first fire after the start runs it\n");
        assertThat(schedules.out().lines().toList()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).isEqualTo(String.join(",", SchedulesCommand.COLUMNS));
            assertThat(lines.get(1)).startsWith("daily-cycle,daily-cycle,0 30 6 ? * MON-FRI,swedish,fire-once-now,no,,")
                    .endsWith(" (not scheduled yet)");
            assertThat(lines.get(2)).startsWith("inbox-poll,inbox-poll,0 0/5 * ? * MON-FRI,swedish,skip,no,,");
        });

        // and what makes no sense is refused with exit 2, saying why
        InProcessSettle restart = settle("--home", home, "jobs", "restart", "18", "--reason", "again");
        assertThat(restart.exitCode()).isEqualTo(SettleCommand.INPUT_ERROR);
        assertThat(restart.err()).isEqualTo("restart: job execution 18 (reconcileJob) completed: there is nothing to restart\n");
        assertThat(settle("--home", home, "jobs", "recover", "18", "--reason", "x").err())
                .isEqualTo("recover: job execution 18 is COMPLETED: only an execution a crash left marked running needs recovering\n");
        assertThat(settle("--home", home, "jobs", "show", "999").err()).isEqualTo("show: no job execution 999; 'settle jobs' lists them\n");
        InProcessSettle noReason = settle("--home", home, "jobs", "abandon", "18");
        assertThat(noReason.exitCode()).isEqualTo(SettleCommand.INPUT_ERROR);
        assertThat(noReason.err()).startsWith("abandon: Missing required option: '--reason=TEXT'");
        assertThat(settle("--home", home, "jobs", "--status", "BROKEN").err()).startsWith("jobs: no status 'BROKEN'; a status is one of ");
        InProcessSettle badNow = settle("--home", home, "--now", "tomorrow", "days");
        assertThat(badNow.exitCode()).isEqualTo(SettleCommand.INPUT_ERROR);
        assertThat(badNow.err()).isEqualTo("days: --now 'tomorrow' is not an instant: write it as 2026-03-04T06:30:00+01:00\n");
    }

    private static String status(InProcessSettle days, String date) {
        return days.out().lines().filter(line -> line.startsWith(date)).findFirst().orElseThrow().split(",")[1];
    }

    /** The why cell as CSV writes it (quoted when it holds a comma). */
    private static String why(InProcessSettle days, String date) {
        String line = days.out().lines().filter(row -> row.startsWith(date)).findFirst().orElseThrow();
        String rest = line.substring(date.length() + 1 + status(days, date).length() + 1);
        return rest.startsWith("\"") ? rest.substring(0, rest.indexOf("\",", 1) + 1) : rest.substring(0, rest.indexOf(','));
    }
}
