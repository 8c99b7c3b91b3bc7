package se.clientfunds.jobs;

import static se.clientfunds.jobs.ColumnText.fit;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who started each job execution, and why (table {@code job_start}), so the audit can say "attempt 2 of 2, restarted by
 * anna: the bank re-sent the file". Commands run their work {@link #as} an operator with a reason; every job's
 * executions are recorded as they start. A restart is also recorded as an operator action of the day it concerns.
 */
@Component
public class JobStarts implements JobExecutionListener, BeanPostProcessor {

    /**
     * Who works, and why (null when no reason was given).
     *
     * @param recordedAction the operator_action an operator's restart was recorded as before it was launched (in the
     *                       transaction that decided it), which the restart's execution then fills in; null otherwise
     */
    public record Origin(String operator, String reason, Long recordedAction) {
    }

    private static final ThreadLocal<Origin> CURRENT = new ThreadLocal<>();

    // looked up when a job starts, not when this post-processor is made (before the datasource exists)
    private final ObjectProvider<JdbcTemplate> jdbcProvider;
    private final ObjectProvider<ProcessInstances> processes;

    public JobStarts(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<ProcessInstances> processes) {
        this.jdbcProvider = jdbc;
        this.processes = processes;
    }

    /** Runs {@code work} with the jobs it starts recorded as started by {@code operator}, for {@code reason}. */
    public static <T> T as(String operator, String reason, Supplier<T> work) {
        return as(operator, reason, null, work);
    }

    /**
     * As {@link #as(String, String, Supplier)}, for an operator's restart recorded already as {@code recordedAction}:
     * the restart's execution is written into that row instead of a new one, so a crash between the launch and the
     * job's first step never leaves a restart nobody recorded.
     */
    public static <T> T as(String operator, String reason, Long recordedAction, Supplier<T> work) {
        return ThreadScoped.with(CURRENT, new Origin(operator == null || operator.isBlank() ? osUser() : operator,
                reason == null || reason.isBlank() ? null : reason, recordedAction), work);
    }

    /** Who runs this process: the operating system's user. */
    public static String osUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(this);
        }
        return bean;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        JdbcTemplate jdbc = jdbcProvider.getObject();
        Origin origin = CURRENT.get() != null ? CURRENT.get() : new Origin(osUser(), null, null);
        List<Long> earlier = jdbc.queryForList("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?"
                + " AND JOB_EXECUTION_ID < ? ORDER BY JOB_EXECUTION_ID", Long.class, execution.getJobInstance().getInstanceId(),
                execution.getId());
        String reason = origin.reason();
        if (!earlier.isEmpty()) {
            String status = jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class,
                    earlier.get(earlier.size() - 1));
            if (reason == null) {
                reason = "run again after attempt " + earlier.size() + " ended " + status;
            }
            java.time.LocalDate day = execution.getJobParameters().getLocalDate("businessDate");
            String subject = fit(execution.getJobInstance().getJobName() + " (job execution " + execution.getId() + ", attempt "
                    + (earlier.size() + 1) + ")", 200);
            if (origin.recordedAction() != null) {
                jdbc.update("UPDATE operator_action SET subject = ?, job_execution_id = ? WHERE id = ?", subject, execution.getId(),
                        origin.recordedAction());
            } else {
                se.clientfunds.operations.OperatorActions.record(jdbc, new se.clientfunds.operations.OperatorActions.Entry(
                        origin.operator(), "RESTART", subject, reason, day, execution.getId(), null));
            }
        }
        ProcessInstances process = processes.getIfAvailable();
        if (process != null && process.stopping()) {
            // started after the shutdown began (a race with the stop of every running job): it stops before its first
            // step, and the next run starts it
            execution.setStatus(org.springframework.batch.core.BatchStatus.STOPPING);
        }
        jdbc.update("INSERT INTO job_start (job_execution_id, started_by, reason, process_instance) VALUES (?, ?, ?, ?)",
                execution.getId(), fit(origin.operator(), 100), reason == null ? null : fit(reason, 1000),
                process == null ? null : process.current());
    }

    /** Keeps why an execution did not complete, from its exceptions (the repository's exit message is a cut stack trace). */
    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus().isUnsuccessful() || !execution.getAllFailureExceptions().isEmpty()) {
            jdbcProvider.getObject().update("UPDATE job_start SET root_cause = ? WHERE job_execution_id = ?",
                    fit(Causes.ofFailedExecution(execution), 2000), execution.getId());
        }
    }
}
