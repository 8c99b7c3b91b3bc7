package se.clientfunds.extracts;

import java.nio.file.Path;

/** What became of one extract file: imported with its row count, rejected with the reason, or its job failed. */
public record ExtractImportOutcome(Path file, Status status, String kind, long rows, String message, Long jobExecutionId) {

    public enum Status { IMPORTED, REJECTED, FAILED }

    public String summary() {
        return switch (status) {
            case IMPORTED -> file.getFileName() + ": imported " + rows + " row" + (rows == 1 ? "" : "s") + " of "
                    + kind.toLowerCase() + " (job execution " + jobExecutionId + ")";
            case REJECTED -> file.getFileName() + ": rejected, moved to quarantine: " + message;
            case FAILED -> file.getFileName() + ": job execution " + jobExecutionId + " failed: " + message
                    + " (run the same command again to restart it)";
        };
    }
}
