package se.clientfunds.operations;

import static se.clientfunds.jobs.ColumnText.fit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.clientfunds.jobs.Causes;
import se.clientfunds.jobs.JobName;
import se.clientfunds.jobs.JobStarts;
import se.clientfunds.jobs.ProcessInstances;
import se.clientfunds.outcome.JobFailed;

/**
 * The operators' view of the jobs and what they may do about them, for the command line now and the API and console
 * next (no web types here). Executions are listed and shown from the job repository with who started them and why;
 * the actions restart, stop, abandon and recover each take who and why, and are recorded in {@code operator_action}
 * with the execution and its business day in the same transaction as the action. An action that makes no sense for
 * the execution as it stands is refused ({@link OperationRefused}) saying why and what would help.
 *
 * <p>Spring Batch's known traps are designed around: a stop takes effect at the step's next commit (one more chunk is
 * written, and that is as it should be: it is a whole chunk), and only the request is written ({@link #requestStop});
 * an execution whose process died stays STARTED or STOPPING for ever and a restart of it fails as "already running",
 * so it is recovered first, and only when its process no longer checks in ({@link ProcessInstances}).
 */
@Service
public class JobOperations {

    /** The actions, as {@code operator_action.action} records them. */
    public enum Action { RESTART, STOP, ABANDON, RECOVER }

    /**
     * What an action did.
     *
     * @param action    the action
     * @param execution the execution it was about
     * @param result    the execution it left: the same one, or for a restart the new execution
     * @param message   one line for the operator
     */
    public record Outcome(Action action, long execution, ExecutionSummary result, String message) {

        /** A restart whose new execution did not complete: the action was done, the job failed again. */
        public boolean jobFailed() {
            return action == Action.RESTART && !"COMPLETED".equals(result.status());
        }
    }

    private static final List<String> STATUSES = Arrays.stream(BatchStatus.values()).map(Enum::name).toList();

    private final JdbcTemplate jdbc;
    private final PipelineLock pipeline;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final ProcessInstances processes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public JobOperations(JdbcTemplate jdbc, JobOperator jobOperator, JobRepository jobRepository, ProcessInstances processes,
                         PlatformTransactionManager transactionManager, Clock clock, PipelineLock pipeline) {
        this.pipeline = pipeline;
        this.jdbc = jdbc;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.processes = processes;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    private static final String SUMMARY_SELECT = "SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME,"
            + " (SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
            + "   AND p.PARAMETER_NAME = 'businessDate') AS business_date,"
            + " (SELECT GROUP_CONCAT(CONCAT(p.PARAMETER_NAME, '=', p.PARAMETER_VALUE) ORDER BY p.PARAMETER_NAME SEPARATOR ', ')"
            + "   FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
            + "   AND p.PARAMETER_NAME IN ('file', 'run', 'version')) AS instance,"
            + " (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION x WHERE x.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
            + "   AND x.JOB_EXECUTION_ID <= e.JOB_EXECUTION_ID) AS attempt,"
            + " (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION x WHERE x.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID) AS attempts,"
            + " s.started_by, s.reason, s.root_cause, s.process_instance"
            + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
            + " LEFT JOIN job_start s ON s.job_execution_id = e.JOB_EXECUTION_ID";

    /** Executions newest first, a page of them. */
    public List<ExecutionSummary> list(ExecutionQuery query) {
        List<Object> arguments = new ArrayList<>();
        String where = where(query, arguments);
        arguments.add(query.size());
        arguments.add((long) query.page() * query.size());
        return jdbc.query(SUMMARY_SELECT + where + " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ? OFFSET ?",
                (rs, row) -> summary(rs), arguments.toArray());
    }

    /** How many executions the query finds over all pages. */
    public long count(ExecutionQuery query) {
        List<Object> arguments = new ArrayList<>();
        String where = where(query, arguments);
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID" + where, Long.class, arguments.toArray());
        return count == null ? 0 : count;
    }

    private String where(ExecutionQuery query, List<Object> arguments) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.job() != null) {
            List<String> names = jdbc.queryForList("SELECT DISTINCT JOB_NAME FROM BATCH_JOB_INSTANCE ORDER BY JOB_NAME", String.class);
            if (!names.contains(query.job())) {
                throw new OperationRefused("no job named '" + query.job() + "'" + (names.isEmpty() ? " has run yet"
                        : "; the jobs that have run are " + String.join(", ", names)));
            }
            where.append(" AND i.JOB_NAME = ?");
            arguments.add(query.job());
        }
        if (query.status() != null) {
            if (!STATUSES.contains(query.status())) {
                throw new OperationRefused("no status '" + query.status() + "'; a status is one of " + String.join(", ", STATUSES));
            }
            where.append(" AND e.STATUS = ?");
            arguments.add(query.status());
        }
        if (query.businessDate() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                    + " AND p.PARAMETER_NAME = 'businessDate' AND p.PARAMETER_VALUE = ?)");
            arguments.add(query.businessDate().toString());
        }
        return where.toString();
    }

    /** One execution as listed; refused when there is none with that id. */
    public ExecutionSummary summary(long id) {
        List<ExecutionSummary> found = jdbc.query(SUMMARY_SELECT + " WHERE e.JOB_EXECUTION_ID = ?", (rs, row) -> summary(rs), id);
        if (found.isEmpty()) {
            throw new NotFound("no job execution " + id + "; 'settle jobs' lists them");
        }
        return found.get(0);
    }

    /** The executions with these ids, in the order given, read in one query. */
    public List<ExecutionSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, ExecutionSummary> found = new java.util.HashMap<>();
        jdbc.query(SUMMARY_SELECT + " WHERE e.JOB_EXECUTION_ID IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
                + ")", rs -> {
                    ExecutionSummary summary = summary(rs);
                    found.put(summary.id(), summary);
                }, ids.toArray());
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** One execution with its steps, its progress, the files it imported and what operators did about it. */
    public ExecutionDetail show(long id) {
        ExecutionSummary summary = summary(id);
        List<StepSummary> steps = jdbc.query("SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, FILTER_COUNT, COMMIT_COUNT,"
                + " ROLLBACK_COUNT, READ_SKIP_COUNT + PROCESS_SKIP_COUNT + WRITE_SKIP_COUNT, START_TIME, END_TIME, EXIT_CODE,"
                + " EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? ORDER BY STEP_EXECUTION_ID", (rs, row) -> {
                    ZonedDateTime started = time(rs.getTimestamp(9));
                    ZonedDateTime ended = time(rs.getTimestamp(10));
                    return new StepSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), started, ended, duration(started, ended),
                            rs.getString(11), firstLine(rs.getString(12)));
                }, id);
        long done = steps.stream().mapToLong(StepSummary::written).sum();
        Long expected = jdbc.queryForObject("SELECT MAX(record_count) FROM imported_file WHERE job_execution_id IN"
                + " (SELECT x.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION x JOIN BATCH_JOB_EXECUTION y"
                + "  ON y.JOB_INSTANCE_ID = x.JOB_INSTANCE_ID WHERE y.JOB_EXECUTION_ID = ?) AND status = 'IMPORTED'", Long.class, id);
        List<String> files = jdbc.queryForList("SELECT DISTINCT file_name FROM imported_file WHERE job_execution_id = ?"
                + " ORDER BY file_name", String.class, id);
        String[] exit = jdbc.queryForObject("SELECT EXIT_CODE, EXIT_MESSAGE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, id);
        return new ExecutionDetail(summary, steps, done, expected == null ? -1 : expected, exit[0], firstLine(exit[1]), files,
                actions(id));
    }

    /**
     * The root cause in one line, then the exit messages of the execution and its steps: the stack traces as far as the
     * job repository keeps them (their start: the innermost cause may be cut off, which is why the root cause comes first).
     */
    public String trace(long id) {
        StringBuilder trace = new StringBuilder();
        String root = summary(id).rootCause();
        if (root != null) {
            trace.append("root cause: ").append(root).append("\n\n");
        }
        jdbc.query("SELECT 'job', EXIT_MESSAGE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                + " UNION ALL SELECT CONCAT('step ', STEP_NAME), EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?",
                rs -> {
                    String message = rs.getString(2);
                    if (message != null && !message.isBlank()) {
                        trace.append(rs.getString(1)).append(":\n").append(message.strip()).append("\n\n");
                    }
                }, id, id);
        return trace.length() == 0 ? "job execution " + id + " left no exit message\n" : trace.toString();
    }

    /** The id of the latest operator action recorded (0 when none): what a later action's id is compared with. */
    public long latestActionId() {
        Long latest = jdbc.queryForObject("SELECT MAX(id) FROM operator_action", Long.class);
        return latest == null ? 0 : latest;
    }

    /**
     * The execution a restart of {@code id} by {@code operator}, recorded after the action {@code actionsAfter}, has
     * started, once it has: the restart's own record names it (it is filled in when the execution is created).
     */
    public java.util.Optional<Long> restartedAs(long id, String operator, long actionsAfter) {
        return jdbc.queryForList("SELECT a.job_execution_id FROM operator_action a WHERE a.id > ? AND a.action = 'RESTART'"
                + " AND a.operator = ? AND a.job_execution_id > ? AND a.job_execution_id IN (SELECT x.JOB_EXECUTION_ID"
                + " FROM BATCH_JOB_EXECUTION x JOIN BATCH_JOB_EXECUTION y ON y.JOB_INSTANCE_ID = x.JOB_INSTANCE_ID"
                + " WHERE y.JOB_EXECUTION_ID = ?) ORDER BY a.id LIMIT 1", Long.class, actionsAfter, fit(operator.trim(), 100), id, id)
                .stream().findFirst();
    }

    /** What operators did about the executions of an execution's job instance (a restart names the new one), oldest first. */
    public List<OperatorActionView> actions(long id) {
        return jdbc.query("SELECT id, acted_at, operator, action, subject, job_execution_id, business_date, reason, channel, role,"
                + " outcome FROM operator_action WHERE job_execution_id IN (SELECT x.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION x"
                + " JOIN BATCH_JOB_EXECUTION y ON y.JOB_INSTANCE_ID = x.JOB_INSTANCE_ID WHERE y.JOB_EXECUTION_ID = ?) ORDER BY id", (rs, row) -> new OperatorActionView(rs.getLong(1),
                time(rs.getTimestamp(2)), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11)), id);
    }

    /**
     * Restarts a failed or stopped execution from its last commit, as a new execution of the same job instance (it runs
     * in this process, and this call returns when it ends). Refused for a completed or abandoned one, one that is not
     * the last of its instance, one still running, and one a crash left marked running (recover it first).
     */
    public Outcome restart(long id, String operator, String reason) {
        requireWhoAndWhy(operator, reason);
        requireRestartable(id);
        JobExecution next = pipeline.holdingOrRefuse("restart of job execution " + id, () -> {
            // as it stands now that no other run can change it (a cycle may have restarted it while this one waited)
            JobExecution execution = requireRestartable(id);
            ExecutionSummary summary = summary(id);
            // recorded before the launch, and completed with the new execution when it starts: a crash in between
            // leaves the restart recorded against the execution it restarted, never unrecorded
            long action = transaction.execute(status -> record(Action.RESTART, summary, operator, reason, "restart asked while "
                    + summary.status(), "STARTED"));
            return JobStarts.as(operator, reason, action, () -> {
                try {
                    return jobOperator.restart(execution);
                } catch (Exception e) {
                    Long started = jdbc.queryForObject("SELECT job_execution_id FROM operator_action WHERE id = ?", Long.class,
                            action);
                    if (started != null && started != id) {
                        // it did start (the action names the new execution), and failed on the way out
                        jdbc.update("UPDATE operator_action SET outcome = 'FAILED' WHERE id = ?", action);
                        throw new JobFailed("job execution " + id + " was restarted as job execution " + started + ", which"
                                + " failed: " + Causes.rootMessage(e) + " (settle jobs show " + started + ")", e);
                    }
                    // refused before anything ran: there was no restart to record
                    jdbc.update("DELETE FROM operator_action WHERE id = ? AND job_execution_id = ?", action, id);
                    throw new OperationRefused("job execution " + id + " could not be restarted: " + Causes.rootMessage(e));
                }
            });
        });
        ExecutionSummary result = summary(next.getId());
        // how it ended, once it has (the row was written before the launch)
        jdbc.update("UPDATE operator_action SET outcome = ? WHERE action = 'RESTART' AND job_execution_id = ?", result.status(),
                next.getId());
        return new Outcome(Action.RESTART, id, result, "job execution " + id + " (" + result.job() + ") restarted as job"
                + " execution " + next.getId() + ", attempt " + result.attempt() + ": " + result.status()
                + (result.rootCause() == null ? "" : " (" + result.rootCause() + ")"));
    }

    /** The execution, refused unless it is the last of its instance and failed or stopped. */
    private JobExecution requireRestartable(long id) {
        JobExecution execution = execution(id);
        ExecutionSummary summary = summary(id);
        requireLastOfItsInstance(execution, "restarted");
        switch (execution.getStatus()) {
            case COMPLETED -> throw new OperationRefused("job execution " + id + " (" + summary.job() + ") completed: there is"
                    + " nothing to restart");
            case ABANDONED -> throw new OperationRefused("job execution " + id + " was abandoned: an abandoned execution is never"
                    + " restarted; its job instance is given up");
            case STARTING, STARTED, STOPPING -> throw running(summary, "restarted");
            default -> {
            }
        }
        return execution;
    }

    /**
     * Asks a running execution to stop: it stops at its step's next commit (the chunk being written is finished), in
     * whichever process runs it, and can be restarted from there. Refused for one not running, one already stopping,
     * and one whose process is gone (recover it instead).
     */
    public Outcome stop(long id, String operator, String reason) {
        requireWhoAndWhy(operator, reason);
        JobExecution execution = execution(id);
        ExecutionSummary summary = summary(id);
        if (!summary.markedRunning()) {
            throw new OperationRefused("job execution " + id + " is " + summary.status() + ", not running: there is nothing to stop");
        }
        if (summary.crashed()) {
            throw new OperationRefused("job execution " + id + " is marked " + summary.status() + " but its process (" + process(summary)
                    + ") is gone: nothing runs it to stop; recover it (settle jobs recover " + id + ")");
        }
        if (execution.getStatus() == BatchStatus.STOPPING) {
            throw new OperationRefused("job execution " + id + " is stopping already: it stops at its next commit");
        }
        transaction.executeWithoutResult(status -> {
            requestStop(jdbc, id);
            record(Action.STOP, summary, operator, reason, "stop asked while " + summary.status(), "STOPPING");
        });
        return new Outcome(Action.STOP, id, summary(id), "job execution " + id + " (" + summary.job() + ") is stopping: it stops"
                + " at its next commit; then 'settle jobs restart " + id + "' goes on from there");
    }

    /**
     * The jobs a business day cannot close or reconcile without: one per date, so an abandoned one could never run
     * again. An import (per file) and a version of the reports (the next version replaces it) can be abandoned.
     */
    private static final java.util.Set<String> SETTLES_THE_DAY = java.util.Set.of(JobName.ALLOCATE_PAYMENTS.jobName(),
            JobName.REFUNDS_AND_PAYOUTS.jobName(), JobName.CLOSE_BUSINESS_DAY.jobName(), JobName.RECONCILE.jobName());

    /**
     * Gives up a failed or stopped execution for good: its job instance is never restarted, and the day's run says it
     * needs a decision by hand. Refused for a running one (stop it first), a completed one, one abandoned already, and
     * one of the jobs that settle a day (see {@link #SETTLES_THE_DAY}).
     */
    public Outcome abandon(long id, String operator, String reason) {
        requireWhoAndWhy(operator, reason);
        JobExecution execution = execution(id);
        ExecutionSummary summary = summary(id);
        requireLastOfItsInstance(execution, "abandoned");
        switch (execution.getStatus()) {
            case COMPLETED -> throw new OperationRefused("job execution " + id + " completed: there is nothing to abandon");
            case ABANDONED -> throw new OperationRefused("job execution " + id + " is abandoned already");
            case STARTING, STARTED, STOPPING -> throw running(summary, "abandoned");
            default -> {
            }
        }
        if (SETTLES_THE_DAY.contains(summary.job())) {
            throw new OperationRefused("job execution " + id + " (" + summary.job() + " of " + summary.businessDate() + ") is how"
                    + " that business day is settled: abandoned, the day and every banking day after it would wait for ever;"
                    + " restart it (settle jobs restart " + id + "), or leave it and pause the daily-cycle schedule while you"
                    + " decide (settle schedules pause daily-cycle --reason TEXT)");
        }
        transaction.executeWithoutResult(status -> {
            try {
                jobOperator.abandon(execution);
            } catch (Exception e) {
                throw new OperationRefused("job execution " + id + " could not be abandoned: " + Causes.rootMessage(e));
            }
            record(Action.ABANDON, summary, operator, reason, "abandoned while " + summary.status(), "ABANDONED");
        });
        return new Outcome(Action.ABANDON, id, summary(id), "job execution " + id + " (" + summary.job() + ") is abandoned: its"
                + " job instance will not be restarted");
    }

    /**
     * Marks an execution a crash left running (its process no longer checks in) as failed, with its running steps, so
     * it can be restarted from its last commit. Refused for one whose process still lives (stop it instead) and one
     * not marked running.
     */
    public Outcome recover(long id, String operator, String reason) {
        return recover(id, operator, reason, false);
    }

    /**
     * As {@link #recover(long, String, String)}; {@code processGone} is the operator's word that no process runs an
     * execution whose process was not recorded (one begun before processes were recorded, or whose process died while
     * starting it), which on a shared database is otherwise never taken over on a guess.
     */
    public Outcome recover(long id, String operator, String reason, boolean processGone) {
        requireWhoAndWhy(operator, reason);
        requireRecoverable(id, processGone);
        pipeline.holdingOrRefuse("recovery of job execution " + id, () -> transaction.execute(status -> {
            // as it stands now that no other run can change it (a cycle may have recovered it while this one waited)
            ExecutionSummary summary = requireRecoverable(id, processGone);
            jobOperator.recover(execution(id));
            record(Action.RECOVER, summary, operator, reason, "recovered from " + summary.status() + " left by "
                    + process(summary) + (summary.process() == null && processGone ? " (the operator says no process runs it)" : ""), "FAILED, to be restarted");
            return Boolean.TRUE;
        }));
        ExecutionSummary result = summary(id);
        return new Outcome(Action.RECOVER, id, result, "job execution " + id + " (" + result.job() + ") recovered: it is"
                + " FAILED now, and 'settle jobs restart " + id + "' goes on from its last commit");
    }

    private ExecutionSummary requireRecoverable(long id, boolean processGone) {
        execution(id);
        ExecutionSummary summary = summary(id);
        if (!summary.markedRunning()) {
            throw new OperationRefused("job execution " + id + " is " + summary.status() + ": only an execution a crash left"
                    + " marked running needs recovering" + (summary.status().equals("FAILED") || summary.status().equals("STOPPED")
                    ? "; restart it (settle jobs restart " + id + ")" : ""));
        }
        if (summary.processAlive() && summary.process() == null && !processGone) {
            throw new OperationRefused("job execution " + id + " is marked " + summary.status() + " and which process runs it was"
                    + " not recorded (it began before processes were recorded, or its process died while starting it): nothing is"
                    + " taken over on a guess; when you know no process runs it (nothing moves in settle jobs show " + id
                    + ", no server's log names it), recover it with --process-gone");
        }
        if (summary.processAlive() && summary.process() != null) {
            throw new OperationRefused("job execution " + id + " is running in a live process (" + process(summary) + "): only"
                    + " one left by a process that is gone can be recovered; stop it instead (settle jobs stop " + id + ")");
        }
        return summary;
    }

    /**
     * Asks a running execution to stop: STOPPING in the job repository, which the process running it reads at its step's
     * next commit (Spring Batch synchronises the status and version then) and stops there, ending STOPPED. Only the
     * request is written, wherever the execution runs, and only while it is still running (one statement: an execution
     * that completes meanwhile stays COMPLETED): JobOperator.stop would also stop and write the step executions from
     * here, over the versions the running process holds, and set an end time on an execution that is still running.
     */
    public static void requestStop(JdbcTemplate jdbc, long id) {
        int updated = jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STOPPING', VERSION = VERSION + 1,"
                + " LAST_UPDATED = CURRENT_TIMESTAMP(6) WHERE JOB_EXECUTION_ID = ? AND STATUS IN ('STARTING', 'STARTED')", id);
        if (updated != 1) {
            // it ended (or was stopped) between reading it and asking: nothing to stop any more
            throw new OperationRefused("job execution " + id + " is no longer running: it ended while the stop was asked");
        }
    }

    /** Records the action in the caller's transaction; returns its id. */
    private long record(Action action, ExecutionSummary summary, String operator, String reason, String what, String outcome) {
        return OperatorActions.record(jdbc, new OperatorActions.Entry(operator, action.name(), summary.job() + " (job execution "
                + summary.id() + "): " + what, reason, summary.businessDate(), summary.id(), outcome));
    }

    private OperationRefused running(ExecutionSummary summary, String verb) {
        if (summary.crashed()) {
            return new OperationRefused("job execution " + summary.id() + " is marked " + summary.status() + " but its process ("
                    + process(summary) + ") is gone: recover it first (settle jobs recover " + summary.id() + ")");
        }
        return new OperationRefused("job execution " + summary.id() + " is " + summary.status() + " in " + process(summary)
                + ": a running execution cannot be " + verb + "; stop it first (settle jobs stop " + summary.id() + ")");
    }

    private void requireLastOfItsInstance(JobExecution execution, String verb) {
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != execution.getId()) {
            throw new OperationRefused("job execution " + execution.getId() + " is not the last of its job instance: job execution "
                    + last.getId() + " (" + last.getStatus() + ") is; only the last can be " + verb);
        }
    }

    private JobExecution execution(long id) {
        JobExecution execution = jobRepository.getJobExecution(id);
        if (execution == null) {
            throw new NotFound("no job execution " + id + "; 'settle jobs' lists them");
        }
        return execution;
    }

    private static void requireWhoAndWhy(String operator, String reason) {
        if (operator == null || operator.isBlank()) {
            throw new OperationRefused("who acts is required (--operator)");
        }
        if (reason == null || reason.isBlank()) {
            throw new OperationRefused("why is required (--reason): it is recorded with the action");
        }
    }

    private static String process(ExecutionSummary summary) {
        return summary.process() == null ? "a process not recorded" : "process " + summary.process();
    }

    private ExecutionSummary summary(ResultSet rs) throws SQLException {
        ZonedDateTime started = time(rs.getTimestamp(4));
        ZonedDateTime ended = time(rs.getTimestamp(5));
        String status = rs.getString(3);
        String process = rs.getString(13);
        boolean running = "STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status);
        String date = rs.getString(6);
        return new ExecutionSummary(rs.getLong(1), rs.getString(2), date == null ? null : LocalDate.parse(date),
                instance(rs.getString(7)), status, rs.getInt(8), rs.getInt(9), started, ended,
                started == null ? null : duration(started, ended), rs.getString(10), rs.getString(11),
                rs.getString(12), process, running && processes.alive(process));
    }

    /** A file parameter by its name only: operators' views carry no absolute paths. */
    private static String instance(String parameters) {
        if (parameters == null) {
            return null;
        }
        return parameters.replaceAll("file=(?:[^,]*[/\\\\])?([^,/\\\\]+)", "file=$1");
    }

    private Duration duration(ZonedDateTime started, ZonedDateTime ended) {
        if (started == null) {
            return null;
        }
        // a running one's so far: against the clock the job repository stamps with, not the business clock (which a
        // test or a demo fixes)
        return Duration.between(started, ended != null ? ended : ZonedDateTime.now(se.clientfunds.jobs.RecordedTimes.WALL_CLOCK));
    }

    /** The job repository keeps the JVM's local time. */
    private ZonedDateTime time(Timestamp timestamp) {
        return se.clientfunds.jobs.RecordedTimes.in(timestamp, clock.getZone());
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Causes.rootLine(text);
    }
}
