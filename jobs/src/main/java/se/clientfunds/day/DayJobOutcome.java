package se.clientfunds.day;

import java.time.LocalDate;

import se.clientfunds.jobs.JobName;

/**
 * What one date job (allocation, refunds and payouts, close) did for one business date.
 *
 * @param status  COMPLETED, FAILED (restart it by running the day again), or DONE_BEFORE (an earlier run completed it)
 * @param summary what it did in words, or why it failed
 */
public record DayJobOutcome(JobName job, LocalDate businessDate, Status status, Long jobExecutionId, String summary) {

    public enum Status { COMPLETED, DONE_BEFORE, FAILED }

    public String describe() {
        String execution = jobExecutionId == null ? "" : " (job execution " + jobExecutionId + ")";
        return switch (status) {
            case COMPLETED -> job + " " + businessDate + ": " + summary + execution;
            case DONE_BEFORE -> job + " " + businessDate + ": completed by an earlier run" + execution;
            case FAILED -> job + " " + businessDate + execution + " failed: " + summary + " (run the day again to restart it)";
        };
    }
}
