package se.clientfunds.day;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import se.clientfunds.bankfiles.BankStatements;
import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.jobs.JobName;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.outcome.InputError;
import se.clientfunds.outcome.JobFailed;
import se.clientfunds.outcome.NeedsAttention;
import se.clientfunds.reconciliation.ReconciliationDay;
import se.clientfunds.reconciliation.ReconciliationQueries;
import se.clientfunds.reports.ReportPublication;
import se.clientfunds.settings.ClientFundsAccount;
import se.clientfunds.settings.SettlementProperties;

/**
 * A statement that arrives after its day closed (DESIGN §2.4): the day is reconciled again as a new reconciliation
 * run (the earlier ones kept), which clears what the statement matches, and the day's reports are written again as a
 * new version beside the earlier one. {@code settle reconcile DATE} does it for one day; {@code run-day} does it for
 * every closed day whose statement came late before it runs its own days.
 */
@Service
public class LateStatements {

    /** What reconciling a day again did: the run, the reconciliation's outcome, and the reports' new version. */
    public record Outcome(LocalDate businessDate, int run, DayJobOutcome reconciliation, ReportPublication.Outcome reports,
                          String reportsFailure, List<String> attention) implements NeedsAttention {

        /** The reconciliation failed, or its reports did not finish (the next run-day or settle reports finishes them). */
        public boolean failed() {
            return reconciliation.status() == DayJobOutcome.Status.FAILED || reportsFailure != null;
        }
    }

    private final BusinessDays businessDays;
    private final BankStatements statements;
    private final SettlementProperties properties;
    private final ReconciliationQueries reconciliation;
    private final DayJobs dayJobs;
    private final ReportPublication publication;
    private final BankingCalendar calendar;

    LateStatements(BusinessDays businessDays, BankStatements statements, SettlementProperties properties,
                   ReconciliationQueries reconciliation, DayJobs dayJobs, ReportPublication publication, BankingCalendar calendar) {
        this.businessDays = businessDays;
        this.statements = statements;
        this.properties = properties;
        this.reconciliation = reconciliation;
        this.dayJobs = dayJobs;
        this.publication = publication;
        this.calendar = calendar;
    }

    /**
     * The closed days, oldest first, whose latest reconciliation run had no statement of an account whose statement
     * of that day has been imported since.
     */
    public List<LocalDate> waiting() {
        java.util.SortedSet<LocalDate> days = new java.util.TreeSet<>();
        for (LocalDate day : reconciliation.daysReconciledWithoutAStatement()) {
            if (!lateStatements(day).isEmpty()) {
                days.add(day);
            }
        }
        // a later day reconciled while an earlier day's statement was missing: the earlier day's late run has cleared
        // some of the breaks it left open, so it is reconciled again too (after the earlier day)
        days.addAll(reconciliation.daysWithBreaksClearedSince());
        return List.copyOf(days);
    }

    /** The accounts whose statement of the day arrived after the day's latest reconciliation run. */
    private List<ClientFundsAccount> lateStatements(LocalDate day) {
        Optional<Integer> run = reconciliation.latestRun(day);
        if (run.isEmpty()) {
            return List.of();
        }
        List<String> reconciledWith = reconciliation.days(day, run.get()).stream()
                .filter(account -> account.statementClosing() != null).map(ReconciliationDay::accountIban).toList();
        long seen = reconciliation.importsSeen(day).orElse(0L);
        return properties.accounts().stream()
                .filter(account -> !reconciledWith.contains(account.iban()) && statements.arrivedAfter(account.iban(), day, seen))
                .toList();
    }

    /**
     * Reconciles a closed day again with the statements that arrived after its latest run, as the next run, then writes
     * the day's reports as a new version. A day whose first reconciliation or reports did not complete is finished
     * instead. Refused for a day not closed, and for one with nothing new to reconcile.
     */
    public Outcome reconcile(LocalDate day) {
        calendar.requireBankingDay(day);
        if (businessDays.status(day).filter(BusinessDays.Status.CLOSED::equals).isEmpty()) {
            throw new InputError(day + " is not closed: its statement is reconciled when the day closes"
                    + " (run-day " + day + ")");
        }
        // days are reconciled in order: a later day's run would take an earlier day's statement entries as its own
        Optional<LocalDate> earlier = waiting().stream().filter(other -> other.isBefore(day)).findFirst();
        if (earlier.isPresent()) {
            throw new InputError("the statement of the earlier day " + earlier.get() + " also came late and is not"
                    + " reconciled yet: reconcile " + earlier.get() + " first (settle reconcile " + earlier.get() + ")");
        }
        Optional<Integer> latest = reconciliation.latestRun(day);
        if (latest.isEmpty()) {
            // the day's own reconciliation never completed: finish it, and its reports
            DayJobOutcome first = dayJobs.run(JobName.RECONCILE, day);
            if (first.status() == DayJobOutcome.Status.FAILED) {
                return new Outcome(day, 1, first, null, null, List.of());
            }
            return withReports(day, 1, first, () -> publication.publish(day));
        }
        int next = latest.get() + 1;
        // a run begun before and not finished is finished, not begun again
        boolean started = dayJobs.exists(JobName.RECONCILE, day, next);
        List<ClientFundsAccount> late = lateStatements(day);
        boolean stale = reconciliation.openBreaksClearedSince(day);
        if (late.isEmpty() && !started && !stale) {
            Optional<ReportPublication.Change> reportsBehind = publication.changedSince(day);
            if (reportsBehind.isPresent()) {
                return withReports(day, latest.get(), new DayJobOutcome(JobName.RECONCILE, day, DayJobOutcome.Status.DONE_BEFORE,
                        null, null), () -> publication.newVersion(day, reportsBehind.get().reason(), reportsBehind.get().code()));
            }
            throw new InputError("nothing new to reconcile for " + day + ": reconciliation run " + latest.get()
                    + " had the statement of every client-funds account that has one for the day");
        }
        String reason = late.isEmpty() ? "breaks it left open were cleared since by an earlier day's late statement"
                : "late statement of " + se.clientfunds.close.DayStatements.describe(late) + " reconciled";
        DayJobOutcome run = dayJobs.run(JobName.RECONCILE, day, next, reason);
        if (run.status() == DayJobOutcome.Status.FAILED) {
            return new Outcome(day, next, run, null, null, List.of());
        }
        return withReports(day, next, run, () -> publication.newVersion(day, "reconciliation run " + next + ": " + reason,
                se.clientfunds.reports.ReportVersions.ReasonCode.LATE_STATEMENT));
    }

    /**
     * The day's new version of its reports after a reconciliation; when its writing fails the reconciliation stands, and
     * the unfinished version is what the next run-day or settle reports finishes.
     */
    private Outcome withReports(LocalDate day, int run, DayJobOutcome reconciled,
                                java.util.function.Supplier<ReportPublication.Outcome> writing) {
        try {
            return new Outcome(day, run, reconciled, writing.get(), null, reconciliation.attention(day));
        } catch (IllegalStateException | InputError | JobFailed e) {
            return new Outcome(day, run, reconciled, null, e.getMessage() + " (settle reports " + day + " finishes them)",
                    reconciliation.attention(day));
        }
    }
}
