package se.clientfunds.report.audit;

import java.time.LocalDateTime;

/**
 * One job execution of the day as the audit prints it. Times are the local times the job repository records.
 *
 * @param parameters         the job parameters as text, empty when there were none
 * @param end                null while the execution is still running (or was left running by a crash)
 * @param instanceExecutions how many executions the job instance has had, this one included: 1 for a first run, so
 *                           {@link #restarts()} is one less
 */
public record JobRun(String jobName, long executionId, String parameters, LocalDateTime start, LocalDateTime end,
                     String status, String exitStatus, long readCount, long writeCount, long skipCount,
                     int instanceExecutions) {

    public JobRun {
        Fields.text("jobName", jobName, "job execution " + executionId);
        String of = "job execution " + executionId + " (" + jobName + ")";
        if (executionId <= 0) {
            throw new IllegalArgumentException("executionId " + executionId + " of job " + jobName + " is not positive");
        }
        parameters = parameters == null ? "" : parameters;
        Fields.present("start", start, of);
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " of " + of + " is before its start " + start);
        }
        Fields.text("status", status, of);
        exitStatus = exitStatus == null ? "" : exitStatus;
        Fields.notNegative("readCount", readCount, of);
        Fields.notNegative("writeCount", writeCount, of);
        Fields.notNegative("skipCount", skipCount, of);
        if (instanceExecutions < 1) {
            throw new IllegalArgumentException("instanceExecutions " + instanceExecutions + " of " + of + " is below 1");
        }
    }

    /** How often the job instance was restarted: its executions other than the first. */
    public int restarts() {
        return instanceExecutions - 1;
    }

    /** Whether the run did not complete: failed, stopped, abandoned or still running. */
    public boolean needsAttention() {
        return !"COMPLETED".equals(status);
    }
}
