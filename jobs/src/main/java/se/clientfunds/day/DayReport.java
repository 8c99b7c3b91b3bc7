package se.clientfunds.day;

import java.time.LocalDate;
import java.util.List;

import se.clientfunds.files.ImportOutcome;

/** What one run of the daily cycle did: each import's outcome, in the order they ran. */
public record DayReport(LocalDate businessDate, List<ImportOutcome> imports) {

    public DayReport {
        imports = List.copyOf(imports);
    }

    public boolean failed() {
        return imports.stream().anyMatch(outcome -> outcome.status() == ImportOutcome.Status.FAILED);
    }

    public boolean rejectedAny() {
        return imports.stream().anyMatch(outcome -> outcome.status() == ImportOutcome.Status.REJECTED);
    }
}
