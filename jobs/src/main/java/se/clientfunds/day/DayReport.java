package se.clientfunds.day;

import java.time.LocalDate;
import java.util.List;

import se.clientfunds.files.ImportOutcome;
import se.clientfunds.jobs.JobName;
import se.clientfunds.outcome.NeedsAttention;

/**
 * What one run of the daily cycle did: each import's outcome, then each date job's, in the order they ran, the day
 * (if any) left open waiting for the bank's statement, and what needs attention (a day waiting for its statement, an
 * unexplained difference, a safeguarding shortfall, a statement gap).
 *
 * @param late        closed days reconciled again because their statement came late, with their new report versions
 * @param reportsBehind closed days whose reports were written again because they were behind their books
 * @param waiting     the day that stays open for want of its statement, or null
 * @param provisional whether the business date is still open at the end of the run: its figures are provisional
 * @param reportsFailed a closed day's reports could not be written (the day's own jobs then wait for the next run)
 */
public record DayReport(LocalDate businessDate, List<ImportOutcome> imports, List<LateStatements.Outcome> late,
                        List<se.clientfunds.reports.ReportPublication.Outcome> reportsBehind, List<DayJobOutcome> jobs,
                        StatementWait waiting, List<String> attention, boolean provisional, boolean reportsFailed)
        implements NeedsAttention {

    public DayReport {
        imports = List.copyOf(imports);
        late = List.copyOf(late);
        reportsBehind = List.copyOf(reportsBehind);
        jobs = List.copyOf(jobs);
        attention = List.copyOf(attention);
    }

    public boolean failed() {
        return imports.stream().anyMatch(outcome -> outcome.status() == ImportOutcome.Status.FAILED)
                || jobs.stream().anyMatch(outcome -> outcome.status() == DayJobOutcome.Status.FAILED)
                || late.stream().anyMatch(LateStatements.Outcome::failed) || reportsFailed;
    }

    /** Whether the business date itself ended closed. */
    public boolean closed() {
        return jobs.stream().anyMatch(outcome -> outcome.job() == JobName.CLOSE_BUSINESS_DAY
                && outcome.businessDate().equals(businessDate) && outcome.status() != DayJobOutcome.Status.FAILED);
    }

    public boolean rejectedAny() {
        return imports.stream().anyMatch(outcome -> outcome.status() == ImportOutcome.Status.REJECTED);
    }
}
