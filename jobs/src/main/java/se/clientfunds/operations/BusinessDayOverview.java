package se.clientfunds.operations;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.close.DayStatements;
import se.clientfunds.operations.BusinessDayView.ImportedFileView;
import se.clientfunds.operations.BusinessDayView.Status;
import se.clientfunds.reconciliation.ReconciliationQueries;
import se.clientfunds.reports.ReportPublication;
import se.clientfunds.reports.ReportVersions;
import se.clientfunds.settings.ClientFundsAccount;

/**
 * The business days as operations see them: for each banking day its status, why, the files imported for it and the
 * jobs that ran for it. A day's status is the first that holds of: FAILED (a job of the day whose last execution did not
 * complete, other than one an operator abandoned), RUNNING, NEEDS_ATTENTION (what reconciliation names, a missing
 * statement, or a day before the last one due that has not closed), RECONCILED, CLOSED, OPEN.
 */
@Service
public class BusinessDayOverview {

    /** At most this many days in one answer. */
    public static final int MAX_DAYS = 400;

    private final JdbcTemplate jdbc;
    private final ReportVersions versions;
    private final ReportPublication publication;
    private final JobOperations operations;
    private final BankingCalendar calendar;
    private final ReconciliationQueries reconciliation;
    private final DayStatements statements;
    private final Clock clock;

    public BusinessDayOverview(JdbcTemplate jdbc, JobOperations operations, BankingCalendar calendar,
                               ReconciliationQueries reconciliation, DayStatements statements, Clock clock,
                               ReportVersions versions, ReportPublication publication) {
        this.versions = versions;
        this.publication = publication;
        this.jdbc = jdbc;
        this.operations = operations;
        this.calendar = calendar;
        this.reconciliation = reconciliation;
        this.statements = statements;
        this.clock = clock;
    }

    /**
     * The banking days from {@code from} to {@code to}, newest first. Without {@code to}: today (by the clock), or the
     * last day booked when that is later; on books that stopped before the last ten banking days, the banking day after
     * their last one (so the books' last days show, with the first one missing; {@link #behind} says how many more).
     * Without {@code from}: ten banking days before it, or the books' first day when that is later.
     */
    public List<BusinessDayView> days(LocalDate from, LocalDate to) {
        LocalDate last = to != null ? to : latest();
        LocalDate first = from;
        if (first == null) {
            first = calendar.plusBankingDays(calendar.isBankingDay(last) ? last : calendar.previousBankingDay(last), -9);
            // the books' first day: nothing before it to show
            Date booked = jdbc.queryForObject("SELECT MIN(business_date) FROM business_day", Date.class);
            if (booked != null && booked.toLocalDate().isAfter(first) && !booked.toLocalDate().isAfter(last)) {
                first = booked.toLocalDate();
            }
        }
        if (first.isAfter(last)) {
            throw new OperationRefused("--from " + first + " is after --to " + last);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (calendar.isBankingDay(date)) {
                dates.add(date);
            }
        }
        if (dates.size() > MAX_DAYS) {
            throw new OperationRefused(dates.size() + " banking days from " + first + " to " + last + ": at most " + MAX_DAYS
                    + " at a time");
        }
        List<BusinessDayView> days = new ArrayList<>();
        for (int i = dates.size() - 1; i >= 0; i--) {
            days.add(day(dates.get(i)));
        }
        return days;
    }

    /** One banking day; a date that is not one is refused in the calendar's words. */
    public BusinessDayView day(LocalDate date) {
        calendar.requireBankingDay(date);
        List<ImportedFileView> files = jdbc.query("SELECT file_name, kind, status, record_count, job_execution_id FROM imported_file"
                + " WHERE business_date = ? ORDER BY id", (rs, row) -> new ImportedFileView(rs.getString(1), rs.getString(2),
                rs.getString(3), (Long) rs.getObject(4, Long.class), (Long) rs.getObject(5, Long.class)), Date.valueOf(date));
        // the last execution of each job instance of the day, in one query
        List<Long> executions = jdbc.queryForList("SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e"
                + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'businessDate'"
                + " WHERE p.PARAMETER_VALUE = ? GROUP BY e.JOB_INSTANCE_ID ORDER BY MIN(e.JOB_EXECUTION_ID)", Long.class, date.toString());
        List<ExecutionSummary> jobs = operations.summaries(executions);

        List<String> why = new ArrayList<>();
        List<String> abandoned = new ArrayList<>();
        for (ExecutionSummary job : jobs) {
            if ("ABANDONED".equals(job.status())) {
                // an operator's decision, not a failure to act on: said, and the day judged on the rest
                abandoned.add(job.job() + " (job execution " + job.id() + ") was abandoned by an operator");
            } else if (!job.markedRunning() && !"COMPLETED".equals(job.status())) {
                why.add(job.job() + " (job execution " + job.id() + ") " + job.status()
                        + (job.rootCause() == null ? "" : ": " + job.rootCause()));
            } else if (job.crashed()) {
                why.add(job.job() + " (job execution " + job.id() + ") was left " + job.status() + " by a process that is gone:"
                        + " recover it");
            }
        }
        if (!why.isEmpty()) {
            return new BusinessDayView(date, Status.FAILED, why, files, jobs);
        }
        List<String> running = jobs.stream().filter(ExecutionSummary::markedRunning)
                .map(job -> job.job() + " (job execution " + job.id() + ") " + job.status()).toList();
        if (!running.isEmpty()) {
            return new BusinessDayView(date, Status.RUNNING, running, files, jobs);
        }
        String closed = jdbc.query("SELECT status FROM business_day WHERE business_date = ?", rs -> rs.next() ? rs.getString(1) : null,
                Date.valueOf(date));
        boolean reconciled = reconciliation.latestRun(date).isPresent();
        if (reconciled) {
            List<String> attention = new ArrayList<>(reconciliation.attention(date));
            // the reports are what finance and the examiner get: a day whose reports are missing or behind its books
            // is not done
            if (versions.latest(date).isEmpty()) {
                attention.add("no reports written: settle reports " + date);
            } else {
                publication.changedSince(date).ifPresent(change -> attention.add("its reports are behind the books ("
                        + change.reason() + "): settle reports " + date));
            }
            Status status = attention.isEmpty() ? Status.RECONCILED : Status.NEEDS_ATTENTION;
            attention.addAll(abandoned);
            return new BusinessDayView(date, status, attention, files, jobs);
        }
        if ("CLOSED".equals(closed)) {
            return new BusinessDayView(date, Status.CLOSED, with(List.of("closed, not reconciled yet"), abandoned), files, jobs);
        }
        List<ClientFundsAccount> missing = statements.missing(date);
        if (!jobs.isEmpty() && !missing.isEmpty()) {
            return new BusinessDayView(date, Status.NEEDS_ATTENTION, with(List.of("waiting for the statement of "
                    + DayStatements.describe(missing)), abandoned), files, jobs);
        }
        // a banking day before the last one due (the day before today) that has not closed, within the books
        LocalDate due = calendar.previousBankingDay(LocalDate.now(clock));
        Date first = jdbc.queryForObject("SELECT MIN(business_date) FROM business_day", Date.class);
        if (date.isBefore(due) && first != null && !date.isBefore(first.toLocalDate())) {
            return new BusinessDayView(date, Status.NEEDS_ATTENTION, with(List.of("not closed, although due since "
                    + calendar.nextBankingDay(date) + ": run-day " + date), abandoned), files, jobs);
        }
        return new BusinessDayView(date, Status.OPEN, with(jobs.isEmpty() && files.isEmpty() ? List.of("nothing run yet")
                : List.of(), abandoned), files, jobs);
    }

    private static List<String> with(List<String> why, List<String> more) {
        List<String> all = new ArrayList<>(why);
        all.addAll(more);
        return all;
    }

    private LocalDate latest() {
        LocalDate today = LocalDate.now(clock);
        Date booked = jdbc.queryForObject("SELECT MAX(business_date) FROM business_day", Date.class);
        if (booked == null) {
            return today;
        }
        LocalDate last = booked.toLocalDate();
        if (!last.isBefore(today)) {
            return last;
        }
        LocalDate next = calendar.nextBankingDay(last);
        return calendar.plusBankingDays(next, 9).isBefore(today) ? next : today;
    }

    /**
     * How far the books are behind the clock: the banking days after the last one booked up to the last one due (the
     * banking day before today), or 0. A day's status says what each of them needs; this counts them.
     */
    public long behind() {
        Date booked = jdbc.queryForObject("SELECT MAX(business_date) FROM business_day", Date.class);
        if (booked == null) {
            return 0;
        }
        LocalDate due = calendar.previousBankingDay(LocalDate.now(clock));
        long days = 0;
        for (LocalDate day = calendar.nextBankingDay(booked.toLocalDate()); !day.isAfter(due); day = calendar.nextBankingDay(day)) {
            days++;
        }
        return days;
    }
}
