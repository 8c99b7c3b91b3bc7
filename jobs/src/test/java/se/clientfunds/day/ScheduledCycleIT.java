package se.clientfunds.day;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

/**
 * The daily cycle as a schedule runs it, after downtime: with the clock three banking days past the last closed day
 * (a weekend and a holiday between), one run closes and reconciles each missing banking day in order, and no other day.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class ScheduledCycleIT {

    private static final LocalDate FRI_2 = LocalDate.of(2026, 1, 2);

    @Autowired
    DailyCycle cycle;

    @Autowired
    BusinessDays businessDays;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path generated;

    /** The schedule's view of the books at 06:30 on Friday 9 January (the application's clock is the system's). */
    private ScheduledCycle scheduled;

    @BeforeEach
    void emptyBooks() throws IOException {
        scheduled = new ScheduledCycle(cycle, businessDays, calendar, Clock.fixed(Instant.parse("2026-01-09T05:30:00Z"),
                ZoneId.of("Europe/Stockholm")), "");
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox());
    }

    @Test
    void oneRunAfterDowntimeClosesEveryMissedBankingDayInOrderAndNoOtherDay() throws IOException {
        // given Friday 2 January closed, and the bank's files of 5, 7 and 8 January waiting in the inbox (6 January is a
        // holiday), the clock at 06:30 on Friday 9 January
        List<LocalDate> generatedDays = GeneratedDays.generate(calendar, DemoDataSettings.of(generated, 5, 4, 30, 9L));
        assertThat(generatedDays).containsExactly(FRI_2, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 8));
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE,
                DemoDataGenerator.REFUNDS_FILE, DemoDataGenerator.notificationFileName(FRI_2), DemoDataGenerator.statementFileName(FRI_2)));
        assertThat(cycle.run(FRI_2).closed()).isTrue();
        List<String> waiting = new ArrayList<>();
        for (LocalDate day : generatedDays.subList(1, 4)) {
            waiting.add(DemoDataGenerator.notificationFileName(day));
            waiting.add(DemoDataGenerator.statementFileName(day));
        }
        GeneratedDays.deliver(generated, home.inbox(), waiting);

        // when the schedule fires once
        ScheduledCycle.Run run = scheduled.runDue();

        // then 5, 7 and 8 January ran in order, each closed and reconciled, and nothing ran on the weekend or the holiday
        assertThat(run.due()).isEqualTo(LocalDate.of(2026, 1, 8));
        assertThat(run.days()).extracting(DayReport::businessDate)
                .containsExactly(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 8));
        assertThat(run.days()).allSatisfy(day -> assertThat(day.failed()).as(day.toString()).isFalse());
        assertThat(run.stopped()).isNull();
        assertThat(jdbc.queryForList("SELECT business_date FROM business_day WHERE status = 'CLOSED' ORDER BY business_date",
                Date.class).stream().map(Date::toLocalDate).toList())
                .containsExactly(FRI_2, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 8));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM business_day", Long.class)).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT DISTINCT business_date FROM reconciliation_run ORDER BY business_date", Date.class)
                .stream().map(Date::toLocalDate).toList())
                .containsExactly(FRI_2, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 8));
        assertThat(jdbc.queryForList("SELECT DISTINCT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p"
                + " WHERE p.PARAMETER_NAME = 'businessDate' ORDER BY 1", String.class))
                .containsExactly("2026-01-02", "2026-01-05", "2026-01-07", "2026-01-08");

        // and when it fires again the same morning, nothing is due
        ScheduledCycle.Run again = scheduled.runDue();
        assertThat(again.days()).isEmpty();
        assertThat(again.idle()).isEqualTo("up to date: 2026-01-08 is closed, and 2026-01-09 is not due before 2026-01-12");
    }

    @Test
    void theInboxPollLeavesAFailedImportToTheCycleInsteadOfTryingItAgainEveryFewMinutes() throws IOException {
        // given Friday 2 January's files in the inbox, and an invoice import that fails
        clientsAndInvoicesWithAFailingInvoiceTable();
        long failed;
        try {
            List<se.clientfunds.files.ImportOutcome> first = cycle.importWaiting(FRI_2);
            assertThat(first).extracting(se.clientfunds.files.ImportOutcome::status).containsExactly(
                    se.clientfunds.files.ImportOutcome.Status.IMPORTED, se.clientfunds.files.ImportOutcome.Status.FAILED);
            failed = first.get(1).jobExecutionId();

            // when the poll comes again, then it says the import waits, and starts nothing
            List<se.clientfunds.files.ImportOutcome> again = cycle.importWaiting(FRI_2);
            assertThat(again).singleElement().satisfies(outcome -> {
                assertThat(outcome.status()).isEqualTo(se.clientfunds.files.ImportOutcome.Status.WAITING);
                assertThat(outcome.jobExecutionId()).isEqualTo(failed);
                assertThat(outcome.summary()).isEqualTo(DemoDataGenerator.INVOICES_FILE + ": not imported: its import (job execution " + failed + ") ended FAILED and waits: restart"
                        + " it (settle jobs restart " + failed + " --reason TEXT), or the next daily cycle does");
            });
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = (SELECT"
                    + " JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?)", Long.class, failed)).isEqualTo(1);
        } finally {
            jdbc.execute("DROP TRIGGER test_fail_on_invoice");
        }

        // when the day's run comes, then it restarts the import, which completes
        DayReport day = cycle.run(FRI_2);
        assertThat(day.imports()).extracting(se.clientfunds.files.ImportOutcome::status)
                .contains(se.clientfunds.files.ImportOutcome.Status.IMPORTED)
                .doesNotContain(se.clientfunds.files.ImportOutcome.Status.FAILED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Long.class)).isPositive();
    }

    @Test
    void theInboxPollGoesOnWithAnImportAShutdownStoppedAndLeavesOneAnOperatorStopped() throws IOException {
        // given Friday 2 January's clients imported, and its invoice import stopped (as a shutdown or an operator leaves it)
        clientsAndInvoicesWithAFailingInvoiceTable();
        long stopped;
        try {
            stopped = cycle.importWaiting(FRI_2).get(1).jobExecutionId();
        } finally {
            jdbc.execute("DROP TRIGGER test_fail_on_invoice");
        }
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STOPPED' WHERE JOB_EXECUTION_ID = ?", stopped);
        jdbc.update("INSERT INTO operator_action (operator, action, subject, reason, job_execution_id) VALUES ('anna', 'STOP',"
                + " 'importExtractsJob', 'wrong file', ?)", stopped);

        // when the poll comes, then the one anna stopped waits for her (or the cycle)
        assertThat(cycle.importWaiting(FRI_2)).singleElement().extracting(se.clientfunds.files.ImportOutcome::status)
                .isEqualTo(se.clientfunds.files.ImportOutcome.Status.WAITING);

        // and when no operator stopped it (a shutdown did), then the poll goes on with it
        jdbc.update("DELETE FROM operator_action WHERE job_execution_id = ?", stopped);
        assertThat(cycle.importWaiting(FRI_2)).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(se.clientfunds.files.ImportOutcome.Status.IMPORTED);
            assertThat(outcome.jobExecutionId()).isNotEqualTo(stopped);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Long.class)).isPositive();
    }

    /** Friday 2 January's clients and invoices in the inbox; the invoices fail until test_fail_on_invoice is dropped. */
    private void clientsAndInvoicesWithAFailingInvoiceTable() throws IOException {
        GeneratedDays.generate(calendar, DemoDataSettings.of(generated, 5, 1, 30, 9L));
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE));
        jdbc.execute("CREATE TRIGGER test_fail_on_invoice BEFORE INSERT ON invoice FOR EACH ROW"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'invoice table full (test)'");
    }

    @Test
    void onEmptyBooksNothingRunsAndItSaysHowToStart() {
        ScheduledCycle.Run run = scheduled.runDue();

        assertThat(run.days()).isEmpty();
        assertThat(run.idle()).isEqualTo("no business day has been run on these books yet: run the first with"
                + " 'settle run-day DATE' (or set settlement.cycle.first-day)");
    }
}
