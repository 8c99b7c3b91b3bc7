package se.clientfunds.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Who did what, over a span of days: the operator actions (restarts, stops, resolutions, allocations, pauses, with who
 * and why), the job executions started (by whom, why), and the files received, each as recorded then. For auditors and
 * for the morning after; the days are the clock's zone's calendar days of when it happened.
 */
@Service
public class AuditTrail {

    /** At most this many days at a time. */
    public static final int MAX_DAYS = 92;

    /** A file as received: its bytes' hash, what became of it, and for which day. */
    public record FileReceived(ZonedDateTime receivedAt, String name, String kind, String sha256, long sizeBytes, String status,
                               LocalDate businessDate, Long jobExecutionId, Long records, String reason) {
    }

    /** What happened from one day to another, each list oldest first. */
    public record Span(LocalDate from, LocalDate to, List<OperatorActionView> actions, List<ExecutionSummary> executions,
                       List<FileReceived> files) {
    }

    private final JdbcTemplate jdbc;
    private final JobOperations operations;
    private final Clock clock;

    public AuditTrail(JdbcTemplate jdbc, JobOperations operations, Clock clock) {
        this.jdbc = jdbc;
        this.operations = operations;
        this.clock = clock;
    }

    /** From {@code from} to {@code to} (both days in), today when left out; {@code operator} narrows it to one person. */
    public Span between(LocalDate from, LocalDate to, String operator) {
        LocalDate last = to != null ? to : LocalDate.now(se.clientfunds.jobs.RecordedTimes.WALL_CLOCK.withZone(clock.getZone()));
        LocalDate first = from != null ? from : last;
        if (first.isAfter(last)) {
            throw new se.clientfunds.outcome.InputError("from " + first + " is after to " + last);
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new se.clientfunds.outcome.InputError(first + " to " + last + " is more than " + MAX_DAYS + " days: ask for fewer at a time");
        }
        // recorded in the database's local time, which is this process's (the job repository's and the actions' both)
        Timestamp start = Timestamp.valueOf(first.atStartOfDay());
        Timestamp end = Timestamp.valueOf(last.plusDays(1).atStartOfDay());
        String who = operator == null || operator.isBlank() ? null : operator.trim();
        List<OperatorActionView> actions = jdbc.query("SELECT id, acted_at, operator, action, subject, job_execution_id,"
                + " business_date, reason, channel, role, outcome FROM operator_action WHERE acted_at >= ? AND acted_at < ? AND (? IS NULL OR operator = ?)"
                + " ORDER BY acted_at, id", (rs, row) -> new OperatorActionView(rs.getLong(1), time(rs.getTimestamp(2)),
                rs.getString(3), rs.getString(4), rs.getString(5), (Long) rs.getObject(6, Long.class),
                rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11)), start, end, who, who);
        List<Long> started = jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e"
                + " LEFT JOIN job_start s ON s.job_execution_id = e.JOB_EXECUTION_ID WHERE e.CREATE_TIME >= ? AND e.CREATE_TIME < ?"
                + " AND (? IS NULL OR s.started_by = ?) ORDER BY e.JOB_EXECUTION_ID", Long.class, start, end, who, who);
        List<FileReceived> files = who != null ? List.of() : jdbc.query("SELECT received_at, file_name, kind, sha256, size_bytes,"
                + " status, business_date, job_execution_id, record_count, reason FROM imported_file WHERE received_at >= ?"
                + " AND received_at < ? ORDER BY received_at, id", (rs, row) -> new FileReceived(time(rs.getTimestamp(1)),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), (Long) rs.getObject(8, Long.class),
                (Long) rs.getObject(9, Long.class), rs.getString(10)), start, end);
        return new Span(first, last, actions, operations.summaries(started), files);
    }

    private ZonedDateTime time(Timestamp timestamp) {
        return se.clientfunds.jobs.RecordedTimes.in(timestamp, clock.getZone());
    }
}
