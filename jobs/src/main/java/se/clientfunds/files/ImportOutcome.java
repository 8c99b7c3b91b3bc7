package se.clientfunds.files;

import java.nio.file.Path;

/**
 * What became of one input file: imported with its row count (and, in the message, anything to know about it),
 * rejected with the reason, or its job failed.
 *
 * @param kind what the file is, in words: {@code clients}, {@code invoices}, {@code camt.054.001.08}, ...;
 *             null when it is not recognisably anything the pipeline imports
 */
public record ImportOutcome(Path file, Status status, String kind, long rows, String message, Long jobExecutionId) {

    /** WAITING: an earlier import of the file did not finish and was left for the daily cycle or an operator. */
    public enum Status { IMPORTED, REJECTED, FAILED, WAITING }

    public String summary() {
        return switch (status) {
            case IMPORTED -> file.getFileName() + ": imported " + rows + " " + (rows == 1 ? "row" : "rows") + " of "
                    + (kind == null ? "input" : kind) + " (job execution " + jobExecutionId + ")" + (message == null ? "" : "; " + message);
            case REJECTED -> file.getFileName() + ": rejected, moved to quarantine: " + message;
            case FAILED -> file.getFileName() + ": " + (jobExecutionId == null ? "" : "job execution " + jobExecutionId + " ")
                    + "failed: " + message + " (run the same command again to restart it)";
            case WAITING -> file.getFileName() + ": not imported: " + message;
        };
    }
}
