package se.clientfunds.operations;

import java.time.Duration;
import java.time.ZonedDateTime;

/** One step of a job execution with Spring Batch's counts; skips are read, process and write skips together. */
public record StepSummary(String name, String status, long read, long written, long filtered, long commits, long rollbacks,
                          long skips, ZonedDateTime started, ZonedDateTime ended, Duration duration, String exitCode,
                          String exitDescription) {
}
