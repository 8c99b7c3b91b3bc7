package se.clientfunds.operations;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import se.clientfunds.jobs.ColumnText;

/**
 * The one place an operator action is written to {@code operator_action}: who, what, about which subject, why, for which
 * business day and job execution, how it ended, and (from {@link Actor}) through which door and in which roles. Written
 * in the caller's transaction, so an action and its record stand or fall together.
 */
public final class OperatorActions {

    /** One action as recorded; {@code businessDate}, {@code jobExecutionId} and {@code outcome} may be null. */
    public record Entry(String operator, String action, String subject, String reason, LocalDate businessDate,
                        Long jobExecutionId, String outcome) {
    }

    private OperatorActions() {
    }

    /** Records {@code entry} as done by whoever acts on this thread; returns its id. */
    public static long record(JdbcTemplate jdbc, Entry entry) {
        Actor actor = Actor.current();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO operator_action (operator, action, subject,"
                    + " reason, business_date, job_execution_id, channel, role, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, ColumnText.fit(entry.operator().trim(), 100));
            insert.setString(2, entry.action());
            insert.setString(3, ColumnText.fit(entry.subject(), 200));
            insert.setString(4, entry.reason() == null ? null : ColumnText.fit(entry.reason().trim(), 1000));
            insert.setDate(5, entry.businessDate() == null ? null : Date.valueOf(entry.businessDate()));
            if (entry.jobExecutionId() == null) {
                insert.setNull(6, Types.BIGINT);
            } else {
                insert.setLong(6, entry.jobExecutionId());
            }
            insert.setString(7, actor.channel());
            insert.setString(8, actor.roles());
            insert.setString(9, entry.outcome() == null ? null : ColumnText.fit(entry.outcome(), 200));
            return insert;
        }, key);
        return key.getKey().longValue();
    }
}
