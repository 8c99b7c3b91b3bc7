package se.clientfunds.extracts;

import java.nio.file.Path;

import se.clientfunds.extract.ExtractKind;

/**
 * What became of one extract file: imported with its row count, rejected with the reason, or its job failed.
 *
 * @param kind the extract's kind, or null when the file is not recognisably an extract
 */
public record ExtractImportOutcome(Path file, Status status, ExtractKind kind, long rows, String message, Long jobExecutionId) {

    public enum Status { IMPORTED, REJECTED, FAILED }

    public String summary() {
        return switch (status) {
            case IMPORTED -> file.getFileName() + ": imported " + rows + " row" + (rows == 1 ? "" : "s") + " of "
                    + (kind == null ? "extract" : kind.name().toLowerCase()) + " (job execution " + jobExecutionId + ")";
            case REJECTED -> file.getFileName() + ": rejected, moved to quarantine: " + message;
            case FAILED -> file.getFileName() + ": " + (jobExecutionId == null ? "" : "job execution " + jobExecutionId + " ")
                    + "failed: " + message + " (run the same command again to restart it)";
        };
    }
}
