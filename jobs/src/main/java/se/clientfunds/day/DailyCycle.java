package se.clientfunds.day;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import se.clientfunds.allocation.AllocationQueries;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankFileParsers;
import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.close.ClosingOrder;
import se.clientfunds.close.DayStatements;
import se.clientfunds.extract.ExtractCsvReader;
import se.clientfunds.files.FileImports;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.jobs.Causes;
import se.clientfunds.jobs.JobName;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.outcome.InputError;
import se.clientfunds.outcome.JobFailed;
import se.clientfunds.reconciliation.ReconciliationQueries;
import se.clientfunds.reports.ReportPublication;
import se.clientfunds.sanctions.EuSanctionsListReader;
import se.clientfunds.settings.ClientFundsAccount;
import se.clientfunds.settings.SettlementHome;

/**
 * {@code run-day}: the daily cycle for one business date. Import what waits in the inbox, in the order the books need
 * it (clients, invoices, refunds, then payment notifications, then statements); then, for every earlier day still
 * open (catch-up) and for the date itself, in date order: allocate → refunds and payouts → close → reconcile → reports.
 * It reports what reconciliation says needs attention (an unexplained difference, a shortfall, a statement gap). It stops at the
 * first failure: running the day again restarts what failed and skips what completed.
 */
@Service
public class DailyCycle {

    /** What each business day runs after its imports, in order. */
    private static final List<JobName> DAY_JOBS = List.of(JobName.ALLOCATE_PAYMENTS, JobName.REFUNDS_AND_PAYOUTS,
            JobName.CLOSE_BUSINESS_DAY, JobName.MONITOR, JobName.RECONCILE, JobName.REPORTS);

    private final SettlementHome home;
    private final BusinessDays businessDays;
    private final FileImports imports;
    private final BankingCalendar calendar;
    private final DayJobs dayJobs;
    private final ReconciliationQueries reconciliation;
    private final AllocationQueries allocations;
    private final DayStatements statements;
    private final LateStatements lateStatements;
    private final ReportPublication publication;

    public DailyCycle(SettlementHome home, BusinessDays businessDays, FileImports imports, BankingCalendar calendar,
                      DayJobs dayJobs, ReconciliationQueries reconciliation, AllocationQueries allocations,
                      DayStatements statements, LateStatements lateStatements, ReportPublication publication) {
        this.publication = publication;
        this.statements = statements;
        this.lateStatements = lateStatements;
        this.reconciliation = reconciliation;
        this.allocations = allocations;
        this.home = home;
        this.businessDays = businessDays;
        this.imports = imports;
        this.calendar = calendar;
        this.dayJobs = dayJobs;
    }

    /** Whether every job of the day completed: imported, allocated, paid, closed, reconciled and reported. */
    public boolean finished(LocalDate businessDate) {
        return DAY_JOBS.stream().allMatch(job -> dayJobs.completed(job, businessDate));
    }

    public DayReport run(LocalDate businessDate) {
        calendar.requireBankingDay(businessDate);
        // refuse before anything is imported when the day cannot close (an earlier banking day never run)
        List<LocalDate> days = new ArrayList<>(new ClosingOrder(calendar).daysToClose(businessDate, businessDays.all()));
        List<ImportOutcome> outcomes = new ArrayList<>();
        if (days.isEmpty()) {
            // closed: what is left of the day after its close (a reconciliation that failed) still runs; files in the
            // inbox wait for an open day, nothing can be booked on this one any more
            if (DAY_JOBS.stream().allMatch(job -> dayJobs.completed(job, businessDate))) {
                throw new InputError("business day " + businessDate + " is closed and complete: nothing can be"
                        + " posted on it; corrections go on a later day");
            }
            days.add(businessDate);
        } else {
            // the last closed day first, when what follows its close did not complete (a failed reconciliation)
            businessDays.lastClosed().filter(closed -> closed.isBefore(businessDate))
                    .filter(closed -> DAY_JOBS.stream().anyMatch(job -> !dayJobs.completed(job, closed)))
                    .ifPresent(closed -> days.add(0, closed));
            businessDays.open(businessDate);
            importInbox(businessDate, outcomes, true);
        }
        List<DayJobOutcome> jobs = new ArrayList<>();
        List<LateStatements.Outcome> late = new ArrayList<>();
        List<ReportPublication.Outcome> reportsBehind = new ArrayList<>();
        List<String> attention = new ArrayList<>();
        boolean failedReports = false;
        StatementWait waiting = null;
        if (outcomes.stream().noneMatch(outcome -> outcome.status() == ImportOutcome.Status.FAILED)) {
            // a closed day whose statement has come since is reconciled again first, its reports a new version
            // oldest first, asked again after each: an earlier day's late run can make a later day's run stale
            java.util.Set<LocalDate> reconciledAgain = new java.util.HashSet<>();
            for (Optional<LocalDate> closed = nextWaiting(reconciledAgain); closed.isPresent(); closed = nextWaiting(reconciledAgain)) {
                reconciledAgain.add(closed.get());
                LateStatements.Outcome outcome = lateStatements.reconcile(closed.get());
                late.add(outcome);
                jobs.add(outcome.reconciliation());
                if (outcome.failed()) {
                    break;
                }
            }
            // a closed day whose reports are behind its books (a version that did not finish, an action recorded since)
            for (LocalDate behind : late.stream().anyMatch(LateStatements.Outcome::failed) ? List.<LocalDate>of()
                    : publication.daysBehind()) {
                if (!days.contains(behind)) {
                    try {
                        reportsBehind.add(publication.publish(behind));
                    } catch (IllegalStateException | InputError | JobFailed e) {
                        // an earlier day's reports are not worth holding today's payouts and close for: said, and retried
                        attention.add(behind + ": its reports are behind and could not be written: " + e.getMessage());
                        failedReports = true;
                    }
                }
            }
            if (late.stream().noneMatch(LateStatements.Outcome::failed)) {
                waiting = runDayJobs(days, jobs);
            }
        }
        if (waiting != null) {
            attention.add(waiting.describe());
        }
        for (DayJobOutcome job : jobs) {
            if (job.job() == JobName.CLOSE_BUSINESS_DAY && job.status() == DayJobOutcome.Status.COMPLETED) {
                List<String> without = businessDays.closedWithoutStatement(job.businessDate());
                if (!without.isEmpty()) {
                    attention.add(job.businessDate() + " closed WITHOUT the bank's statement of " + String.join(", ", without)
                            + " (settlement.close.without-statement: true): its figures are not confirmed by the bank and"
                            + " every report of the day says so; when the statement arrives, import it and run"
                            + " 'settle reconcile " + job.businessDate() + "'");
                }
            }
        }
        late.forEach(outcome -> outcome.attention().forEach(item -> attention.add(outcome.businessDate() + " (run " + outcome.run()
                + "): " + item)));
        late.stream().filter(outcome -> outcome.reportsFailure() != null).forEach(outcome -> attention.add(outcome.businessDate()
                + ": its reports were not written again: " + outcome.reportsFailure()));
        allocations.deductionsWaiting().forEach(attention::add);
        allocations.holdsWaiting().forEach(attention::add);
        for (LocalDate day : days) {
            boolean reconciled = jobs.stream().anyMatch(job -> job.job() == JobName.RECONCILE && job.businessDate().equals(day)
                    && job.status() != DayJobOutcome.Status.FAILED);
            if (reconciled) {
                reconciliation.attention(day).forEach(item -> attention.add(day + ": " + item));
            }
        }
        boolean provisional = businessDays.status(businessDate).filter(BusinessDays.Status.CLOSED::equals).isEmpty();
        return new DayReport(businessDate, outcomes, late, reportsBehind, jobs, waiting, attention, provisional, failedReports);
    }

    /**
     * Imports what waits in the inbox into an open business day, in the order the books need it, and nothing else (the
     * inbox poll between cycles: a refused file is seen when it arrives). Stops at a failed import, as run-day does. An
     * import that failed or that an operator stopped is not restarted here: it waits for the daily cycle or an
     * operator, so a failing file is not tried again every few minutes.
     */
    public List<ImportOutcome> importWaiting(LocalDate businessDate) {
        calendar.requireBankingDay(businessDate);
        if (businessDays.status(businessDate).filter(BusinessDays.Status.CLOSED::equals).isPresent()) {
            throw new InputError("business day " + businessDate + " is closed: files wait for the next open day");
        }
        List<ImportOutcome> outcomes = new ArrayList<>();
        if (!inboxFiles().isEmpty()) {
            businessDays.open(businessDate);
            importInbox(businessDate, outcomes, false);
        }
        return outcomes;
    }

    private void importInbox(LocalDate businessDate, List<ImportOutcome> outcomes, boolean restartUnfinished) {
        for (InboxFile inboxFile : inboxFiles()) {
            ImportOutcome outcome;
            try {
                outcome = imports.importFile(inboxFile.path(), businessDate, restartUnfinished);
            } catch (Exception e) {
                // the day reports it like a failed job: the next run tries again
                outcome = new ImportOutcome(inboxFile.path(), ImportOutcome.Status.FAILED, null, 0, Causes.rootMessage(e), null);
            }
            outcomes.add(outcome);
            if (outcome.status() == ImportOutcome.Status.FAILED || outcome.status() == ImportOutcome.Status.WAITING) {
                // what follows may depend on it (invoices on clients, statements on payments): stop, a rerun restarts it
                break;
            }
        }
    }

    /** The oldest closed day to reconcile again that this run has not reconciled again yet. */
    private Optional<LocalDate> nextWaiting(java.util.Set<LocalDate> done) {
        return lateStatements.waiting().stream().filter(day -> !done.contains(day)).findFirst();
    }

    /**
     * Runs each day's jobs in order and stops at the first failure, or at the first day whose statement has not
     * arrived: that day is allocated, but pays nothing out and does not close, and the days after it wait behind it.
     * Returns that waiting day, or null.
     */
    private StatementWait runDayJobs(List<LocalDate> days, List<DayJobOutcome> jobs) {
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            for (JobName job : DAY_JOBS) {
                if (job == JobName.REFUNDS_AND_PAYOUTS && !statements.mayCloseWithout()
                        && businessDays.status(day).filter(BusinessDays.Status.CLOSED::equals).isEmpty()) {
                    List<ClientFundsAccount> missing = statements.missing(day);
                    if (!missing.isEmpty()) {
                        return new StatementWait(day, missing, days.subList(i + 1, days.size()));
                    }
                }
                DayJobOutcome outcome = dayJobs.run(job, day);
                jobs.add(outcome);
                if (outcome.status() == DayJobOutcome.Status.FAILED) {
                    return null;
                }
            }
        }
        return null;
    }

    private List<InboxFile> inboxFiles() {
        try (Stream<Path> files = Files.list(home.inbox())) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .map(DailyCycle::classify)
                    .sorted(Comparator.comparingInt(InboxFile::order).thenComparing(file -> file.path().getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + home.inbox(), e);
        }
    }

    /** Orders by what a file is, read from its content, never from its name. */
    private static InboxFile classify(Path file) {
        if (EuSanctionsListReader.recognises(file)) {
            // first: the day's payments are screened against the newest list
            return new InboxFile(file, -1);
        }
        if (BankFileParsers.isBankFile(file)) {
            boolean notification = BankFileParsers.detect(file).map(BankFileFormat::isNotification).orElse(false);
            return new InboxFile(file, notification ? 10 : 11);
        }
        try (ExtractCsvReader reader = ExtractCsvReader.openDetectingKind(file)) {
            return new InboxFile(file, reader.kind().ordinal());
        } catch (RuntimeException | IOException e) {
            // not a recognisable extract: the import rejects it with the reason, after the good ones
            return new InboxFile(file, 5);
        }
    }

    private record InboxFile(Path path, int order) {
    }
}
