package se.clientfunds.day;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

import se.clientfunds.jobs.Causes;
import se.clientfunds.jobs.JobName;
import se.clientfunds.jobs.JobRestarts;

/**
 * Runs the jobs that take the business date as their identity (DESIGN §2): one day's run is one job instance, so a
 * completed one is not run again, a failed or stopped one is restarted where it stopped, and one left running by a
 * crashed process is recovered first when this process holds the database alone ({@link JobRestarts}).
 */
@Service
public class DayJobs {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Map<String, Job> jobs;
    private final JobRestarts restarts;

    public DayJobs(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs,
                   JobRestarts restarts) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs.stream().collect(java.util.stream.Collectors.toMap(Job::getName, job -> job));
        this.restarts = restarts;
    }

    /** Whether the job completed for the date. */
    public boolean completed(JobName name, LocalDate businessDate) {
        return completed(name, businessDate, 1);
    }

    /** Whether the job's n-th instance for the date (a reconciliation run, a report version) completed. */
    public boolean completed(JobName name, LocalDate businessDate, int number) {
        JobExecution last = jobRepository.getLastJobExecution(name.jobName(), parameters(name, businessDate, number, null));
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    /** Whether the job's n-th instance for the date was ever started (it may have failed or completed). */
    public boolean exists(JobName name, LocalDate businessDate, int number) {
        return jobRepository.getJobInstance(name.jobName(), parameters(name, businessDate, number, null)) != null;
    }

    /**
     * A date job's parameters: the business date, and for a later instance of the same day (the second reconciliation
     * run, the second version of the reports) its number under the job's own name ({@code run}, {@code version}); the
     * first instance has none, so the day's first run is the same instance it always was. The reason is for people.
     */
    private static JobParameters parameters(JobName name, LocalDate businessDate, int number, String reason) {
        JobParametersBuilder builder = new JobParametersBuilder().addLocalDate("businessDate", businessDate);
        if (number > 1) {
            builder.addLong(instanceParameter(name), (long) number);
        }
        if (reason != null) {
            builder.addString("reason", reason, false);
        }
        return builder.toJobParameters();
    }

    private static String instanceParameter(JobName name) {
        return switch (name) {
            case RECONCILE -> "run";
            case REPORTS -> "version";
            default -> throw new IllegalArgumentException(name + " runs once per business date");
        };
    }

    public DayJobOutcome run(JobName name, LocalDate businessDate) {
        return run(name, businessDate, 1, null);
    }

    /**
     * Runs the job's n-th instance for the date (see {@link #parameters}): started when it never ran, restarted when it
     * failed or stopped, left alone when it completed.
     */
    public DayJobOutcome run(JobName name, LocalDate businessDate, int number, String reason) {
        Job job = jobs.get(name.jobName());
        if (job == null) {
            throw new IllegalStateException("no job named " + name);
        }
        if (restarts.stopping()) {
            return new DayJobOutcome(name, businessDate, DayJobOutcome.Status.FAILED, null,
                    "not started: the process is stopping; the next run starts it");
        }
        JobParameters parameters = parameters(name, businessDate, number, reason);
        JobExecution last = jobRepository.getLastJobExecution(name.jobName(), parameters(name, businessDate, number, null));
        JobExecution execution;
        try {
            if (last == null || last.getStatus() == BatchStatus.ABANDONED) {
                if (last != null) {
                    // an abandoned run of this date cannot be restarted; the day's job is not done, say so
                    return new DayJobOutcome(name, businessDate, DayJobOutcome.Status.FAILED, last.getId(),
                            "its last execution was abandoned by an operator; the day needs a decision by hand");
                }
                execution = jobOperator.start(job, parameters);
            } else if (last.getStatus() == BatchStatus.COMPLETED) {
                return new DayJobOutcome(name, businessDate, DayJobOutcome.Status.DONE_BEFORE, last.getId(), null);
            } else {
                execution = restarts.resume(last);
            }
        } catch (Exception e) {
            return new DayJobOutcome(name, businessDate, DayJobOutcome.Status.FAILED, last == null ? null : last.getId(),
                    Causes.rootMessage(e));
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return new DayJobOutcome(name, businessDate, DayJobOutcome.Status.COMPLETED, execution.getId(), summary(execution));
        }
        return new DayJobOutcome(name, businessDate, DayJobOutcome.Status.FAILED, execution.getId(), Causes.ofFailedExecution(execution));
    }

    private static String summary(JobExecution execution) {
        long read = 0;
        long written = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            read += step.getReadCount();
            written += step.getWriteCount();
        }
        String note = execution.getExecutionContext().getString("summary", null);
        return note != null ? note : "read " + read + ", wrote " + written;
    }
}
