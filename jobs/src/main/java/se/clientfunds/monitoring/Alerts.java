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
    private final se.clientfunds.ledger.OpenBusinessDay openBusinessDay;

    public Alerts(JdbcTemplate jdbc, se.clientfunds.ledger.OpenBusinessDay openBusinessDay) {
        this.jdbc = jdbc;
        this.openBusinessDay = openBusinessDay;
    }

    /** Alerts of a business date (null: every date), with a status (null: any), newest first; at most {@code limit}. */
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
        return query(where + " ORDER BY a.business_date DESC, a.id DESC LIMIT ?", arguments.toArray());
    }

    private List<Alert> query(String whereAndOrder, Object... arguments) {
        return jdbc.query("SELECT a.id, a.rule, a.severity, a.business_date, a.subject_kind, a.subject, a.amount_minor, a.currency,"
                + " a.explanation, a.status, a.analyst,"
                + " (SELECT GROUP_CONCAT(CONCAT(p.account_iban, '/', p.bank_reference) ORDER BY p.account_iban, p.bank_reference"
                // (a bank reference may hold a space: one payment a line)
                + "   SEPARATOR '\n') FROM aml_alert_payment p WHERE p.alert_id = a.id) AS payments,"
                + " EXISTS (SELECT 1 FROM payment_hold h WHERE h.alert_id = a.id AND h.released_on IS NULL) AS held"
                + " FROM aml_alert a" + whereAndOrder, (rs, row) -> new Alert(rs.getLong(1),
                        AlertRule.valueOf(rs.getString(2)), NewAlert.Severity.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(),
                        NewAlert.SubjectKind.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(8) == null ? null : Money.ofMinor(rs.getLong(7), rs.getString(8)),
                        rs.getString(12) == null ? List.of() : List.of(rs.getString(12).split("\n")), rs.getString(9),
                        Status.valueOf(rs.getString(10)), rs.getString(11), rs.getBoolean(13)), arguments);
    }

    /**
     * The alerts a day's reports show, as they stood at a point of their history: those raised on {@code day} and those
     * of earlier days still open (NEW, IN_REVIEW, ESCALATED), among the first {@code alertUpto} alerts, each with the
     * status and analyst its history up to event {@code eventUpto} gives (an alert without an event is NEW), and held
     * when a payment of it was held at the end of the day; by id. So a version of the day's reports renders the same
     * whatever analysts did since.
     */
    public List<Alert> standingAt(LocalDate day, long alertUpto, long eventUpto) {
        Date date = Date.valueOf(day);
        return jdbc.query("SELECT * FROM (SELECT a.id, a.rule, a.severity, a.business_date, a.subject_kind, a.subject, a.amount_minor,"
                + " a.currency, a.explanation,"
                + " COALESCE((SELECT e.to_status FROM aml_alert_event e WHERE e.alert_id = a.id AND e.id <= ? ORDER BY e.id DESC"
                + "   LIMIT 1), 'NEW') AS standing,"
                + " (SELECT e.operator FROM aml_alert_event e WHERE e.alert_id = a.id AND e.action = 'ASSIGN' AND e.id <= ?"
                + "   ORDER BY e.id DESC LIMIT 1) AS analyst,"
                // a new line between payments: a bank reference may hold a space
                + " (SELECT GROUP_CONCAT(CONCAT(p.account_iban, '/', p.bank_reference) ORDER BY p.account_iban, p.bank_reference"
                + "   SEPARATOR '\n') FROM aml_alert_payment p WHERE p.alert_id = a.id) AS payments,"
                + " EXISTS (SELECT 1 FROM payment_hold h WHERE h.alert_id = a.id AND h.held_on <= ?"
                + "   AND (h.released_on IS NULL OR h.released_on > ?)) AS held"
                + " FROM aml_alert a WHERE a.id <= ? AND a.business_date <= ?) s"
                + " WHERE s.business_date = ? OR s.standing IN ('NEW', 'IN_REVIEW', 'ESCALATED') ORDER BY s.id",
                (rs, row) -> new Alert(rs.getLong(1), AlertRule.valueOf(rs.getString(2)), NewAlert.Severity.valueOf(rs.getString(3)),
                        rs.getDate(4).toLocalDate(), NewAlert.SubjectKind.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(8) == null ? null : Money.ofMinor(rs.getLong(7), rs.getString(8)),
                        rs.getString(12) == null ? List.of() : List.of(rs.getString(12).split("\n")), rs.getString(9),
                        Status.valueOf(rs.getString(10)), rs.getString(11), rs.getBoolean(13)),
                eventUpto, eventUpto, date, date, alertUpto, date, date);
    }

    /** One alert, or an input error naming the id. */
    public Alert get(long id) {
        return query(" WHERE a.id = ?", id).stream().findFirst()
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
                action == Action.ASSIGN ? new Object[] {to.name(), fit(operator.trim(), 100), id} : new Object[] {to.name(), id});
        jdbc.update("INSERT INTO aml_alert_event (alert_id, action, from_status, to_status, operator, role, comment)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, action.name(), from.name(), to.name(), fit(operator.trim(), 100),
                se.clientfunds.operations.Actor.current().roles(), fit(reason.trim(), 2000));
        LocalDate date = ((java.sql.Date) rows.get(0).get("business_date")).toLocalDate();
        OperatorActions.record(jdbc, new OperatorActions.Entry(operator, action.code(), auditSubject(id), IN_HISTORY, date, null,
                from == to ? null : from + " -> " + to));
        return get(id);
    }

    /** What a release-hold request did: proposed it (waiting for a second person), or released the payments. */
    public record Release(Alert alert, boolean released, String proposedBy, List<String> payments) {
    }

    /**
     * Releases the payments the alert holds, with two people, both logged in (the API or the console; on the command line
     * anyone can give any name, so it is refused there): the first request proposes the release; a request by a
     * different person releases them, for the open business day's allocation.
     */
    @Transactional
    public Release releaseHold(long id, String operator, String reason) {
        if (operator == null || operator.isBlank()) {
            throw new InputError("alert " + id + ": who acts must be named (--operator)");
        }
        if (reason == null || reason.isBlank()) {
            throw new InputError("alert " + id + ": a reason is required (--reason)");
        }
        if (!se.clientfunds.operations.Actor.current().loggedIn()) {
            // on the command line anyone can give any name: both people are known by their logins, or it is not four eyes
            throw new InputError("alert " + id + ": releasing a held payment is proposed and approved by two logged-in compliance"
                    + " analysts (API: POST /api/v1/alerts/" + id + "/release-hold, or the console's Alerts page), not on the"
                    + " command line, where anyone can give any name");
        }
        List<Map<String, Object>> alert = jdbc.queryForList("SELECT subject FROM aml_alert WHERE id = ? FOR UPDATE", id);
        if (alert.isEmpty()) {
            throw new InputError("alert " + id + ": no such alert (see settle alerts)");
        }
        List<Map<String, Object>> holds = jdbc.queryForList("SELECT account_iban, bank_reference, release_proposed_by,"
                + " release_proposal FROM payment_hold WHERE alert_id = ? AND released_on IS NULL ORDER BY account_iban,"
                + " bank_reference FOR UPDATE", id);
        if (holds.isEmpty()) {
            throw new InputError("alert " + id + " holds no payment (see settle alerts show " + id + ")");
        }
        List<String> payments = holds.stream().map(hold -> hold.get("account_iban") + "/" + hold.get("bank_reference")).toList();
        String proposer = (String) holds.get(0).get("release_proposed_by");
        String subject = auditSubject(id);
        if (proposer == null) {
            jdbc.update("UPDATE payment_hold SET release_proposed_by = ?, release_proposed_at = CURRENT_TIMESTAMP(6),"
                    + " release_proposal = ? WHERE alert_id = ? AND released_on IS NULL", fit(operator.trim(), 100),
                    fit(reason.trim(), 1000), id);
            event(id, "PROPOSE_RELEASE", operator, reason);
            OperatorActions.record(jdbc, new OperatorActions.Entry(operator, "HOLD_RELEASE_PROPOSED", subject, IN_HISTORY,
                    openBusinessDay.current().date(), null, "waits for a second person"));
            return new Release(get(id), false, operator.trim(), payments);
        }
        if (proposer.trim().toLowerCase(Locale.ROOT).equals(operator.trim().toLowerCase(Locale.ROOT))) {
            throw new InputError("alert " + id + ": " + operator.trim() + " proposed this release; a second person releases it"
                    + " (four eyes)");
        }
        LocalDate day = openBusinessDay.current().date();
        jdbc.update("UPDATE payment_hold SET released_on = ?, released_by = release_proposed_by, approved_by = ?,"
                + " release_reason = ? WHERE alert_id = ? AND released_on IS NULL", Date.valueOf(day), fit(operator.trim(), 100),
                fit(reason.trim(), 1000), id);
        event(id, "RELEASE_HOLD", operator, reason);
        OperatorActions.record(jdbc, new OperatorActions.Entry(operator, "HOLD_RELEASED", subject, IN_HISTORY, day, null,
                "released " + payments.size() + " payment" + (payments.size() == 1 ? "" : "s") + " for allocation from " + day
                        + ", proposed by " + proposer));
        return new Release(get(id), true, proposer, payments);
    }

    private void event(long id, String action, String operator, String comment) {
        String status = jdbc.queryForObject("SELECT status FROM aml_alert WHERE id = ?", String.class, id);
        jdbc.update("INSERT INTO aml_alert_event (alert_id, action, from_status, to_status, operator, role, comment)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, action, status, status, fit(operator.trim(), 100),
                se.clientfunds.operations.Actor.current().roles(), fit(comment.trim(), 2000));
    }

    /**
     * What the general audit trail (READ: operators, finance) says of an alert's action: the alert's number, not whom it
     * suspects, and not the analyst's words, which stay in the alert's history for those who may read alerts (no
     * tipping-off through the audit trail or audit.pdf).
     */
    static String auditSubject(long id) {
        return "alert " + id;
    }

    /** The reason the general audit trail records for an alert's action. */
    static final String IN_HISTORY = "recorded in the alert's history (READ_ALERTS)";

    private static String fit(String text, int length) {
        return se.clientfunds.jobs.ColumnText.fit(text, length);
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
