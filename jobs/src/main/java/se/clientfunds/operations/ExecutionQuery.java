package se.clientfunds.operations;

import java.time.LocalDate;

/**
 * Which job executions to list, newest first: by job name, status and business date (each null for any), a page of
 * {@code size} from page 0.
 */
public record ExecutionQuery(String job, String status, LocalDate businessDate, int page, int size) {

    public static final int MAX_PAGE_SIZE = 1000;

    public ExecutionQuery {
        if (page < 0) {
            throw new OperationRefused("page " + page + ": pages are numbered from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new OperationRefused("page size " + size + ": between 1 and " + MAX_PAGE_SIZE);
        }
        status = status == null || status.isBlank() ? null : status.trim().toUpperCase(java.util.Locale.ROOT);
        job = job == null || job.isBlank() ? null : job.trim();
    }

    public static ExecutionQuery all() {
        return new ExecutionQuery(null, null, null, 0, 50);
    }
}
