package se.clientfunds.operations;

import java.time.LocalDate;
import java.util.List;

/**
 * A business day as operations see it.
 *
 * @param date   the banking day
 * @param status OPEN, CLOSED, RECONCILED, NEEDS_ATTENTION, FAILED or RUNNING
 * @param why    for NEEDS_ATTENTION what needs it, for FAILED the failed job and its cause, for OPEN what it waits for
 * @param files  the files imported for it
 * @param jobs   the last execution of each of its job instances, in the order they began
 */
public record BusinessDayView(LocalDate date, Status status, List<String> why, List<ImportedFileView> files,
                              List<ExecutionSummary> jobs) {

    public enum Status { OPEN, CLOSED, RECONCILED, NEEDS_ATTENTION, FAILED, RUNNING }

    /** A file imported for the day: its name, what it is, whether it was imported or refused, and its rows. */
    public record ImportedFileView(String name, String kind, String status, Long records, Long jobExecutionId) {
    }
}
