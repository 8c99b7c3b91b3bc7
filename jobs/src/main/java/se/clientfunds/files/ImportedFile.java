package se.clientfunds.files;

import java.time.LocalDateTime;

/** The record of one input file: what it was, by hash, and what became of it. */
public record ImportedFile(long id, String fileName, String kind, String sha256, long sizeBytes, Status status,
                           Long jobExecutionId, Long recordCount, String reason, LocalDateTime receivedAt) {

    public enum Status { IMPORTING, IMPORTED, REJECTED }
}
