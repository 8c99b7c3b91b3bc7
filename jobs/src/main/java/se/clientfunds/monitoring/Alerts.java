package se.clientfunds.monitoring;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.clientfunds.money.Money;
import se.clientfunds.operations.OperatorActions;
import se.clientfunds.outcome.InputError;

/**
 * What compliance analysts do with alerts: list them, take one into review, comment, close it as a false positive or
 * escalate it. Every action is an {@code aml_alert_event} and an {@code operator_action} in one transaction, and a
 * move the workflow does not allow ({@code NEW → IN_REVIEW → CLOSED_FALSE_POSITIVE | ESCALATED → FILED}) is refused
 * naming the alert's status.
 */
@Service
public class Alerts {

    /** Where an alert stands. */
    public enum Status { NEW, IN_REVIEW, CLOSED_FALSE_POSITIVE, ESCALATED, FILED }

    /** An analyst's action on an alert, as the audit trail names it. */
    public enum Action {
        ASSIGN("ALERT_ASSIGN"), COMMENT("ALERT_COMMENT"), CLOSE("ALERT_CLOSE"), ESCALATE("ALERT_ESCALATE");

        private final String code;

        Action(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * An alert as analysts see it.
     *
     * @param payments the payments it rests on, as {@code iban/bank reference}
     * @param held     whether a payment of it is held from allocation now
     */
    public record Alert(long id, AlertRule rule, NewAlert.Severity severity, LocalDate businessDate, NewAlert.SubjectKind subjectKind,
                        String subject, Money amount, List<String> payments, String explanation, Status status, String analyst,
                        boolean held) {
    }

    /** One thing done with an alert. */
    public record Event(String action, Status from, Status to, String operator, java.time.LocalDateTime at, String comment) {
    }

    private final JdbcTemplate jdbc;

    public Alerts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Alerts of a business date (null: every date), with a status (null: any), by date then id; at most {@code limit}. */
    public List<Alert> list(LocalDate date, Status status, int limit) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (date != null) {
            where.append(" AND a.business_date = ?");
            arguments.add(Date.valueOf(date));
        }
        if (status != null) {
            where.append(" AND a.status = ?");
            arguments.add(status.name());
        }
        arguments.add(limit);
        return jdbc.query("SELECT a.id, a.rule, a.severity, a.business_date, a.subject_kind, a.subject, a.amount_minor, a.currency,"
                + " a.explanation, a.status, a.analyst,"
                + " (SELECT GROUP_CONCAT(CONCAT(p.account_iban, '/', p.bank_reference) ORDER BY p.account_iban, p.bank_reference"
                + "   SEPARATOR ' ') FROM aml_alert_payment p WHERE p.alert_id = a.id) AS payments,"
                + " EXISTS (SELECT 1 FROM payment_hold h WHERE h.alert_id = a.id AND h.released_on IS NULL) AS held"
                + " FROM aml_alert a" + where + " ORDER BY a.business_date, a.id LIMIT ?", (rs, row) -> new Alert(rs.getLong(1),
                        AlertRule.valueOf(rs.getString(2)), NewAlert.Severity.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(),
                        NewAlert.SubjectKind.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(8) == null ? null : Money.ofMinor(rs.getLong(7), rs.getString(8)),
                        rs.getString(12) == null ? List.of() : List.of(rs.getString(12).split(" ")), rs.getString(9),
                        Status.valueOf(rs.getString(10)), rs.getString(11), rs.getBoolean(13)), arguments.toArray());
    }

    /** One alert, or an input error naming the id. */
    public Alert get(long id) {
        return jdbc.query("SELECT business_date FROM aml_alert WHERE id = ?", (rs, row) -> rs.getDate(1).toLocalDate(), id)
                .stream().findFirst()
                .flatMap(date -> list(date, null, Integer.MAX_VALUE).stream().filter(alert -> alert.id() == id).findFirst())
                .orElseThrow(() -> new InputError("alert " + id + ": no such alert (see settle alerts)"));
    }

    /** What was done with the alert, in order. */
    public List<Event> history(long id) {
        return jdbc.query("SELECT action, from_status, to_status, operator, at, comment FROM aml_alert_event WHERE alert_id = ?"
                + " ORDER BY id", (rs, row) -> new Event(rs.getString(1), Status.valueOf(rs.getString(2)),
                        Status.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toLocalDateTime(), rs.getString(6)), id);
    }

    /** Takes the alert into review as its analyst (or hands it to another analyst while in review). */
    @Transactional
    public Alert assign(long id, String operator, String reason) {
        return act(id, Action.ASSIGN, operator, reason);
    }

    @Transactional
    public Alert comment(long id, String operator, String text) {
        return act(id, Action.COMMENT, operator, text);
    }

    /** Closes the alert as a false positive; refused while a payment of it is held (the hold is released first, by two). */
    @Transactional
    public Alert close(long id, String operator, String reason) {
        return act(id, Action.CLOSE, operator, reason);
    }

    /** Escalates the alert: a suspicion to report (goAML). */
    @Transactional
    public Alert escalate(long id, String operator, String reason) {
        return act(id, Action.ESCALATE, operator, reason);
    }

    private Alert act(long id, Action action, String operator, String reason) {
        if (operator == null || operator.isBlank()) {
            throw new InputError("alert " + id + ": who acts must be named (--operator)");
        }
        if (reason == null || reason.isBlank()) {
            throw new InputError("alert " + id + ": a reason is required (--reason)");
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT status, business_date, subject FROM aml_alert WHERE id = ?"
                + " FOR UPDATE", id);
        if (rows.isEmpty()) {
            throw new InputError("alert " + id + ": no such alert (see settle alerts)");
        }
        Status from = Status.valueOf((String) rows.get(0).get("status"));
        Status to = AlertWorkflow.next(from, action).orElseThrow(() -> new InputError("alert " + id + " is "
                + from + ": it cannot be " + AlertWorkflow.pastTense(action) + " (" + AlertWorkflow.allowed(from) + ")"));
        if (action == Action.CLOSE && jdbc.queryForObject("SELECT COUNT(*) FROM payment_hold WHERE alert_id = ?"
                + " AND released_on IS NULL", Integer.class, id) > 0) {
            throw new InputError("alert " + id + " holds a payment: release the hold first (settle alerts release-hold " + id
                    + ", approved by a second person), then close the alert");
        }
        jdbc.update("UPDATE aml_alert SET status = ?" + (action == Action.ASSIGN ? ", analyst = ?" : "") + " WHERE id = ?",
                action == Action.ASSIGN ? new Object[] {to.name(), operator.trim(), id} : new Object[] {to.name(), id});
        jdbc.update("INSERT INTO aml_alert_event (alert_id, action, from_status, to_status, operator, role, comment)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, action.name(), from.name(), to.name(), operator.trim(),
                se.clientfunds.operations.Actor.current().roles(), reason.trim());
        LocalDate date = ((java.sql.Date) rows.get(0).get("business_date")).toLocalDate();
        OperatorActions.record(jdbc, new OperatorActions.Entry(operator, action.code(), "alert " + id + " ("
                + rows.get(0).get("subject") + ")", reason, date, null, from == to ? null : from + " -> " + to));
        return get(id);
    }

    /** The workflow's moves, as a plain rule. */
    static final class AlertWorkflow {

        private AlertWorkflow() {
        }

        static java.util.Optional<Status> next(Status from, Action action) {
            Status to = switch (action) {
                case ASSIGN -> from == Status.NEW || from == Status.IN_REVIEW ? Status.IN_REVIEW : null;
                case COMMENT -> from;
                case CLOSE -> from == Status.NEW || from == Status.IN_REVIEW ? Status.CLOSED_FALSE_POSITIVE : null;
                case ESCALATE -> from == Status.NEW || from == Status.IN_REVIEW ? Status.ESCALATED : null;
            };
            return java.util.Optional.ofNullable(to);
        }

        static String pastTense(Action action) {
            return switch (action) {
                case ASSIGN -> "assigned";
                case COMMENT -> "commented";
                case CLOSE -> "closed";
                case ESCALATE -> "escalated";
            };
        }

        static String allowed(Status from) {
            List<String> moves = new ArrayList<>();
            for (Action action : Action.values()) {
                if (action != Action.COMMENT && next(from, action).isPresent()) {
                    moves.add(action.name().toLowerCase(Locale.ROOT));
                }
            }
            return moves.isEmpty() ? "it can only be commented" : "it can be: " + String.join(", ", moves) + " or commented";
        }
    }
}
