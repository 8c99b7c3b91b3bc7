package se.clientfunds.day;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import se.clientfunds.extracts.ExtractImportOutcome;

/** What one run of the daily cycle did: each import's outcome and the files left waiting in the inbox. */
public record DayReport(LocalDate businessDate, List<ExtractImportOutcome> imports, List<Path> waiting) {

    public DayReport {
        imports = List.copyOf(imports);
        waiting = List.copyOf(waiting);
    }

    public boolean failed() {
        return imports.stream().anyMatch(outcome -> outcome.status() == ExtractImportOutcome.Status.FAILED);
    }

    public boolean rejectedAny() {
        return imports.stream().anyMatch(outcome -> outcome.status() == ExtractImportOutcome.Status.REJECTED);
    }
}
