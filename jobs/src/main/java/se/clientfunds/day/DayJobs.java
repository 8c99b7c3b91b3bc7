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
        JobExecution last = jobRepository.getLastJobExecution(name.jobName(), parameters(businessDate));
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    private static JobParameters parameters(LocalDate businessDate) {
        return new JobParametersBuilder().addLocalDate("businessDate", businessDate).toJobParameters();
    }

    public DayJobOutcome run(JobName name, LocalDate businessDate) {
        Job job = jobs.get(name.jobName());
        if (job == null) {
            throw new IllegalStateException("no job named " + name);
        }
        JobParameters parameters = parameters(businessDate);
        JobExecution last = jobRepository.getLastJobExecution(name.jobName(), parameters);
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
