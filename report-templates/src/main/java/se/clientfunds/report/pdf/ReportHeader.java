package se.clientfunds.report.pdf;

import java.time.LocalDate;
import java.util.List;

/**
 * What every report carries on its first page: the business date, the job execution that made it, the input files
 * with their SHA-256 and the control totals it was built from.
 */
public record ReportHeader(LocalDate businessDate, long jobExecutionId, List<InputFile> inputFiles,
                           List<ControlTotal> controlTotals) {

    public ReportHeader {
        if (businessDate == null) {
            throw new IllegalArgumentException("businessDate is missing");
        }
        if (jobExecutionId <= 0) {
            throw new IllegalArgumentException("jobExecutionId " + jobExecutionId + " is not positive");
        }
        if (inputFiles == null) {
            throw new IllegalArgumentException("inputFiles is missing");
        }
        if (controlTotals == null) {
            throw new IllegalArgumentException("controlTotals is missing");
        }
        inputFiles = List.copyOf(inputFiles);
        controlTotals = List.copyOf(controlTotals);
    }
}
