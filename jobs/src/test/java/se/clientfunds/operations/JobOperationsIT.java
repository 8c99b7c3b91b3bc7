package se.clientfunds.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayReport;
import se.clientfunds.generator.BankSimulator;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.jobs.JobName;
import se.clientfunds.jobs.ProcessInstances;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

/**
 * The operations service on real executions: a day's job that failed, one restarted, one abandoned, and executions
 * marked running by a live process and by one that is gone; every refusal says why, and every action is recorded with
 * who and why in operator_action.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class JobOperationsIT {

    private static final LocalDate FRI_2 = LocalDate.of(2026, 1, 2);
    private static final LocalDate MON_5 = LocalDate.of(2026, 1, 5);
    private static final String GONE = "gone-host:4242:1700000000000";

    @Autowired
    DailyCycle cycle;

    @Autowired
    JobOperations operations;

    @Autowired
    BusinessDayOverview days;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    ProcessInstances processes;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path generated;

    @BeforeEach
    void emptyBooks() throws IOException {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox());
        jdbc.update("DELETE FROM process_instance WHERE instance_id = ?", GONE);
    }

    @AfterEach
    void dropFaultTriggers() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_fail_reconciliation_day");
        jdbc.execute("DROP TRIGGER IF EXISTS test_fail_report_version");
    }

    @Test
    void aFailedDayIsSeenRestartedWithWhoAndWhyAndAbandoned() throws IOException, java.sql.SQLException {
        // given a first day run without trouble, and a second whose reconciliation fails
        runFirstDay();
        deliverSecondDay();
        jdbc.execute("CREATE TRIGGER test_fail_reconciliation_day BEFORE INSERT ON reconciliation_day FOR EACH ROW"
                + " BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full (test)'; END");
        DayReport failedDay = cycle.run(MON_5);
        long failed = outcome(failedDay, JobName.RECONCILE).jobExecutionId();

        // then the failed execution is listed with its root cause, and the day says which job failed
        List<ExecutionSummary> failures = operations.list(new ExecutionQuery(null, "failed", null, 0, 50));
        assertThat(failures).extracting(ExecutionSummary::id).containsExactly(failed);
        ExecutionSummary summary = failures.get(0);
        assertThat(summary.job()).isEqualTo("reconcileJob");
        assertThat(summary.businessDate()).isEqualTo(MON_5);
        assertThat(summary.rootCause()).isEqualTo("step reconcileAccounts: disk full (test)");
        assertThat(summary.attempt()).isEqualTo(1);
        assertThat(summary.process()).isEqualTo(processes.current());
        ExecutionDetail detail = operations.show(failed);
        assertThat(detail.steps()).extracting(StepSummary::name, StepSummary::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reconcileAccounts", "FAILED"));
        assertThat(detail.steps().get(0).rollbacks()).isPositive();
        assertThat(operations.trace(failed)).startsWith("root cause: step reconcileAccounts: disk full (test)\n\njob:\n")
                .contains("Unable to process chunk", "\tat ");
        BusinessDayView day = days.day(MON_5);
        assertThat(day.status()).isEqualTo(BusinessDayView.Status.FAILED);
        assertThat(day.why()).containsExactly("reconcileJob (job execution " + failed + ") FAILED: step reconcileAccounts: disk full (test)");
        assertThat(day.files()).extracting(BusinessDayView.ImportedFileView::name)
                .containsExactly(DemoDataGenerator.notificationFileName(MON_5), DemoDataGenerator.statementFileName(MON_5));
        assertThat(days.day(FRI_2).status()).isIn(BusinessDayView.Status.RECONCILED, BusinessDayView.Status.NEEDS_ATTENTION);

        // and what makes no sense for it is refused, saying why
        assertThatThrownBy(() -> operations.recover(failed, "anna", "crash?")).isInstanceOf(OperationRefused.class)
                .hasMessage("job execution " + failed + " is FAILED: only an execution a crash left marked running needs recovering;"
                        + " restart it (settle jobs restart " + failed + ")");
        assertThatThrownBy(() -> operations.stop(failed, "anna", "stop it")).isInstanceOf(OperationRefused.class)
                .hasMessage("job execution " + failed + " is FAILED, not running: there is nothing to stop");
        assertThatThrownBy(() -> operations.restart(failed, "anna", " ")).isInstanceOf(OperationRefused.class)
                .hasMessageContaining("why is required");
        // a job that settles the day is not given up: the day and every later one would wait for ever
        assertThatThrownBy(() -> operations.abandon(failed, "anna", "give up")).isInstanceOf(OperationRefused.class)
                .hasMessage("job execution " + failed + " (reconcileJob of " + MON_5 + ") is how that business day is settled:"
                        + " abandoned, the day and every banking day after it would wait for ever; restart it (settle jobs restart "
                        + failed + "), or leave it and pause the daily-cycle schedule while you decide (settle schedules pause"
                        + " daily-cycle --reason TEXT)");
        long completedFriday = operations.list(new ExecutionQuery("reconcileJob", "COMPLETED", FRI_2, 0, 10)).get(0).id();
        assertThatThrownBy(() -> operations.restart(completedFriday, "anna", "again")).isInstanceOf(OperationRefused.class)
                .hasMessage("job execution " + completedFriday + " (reconcileJob) completed: there is nothing to restart");
        assertThatThrownBy(() -> operations.abandon(completedFriday, "anna", "again")).isInstanceOf(OperationRefused.class)
                .hasMessage("job execution " + completedFriday + " completed: there is nothing to abandon");
        assertThatThrownBy(() -> operations.show(999_999)).isInstanceOf(OperationRefused.class)
                .hasMessage("no job execution 999999; 'settle jobs' lists them");
        assertThatThrownBy(() -> operations.list(new ExecutionQuery(null, "BROKEN", null, 0, 10)))
                .hasMessageStartingWith("no status 'BROKEN'; a status is one of ");
        assertThatThrownBy(() -> operations.list(new ExecutionQuery("noSuchJob", null, null, 0, 10)))
                .hasMessageStartingWith("no job named 'noSuchJob'; the jobs that have run are ");

        // while another run holds the books (a server's cycle on a shared database), a restart is refused, not raced
        try (java.sql.Connection cycleRunning = jdbc.getDataSource().getConnection();
             java.sql.Statement lock = cycleRunning.createStatement()) {
            lock.executeQuery("SELECT GET_LOCK('" + PipelineLock.NAME + "', 0)").close();
            try {
                assertThatThrownBy(() -> operations.restart(failed, "anna", "disk replaced")).isInstanceOf(OperationRefused.class)
                        .hasMessageStartingWith("restart of job execution " + failed + ": another run holds these books");
            } finally {
                // a pooled connection keeps its session, and the session its lock
                lock.executeQuery("SELECT RELEASE_LOCK('" + PipelineLock.NAME + "')").close();
            }
        }
        assertThat(operations.summary(failed).status()).isEqualTo("FAILED");

        // when the cause is fixed and anna restarts it
        jdbc.execute("DROP TRIGGER test_fail_reconciliation_day");
        JobOperations.Outcome restarted = operations.restart(failed, "anna", "disk replaced");

        // then it completes as attempt 2, and the restart is recorded with who, why, the execution and the day
        assertThat(restarted.result().status()).isEqualTo("COMPLETED");
        assertThat(restarted.result().attempt()).isEqualTo(2);
        assertThat(restarted.result().startedBy()).isEqualTo("anna");
        assertThat(restarted.message()).startsWith("job execution " + failed + " (reconcileJob) restarted as job execution "
                + restarted.result().id() + ", attempt 2: COMPLETED");
        assertThat(actions()).containsExactly(Map.of("operator", "anna", "action", "RESTART", "reason", "disk replaced",
                "job_execution_id", restarted.result().id(), "business_date", MON_5.toString()));
        assertThat(operations.show(failed).actions()).singleElement().satisfies(action -> {
            assertThat(action.channel()).isEqualTo("cli");
            assertThat(action.role()).isNull();
            assertThat(action.outcome()).isEqualTo("COMPLETED");
        });
        assertThatThrownBy(() -> operations.restart(failed, "anna", "again")).isInstanceOf(OperationRefused.class)
                .hasMessage("job execution " + failed + " is not the last of its job instance: job execution " + restarted.result().id()
                        + " (COMPLETED) is; only the last can be restarted");
        assertThatThrownBy(() -> operations.abandon(failed, "anna", "old attempt")).hasMessage("job execution " + failed
                + " is not the last of its job instance: job execution " + restarted.result().id() + " (COMPLETED) is; only the"
                + " last can be abandoned");
        assertThat(operations.show(failed).actions()).extracting(OperatorActionView::operator, OperatorActionView::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("anna", "disk replaced"));
        // a banking day within the books, due long ago by the clock, that never ran
        assertThat(days.day(LocalDate.of(2026, 1, 7)).status()).isEqualTo(BusinessDayView.Status.NEEDS_ATTENTION);
        assertThat(days.day(LocalDate.of(2026, 1, 7)).why()).containsExactly("not closed, although due since 2026-01-08:"
                + " run-day 2026-01-07");

        // when the day's reports fail and bo gives that execution up
        jdbc.execute("CREATE TRIGGER test_fail_report_version BEFORE INSERT ON report_version FOR EACH ROW"
                + " BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no space (test)'; END");
        long reports = outcome(cycle.run(MON_5), JobName.REPORTS).jobExecutionId();
        assertThat(operations.summary(reports).status()).isEqualTo("FAILED");
        JobOperations.Outcome abandoned = operations.abandon(reports, "bo", "reports written by hand");

        // then it is abandoned for good, recorded, and neither restarted nor abandoned again
        assertThat(abandoned.result().status()).isEqualTo("ABANDONED");
        assertThat(actions()).last().isEqualTo(Map.of("operator", "bo", "action", "ABANDON", "reason", "reports written by hand",
                "job_execution_id", reports, "business_date", MON_5.toString()));
        assertThatThrownBy(() -> operations.restart(reports, "bo", "after all")).isInstanceOf(OperationRefused.class)
                .hasMessage("job execution " + reports + " was abandoned: an abandoned execution is never restarted; its job"
                        + " instance is given up");
        assertThatThrownBy(() -> operations.abandon(reports, "bo", "twice")).hasMessage("job execution " + reports
                + " is abandoned already");
        // and the day is judged on the rest: reconciled, but its reports are missing, and the abandoned execution is said
        BusinessDayView afterwards = days.day(MON_5);
        assertThat(afterwards.status()).isEqualTo(BusinessDayView.Status.NEEDS_ATTENTION);
        assertThat(afterwards.why()).contains("reportsJob (job execution " + reports + ") was abandoned by an operator");
        assertThat(afterwards.why()).contains("no reports written: settle reports " + MON_5);
        assertThat(operations.show(reports).actions()).extracting(OperatorActionView::action).containsExactly("ABANDON");
    }

    @Test
    void anExecutionMarkedRunningIsStoppedWhileItsProcessLivesAndRecoveredOnlyWhenItIsGone() {
        // given two executions marked running: one by this process, which lives, one by a process that is gone (on the
        // embedded database every other process is: the home's lock keeps them out)
        long live = markedRunning(LocalDate.of(2026, 2, 2), processes.current());
        jdbc.update("INSERT INTO process_instance (instance_id, host, pid, kind, started_at, last_seen_at)"
                + " VALUES (?, 'gone-host', 4242, 'server', UTC_TIMESTAMP(6) - INTERVAL 2 HOUR, UTC_TIMESTAMP(6))", GONE);
        long crashed = markedRunning(LocalDate.of(2026, 2, 3), GONE);

        // then the live one is not recovered, restarted or abandoned
        ExecutionSummary running = operations.summary(live);
        assertThat(running.markedRunning()).isTrue();
        assertThat(running.crashed()).isFalse();
        assertThatThrownBy(() -> operations.recover(live, "cecilia", "looks stuck")).isInstanceOf(OperationRefused.class)
                .hasMessage("job execution " + live + " is running in a live process (process " + processes.current() + "): only"
                        + " one left by a process that is gone can be recovered; stop it instead (settle jobs stop " + live + ")");
        assertThatThrownBy(() -> operations.restart(live, "cecilia", "again")).hasMessage("job execution " + live + " is STARTED in"
                + " process " + processes.current() + ": a running execution cannot be restarted; stop it first (settle jobs stop "
                + live + ")");
        assertThatThrownBy(() -> operations.abandon(live, "cecilia", "give up")).hasMessageContaining("cannot be abandoned");
        assertThat(days.day(LocalDate.of(2026, 2, 2)).status()).isEqualTo(BusinessDayView.Status.RUNNING);

        // and the one left by the dead process cannot be stopped or restarted: it is recovered
        ExecutionSummary left = operations.summary(crashed);
        assertThat(left.crashed()).isTrue();
        assertThatThrownBy(() -> operations.stop(crashed, "cecilia", "stop")).hasMessage("job execution " + crashed + " is marked"
                + " STARTED but its process (process " + GONE + ") is gone: nothing runs it to stop; recover it (settle jobs recover "
                + crashed + ")");
        assertThatThrownBy(() -> operations.restart(crashed, "cecilia", "again")).hasMessage("job execution " + crashed + " is"
                + " marked STARTED but its process (process " + GONE + ") is gone: recover it first (settle jobs recover " + crashed + ")");
        assertThat(days.day(LocalDate.of(2026, 2, 3)).why()).containsExactly("allocatePaymentsJob (job execution " + crashed
                + ") was left STARTED by a process that is gone: recover it");

        // when cecilia stops the live one and recovers the crashed one
        JobOperations.Outcome stopping = operations.stop(live, "cecilia", "wrong inbox");
        JobOperations.Outcome recovered = operations.recover(crashed, "cecilia", "server died at 05:10");

        // then the live one is stopping, for the process running it to stop at its next commit (and asking again says so);
        // the crashed one failed and may be restarted
        assertThat(stopping.result().status()).isEqualTo("STOPPING");
        assertThat(jobRepository.getJobExecution(live).getEndTime()).isNull();
        assertThatThrownBy(() -> operations.stop(live, "cecilia", "again")).hasMessage("job execution " + live
                + " is stopping already: it stops at its next commit");
        assertThat(recovered.result().status()).isEqualTo("FAILED");
        assertThat(jobRepository.getJobExecution(crashed).getEndTime()).isNotNull();
        assertThat(actions()).containsExactly(
                Map.of("operator", "cecilia", "action", "STOP", "reason", "wrong inbox", "job_execution_id", live,
                        "business_date", "2026-02-02"),
                Map.of("operator", "cecilia", "action", "RECOVER", "reason", "server died at 05:10", "job_execution_id", crashed,
                        "business_date", "2026-02-03"));
        assertThat(operations.list(new ExecutionQuery(null, null, null, 0, 1))).hasSize(1);
        assertThat(operations.count(ExecutionQuery.all())).isEqualTo(2);
        assertThat(operations.list(new ExecutionQuery(null, null, null, 1, 1))).extracting(ExecutionSummary::id).containsExactly(live);
    }

    @Test
    void onASharedDatabaseAnExecutionWhoseProcessWasNotRecordedIsRecoveredOnlyOnTheOperatorsWord(
            @Autowired org.springframework.batch.core.launch.JobOperator jobOperator,
            @Autowired org.springframework.transaction.PlatformTransactionManager transactions, @Autowired PipelineLock pipeline) {
        // given the operations as a server on a shared database sees them (no embedded database: other processes may live),
        // and an execution marked running whose process was never recorded
        ProcessInstances shared = new ProcessInstances(jdbc, new org.springframework.beans.factory.support.StaticListableBeanFactory()
                .getBeanProvider(se.clientfunds.database.EmbeddedMariaDb.class));
        JobOperations sharedOperations = new JobOperations(jdbc, jobOperator, jobRepository, shared, transactions,
                java.time.Clock.systemUTC(), pipeline);
        long unknown = markedRunning(LocalDate.of(2026, 2, 4), null);

        // then it is not taken over on a guess
        assertThatThrownBy(() -> sharedOperations.recover(unknown, "dan", "server gone")).isInstanceOf(OperationRefused.class)
                .hasMessage("job execution " + unknown + " is marked STARTED and which process runs it was not recorded (it began"
                        + " before processes were recorded, or its process died while starting it): nothing is taken over on a"
                        + " guess; when you know no process runs it (nothing moves in settle jobs show " + unknown + ", no server's"
                        + " log names it), recover it with --process-gone");
        assertThat(operations.summary(unknown).status()).isEqualTo("STARTED");

        // when dan says no process runs it, then it is recovered, and his word is recorded
        JobOperations.Outcome recovered = sharedOperations.recover(unknown, "dan", "both servers were down", true);
        assertThat(recovered.result().status()).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT subject FROM operator_action WHERE job_execution_id = ?", String.class, unknown))
                .endsWith("recovered from STARTED left by a process not recorded (the operator says no process runs it)");
    }

    /** An execution of the allocation job for the date, marked STARTED by the process, as a crash or a live run leaves it. */
    private long markedRunning(LocalDate day, String process) {
        JobParameters parameters = new JobParametersBuilder().addLocalDate("businessDate", day).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(JobName.ALLOCATE_PAYMENTS.jobName(), parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(LocalDateTime.now());
        jobRepository.update(execution);
        jdbc.update("INSERT INTO job_start (job_execution_id, started_by, process_instance) VALUES (?, 'scheduler', ?)",
                execution.getId(), process);
        return execution.getId();
    }

    private List<Map<String, Object>> actions() {
        return jdbc.query("SELECT operator, action, reason, job_execution_id, business_date FROM operator_action"
                + " WHERE job_execution_id IS NOT NULL ORDER BY id", (rs, row) -> Map.of("operator", rs.getString(1), "action",
                rs.getString(2), "reason", rs.getString(3), "job_execution_id", rs.getLong(4), "business_date", rs.getString(5)));
    }

    private void runFirstDay() throws IOException {
        new DemoDataGenerator(calendar).generate(DemoDataSettings.of(generated, 5, 2, 30, 9L).withAnomalyPerMille(200));
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE,
                DemoDataGenerator.REFUNDS_FILE, DemoDataGenerator.notificationFileName(FRI_2), DemoDataGenerator.statementFileName(FRI_2)));
        assertThat(cycle.run(FRI_2).failed()).isFalse();
    }

    private void deliverSecondDay() throws IOException {
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.notificationFileName(MON_5),
                DemoDataGenerator.statementFileName(MON_5)));
        new BankSimulator().executePaymentOrders(home.outbox(), MON_5, home.inbox().resolve(DemoDataGenerator.statementFileName(MON_5)));
    }

    private static DayJobOutcome outcome(DayReport report, JobName job) {
        return report.jobs().stream().filter(outcome -> outcome.job() == job).findFirst().orElseThrow();
    }
}
