package se.clientfunds.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.day.DayReport;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.jobs.JobStarts;
import se.clientfunds.report.audit.AuditReport;
import se.clientfunds.report.audit.JobRun;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;

/**
 * audit.pdf's records as an auditor needs them: each job execution as "attempt n of m" with who started it and why, a
 * failed one with its root cause, the records it dealt with counted as the other reports count them, no folders in
 * file names, operator actions by the business day they concern, and the manifest before this one.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class AuditRecordsIT {

    @Autowired
    DailyCycle cycle;

    @Autowired
    DayReportRecords records;

    @Autowired
    ReportVersions versions;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path generated;

    private List<LocalDate> days;

    @BeforeEach
    void twoGeneratedDays() throws IOException {
        GeneratedDays.emptyBooks(jdbc, home);
        days = GeneratedDays.generate(calendar, DemoDataSettings.of(generated, 6, 2, 30, 5L).withAnomalyPerMille(0));
    }

    @AfterEach
    void dropFaultTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_fail_allocation");
    }

    @Test
    void aFailedAndRestartedJobIsTwoAttemptsWithWhoWhyAndTheRootCause() throws Exception {
        // given the first day's allocation failing once
        LocalDate first = days.get(0);
        GeneratedDays.deliver(generated, home.inbox(), GeneratedDays.arriving(first, true));
        jdbc.execute("CREATE TRIGGER test_fail_allocation BEFORE INSERT ON payment_allocation FOR EACH ROW"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full (test)'");
        DayReport failed = JobStarts.as("bo", null, () -> cycle.run(first));
        assertThat(failed.failed()).isTrue();

        // when an operator runs the day again once the cause is gone, saying why
        jdbc.execute("DROP TRIGGER test_fail_allocation");
        DayReport restarted = JobStarts.as("anna", "disk space freed", () -> cycle.run(first));
        assertThat(restarted.closed()).isTrue();
        ReportVersions.Version version = versions.latest(first).orElseThrow();
        AuditReport audit = records.audit(version, List.of(), List.of(), versions.previousOf(version));

        // then the allocation shows as attempt 1 of 2 (failed, with its root cause, started by bo) and 2 of 2 (anna, why)
        List<JobRun> allocations = audit.jobRuns().stream().filter(run -> run.jobName().equals("allocatePaymentsJob")).toList();
        assertThat(allocations).hasSize(2);
        assertThat(allocations.get(0)).satisfies(run -> {
            assertThat(run.status()).isEqualTo("FAILED");
            assertThat(run.attempt()).isEqualTo(1);
            assertThat(run.attempts()).isEqualTo(2);
            assertThat(run.startedBy()).isEqualTo("bo");
            assertThat(run.rootCause()).isEqualTo("step allocatePayments: disk full (test)");
        });
        assertThat(allocations.get(1)).satisfies(run -> {
            assertThat(run.status()).isEqualTo("COMPLETED");
            assertThat(run.attempt()).isEqualTo(2);
            assertThat(run.attempts()).isEqualTo(2);
            assertThat(run.startedBy()).isEqualTo("anna");
            assertThat(run.startReason()).isEqualTo("disk space freed");
            assertThat(run.rootCause()).isEmpty();
            assertThat(run.start().getOffset()).isNotNull();
        });
        // and the restart is an operator action of the day it concerns
        assertThat(audit.operatorActions()).anySatisfy(action -> {
            assertThat(action.action()).isEqualTo("RESTART");
            assertThat(action.who()).isEqualTo("anna");
            assertThat(action.reason()).isEqualTo("disk space freed");
            assertThat(action.concerns()).isEqualTo(first);
            assertThat(action.subject()).startsWith("allocatePaymentsJob (job execution ").endsWith(", attempt 2)");
        });

        // then an import counts the records the import says it imported, and names its file without a folder
        JobRun notification = audit.jobRuns().stream().filter(run -> run.parameters().contains(
                DemoDataGenerator.notificationFileName(first))).findFirst().orElseThrow();
        assertThat(notification.records()).isEqualTo(30);
        assertThat(notification.parameters()).contains("file=" + DemoDataGenerator.notificationFileName(first))
                .doesNotContain(home.root().toString()).doesNotContain("/");
        assertThat(audit.inputFiles()).allSatisfy(file -> assertThat(file.name()).doesNotContain("/"));
        assertThat(audit.previousManifest()).as("the first manifest of all").isNull();

        // when the second day is reported, then its audit names the first day's manifest
        GeneratedDays.deliver(generated, home.inbox(), GeneratedDays.arriving(days.get(1), false));
        new se.clientfunds.generator.BankSimulator().executePaymentOrders(home.outbox(), days.get(1),
                home.inbox().resolve(DemoDataGenerator.statementFileName(days.get(1))));
        assertThat(cycle.run(days.get(1)).closed()).isTrue();
        ReportVersions.Version second = versions.latest(days.get(1)).orElseThrow();
        assertThat(records.audit(second, List.of(), List.of(), versions.previousOf(second)).previousManifest()).satisfies(previous -> {
            assertThat(previous.businessDate()).isEqualTo(first);
            assertThat(previous.path()).isEqualTo(first + "/manifest.json");
            assertThat(previous.sha256()).isEqualTo(version.manifestSha256() == null
                    ? versions.get(first, 1).orElseThrow().manifestSha256() : version.manifestSha256());
        });
    }
}
