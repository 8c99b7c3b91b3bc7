package se.clientfunds.operations;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One job execution as an operator lists it.
 *
 * @param id           the job execution id, which every action takes
 * @param job          the job's name ({@code closeBusinessDayJob})
 * @param businessDate the business day it works on, or null for a job without one
 * @param instance     what names the job instance besides the date: a file, a reconciliation run, a report version
 * @param status       Spring Batch's status (STARTED, COMPLETED, FAILED, STOPPING, STOPPED, ABANDONED, UNKNOWN)
 * @param attempt      its number among the executions of its job instance (1 for the first start)
 * @param attempts     how many executions the job instance has so far
 * @param started      when it started (null when it never did)
 * @param ended        when it ended (null while running)
 * @param duration     how long it ran (until now while running)
 * @param startedBy    who started it
 * @param reason       why it was started (null when no reason was given)
 * @param rootCause    why it did not complete, in one line (null when it did)
 * @param process      the process that runs or ran it ({@code host:pid:start})
 * @param processAlive whether that process still lives (for an execution marked running: running, or left by a crash)
 */
public record ExecutionSummary(long id, String job, LocalDate businessDate, String instance, String status, int attempt,
                               int attempts, ZonedDateTime started, ZonedDateTime ended, Duration duration, String startedBy,
                               String reason, String rootCause, String process, boolean processAlive) {

    /** Marked running (STARTING, STARTED, STOPPING) in the job repository, whether or not its process lives. */
    public boolean markedRunning() {
        return "STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status);
    }

    /** Marked running by a process that is gone: a crash left it so, and it can be recovered. */
    public boolean crashed() {
        return markedRunning() && !processAlive;
    }
}
