package se.clientfunds.report.audit;

import java.time.OffsetDateTime;

/**
 * One job execution of the day as the audit prints it.
 *
 * @param parameters  the job parameters as text (file names without their folders), empty when there were none
 * @param start       when it started, with its offset from UTC
 * @param end         null while the execution is still running (or was left running by a crash)
 * @param records     the records it dealt with, counted as the other reports count them (an import: the file's records;
 *                    allocation: payments; close: positions; reconciliation: accounts; ...)
 * @param attempt     which attempt of its job instance this execution is (1 for the first run)
 * @param attempts    how many attempts the instance has had when the report was written
 * @param startedBy   who started (or restarted) this execution, e.g. the OS user running {@code settle run-day}
 * @param startReason why, in the words given (a restart's reason), empty when none was given
 * @param rootCause   for an execution that did not complete, the root cause of its failure; else empty
 */
public record JobRun(String jobName, long executionId, String parameters, OffsetDateTime start, OffsetDateTime end,
                     String status, String exitStatus, long records, long writeCount, long skipCount, int attempt, int attempts,
                     String startedBy, String startReason, String rootCause) {

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
        Fields.notNegative("records", records, of);
        Fields.notNegative("writeCount", writeCount, of);
        Fields.notNegative("skipCount", skipCount, of);
        if (attempt < 1 || attempts < attempt) {
            throw new IllegalArgumentException("attempt " + attempt + " of " + attempts + " of " + of + " is not possible");
        }
        startedBy = startedBy == null ? "" : startedBy;
        startReason = startReason == null ? "" : startReason;
        rootCause = rootCause == null ? "" : rootCause;
    }

    /** Whether the run did not complete: failed, stopped, abandoned or still running. */
    public boolean needsAttention() {
        return !"COMPLETED".equals(status);
    }
}
