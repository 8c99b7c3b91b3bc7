package se.clientfunds.approvals;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import se.clientfunds.jobs.ColumnText;
import se.clientfunds.money.Money;
import se.clientfunds.operations.Actor;
import se.clientfunds.operations.NotFound;
import se.clientfunds.operations.OperationRefused;
import se.clientfunds.operations.OperatorActions;
import se.clientfunds.jobs.RecordedTimes;
import se.clientfunds.settings.SettlementProperties;

/**
 * The proposals waiting for a second person, and those decided: written in the transaction of the action proposed, so a
 * proposal exists exactly when its action was asked for and not done.
 */
@Repository
public class ApprovalRequests {

    /** What is proposed. */
    public enum Kind { RESOLVE_BREAK, ALLOCATE }

    /** Where a proposal stands: waiting, approved (and done), rejected by another, or withdrawn by its author. */
    public enum Status { PROPOSED, APPROVED, REJECTED, WITHDRAWN }

    /** One proposal; the decision's fields are null while it waits. */
    public record Request(long id, Kind kind, Long breakId, String payment, String invoiceId, String clientId, Money fee,
                          Money amount, String subject,
                          String proposedBy, String proposedRole, ZonedDateTime proposedAt, String reason, Status status,
                          String decidedBy, String decidedRole, ZonedDateTime decidedAt, String decisionReason) {
    }

    private static final String COLUMNS = "id, kind, break_id, payment, invoice_id, amount_minor, currency, subject, proposed_by,"
            + " proposed_role, proposed_at, reason, status, decided_by, decided_role, decided_at, decision_reason, client_id, fee_minor";

    private final JdbcTemplate jdbc;
    private final SettlementProperties.Approvals thresholds;
    private final Clock clock;
    private final se.clientfunds.ledger.OpenBusinessDay openBusinessDay;

    public ApprovalRequests(JdbcTemplate jdbc, SettlementProperties settings, Clock clock,
                            se.clientfunds.ledger.OpenBusinessDay openBusinessDay) {
        this.jdbc = jdbc;
        this.openBusinessDay = openBusinessDay;
        this.thresholds = settings.approvals();
        this.clock = clock;
    }

    /** The configured amount {@code amount} is above, when an action of this kind and amount needs a second person. */
    public Optional<Money> limitExceeded(Kind kind, Money amount) {
        return thresholds.above(kind == Kind.RESOLVE_BREAK, amount.currency().getCurrencyCode())
                .filter(limit -> amount.compareTo(limit) > 0);
    }

    /**
     * Records a proposal (and the operator action saying so) in the caller's transaction. Refused while another proposal
     * for the same subject waits.
     */
    public Request propose(Kind kind, Long breakId, String payment, String invoiceId, String clientId, Money fee, Money amount,
                           Money limit, String subject, String operator, String reason) {
        if (!Actor.current().loggedIn()) {
            // the command line's person is whatever --operator says: four eyes need both people known by a login
            throw new OperationRefused(subject + ": " + amount + " is above " + limit + ", so a second person approves it; propose"
                    + " it in the console or the API, where who proposes and who approves are known by their logins");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(connection -> {
                PreparedStatement insert = connection.prepareStatement("INSERT INTO approval_request (kind, break_id, payment,"
                        + " invoice_id, amount_minor, currency, subject, proposed_by, proposed_role, reason, client_id, fee_minor)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                insert.setString(1, kind.name());
                if (breakId == null) {
                    insert.setNull(2, Types.BIGINT);
                } else {
                    insert.setLong(2, breakId);
                }
                insert.setString(3, payment);
                insert.setString(4, invoiceId);
                insert.setLong(5, amount.minorUnits());
                insert.setString(6, amount.currency().getCurrencyCode());
                insert.setString(7, ColumnText.fit(subject, 200));
                insert.setString(8, ColumnText.fit(operator.trim(), 100));
                insert.setString(9, Actor.current().roles());
                insert.setString(10, ColumnText.fit(reason.trim(), 1000));
                insert.setString(11, clientId);
                if (fee == null) {
                    insert.setNull(12, Types.BIGINT);
                } else {
                    insert.setLong(12, fee.minorUnits());
                }
                return insert;
            }, key);
        } catch (DuplicateKeyException e) {
            Request waiting = jdbc.query("SELECT " + COLUMNS + " FROM approval_request WHERE status = 'PROPOSED' AND kind = ?"
                    + " AND (break_id <=> ?) AND (payment <=> ?) AND (invoice_id <=> ?)", this::request, kind.name(), breakId,
                    payment, invoiceId).stream().findFirst().orElse(null);
            throw new OperationRefused(subject + " is proposed already" + (waiting == null ? "" : " as approval " + waiting.id()
                    + " by " + waiting.proposedBy()) + ": it waits for a second person to approve or reject it");
        }
        long id = key.getKey().longValue();
        OperatorActions.record(jdbc, new OperatorActions.Entry(operator, "PROPOSE_" + kind.name(), "approval " + id + ": "
                + subject, reason, actionDay(), null, "PROPOSED: " + amount + " is above " + limit + ", a second person approves"));
        return get(id);
    }

    /** The business day a proposal or decision is recorded for: the open one, whose audit.pdf lists it. */
    private java.time.LocalDate actionDay() {
        return openBusinessDay.current().date();
    }

    /** A proposal, as it stands. */
    public Request get(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM approval_request WHERE id = ?", this::request, id).stream().findFirst()
                .orElseThrow(() -> new NotFound("approval " + id + ": no such proposal (see settle approvals)"));
    }

    /** A proposal, locked for deciding it in the caller's transaction. */
    Request lock(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM approval_request WHERE id = ? FOR UPDATE", this::request, id).stream()
                .findFirst().orElseThrow(() -> new NotFound("approval " + id + ": no such proposal (see settle approvals)"));
    }

    /** The proposals in a status (all when null), newest first, at most {@code limit}. */
    public List<Request> list(Status status, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM approval_request WHERE (? IS NULL OR status = ?) ORDER BY id DESC LIMIT ?",
                this::request, status == null ? null : status.name(), status == null ? null : status.name(), limit);
    }

    /** Records a decision on a waiting proposal, and the operator action {@code action} saying so, in the caller's transaction. */
    void decide(Request request, Status status, String who, String reason, String action, String outcome) {
        jdbc.update("UPDATE approval_request SET status = ?, decided_by = ?, decided_role = ?, decided_at = CURRENT_TIMESTAMP(6),"
                + " decision_reason = ? WHERE id = ? AND status = 'PROPOSED'", status.name(), ColumnText.fit(who.trim(), 100),
                Actor.current().roles(), ColumnText.fit(reason.trim(), 1000), request.id());
        OperatorActions.record(jdbc, new OperatorActions.Entry(who, action, "approval " + request.id() + ": " + request.subject(),
                reason, actionDay(), null, outcome));
    }

    private Request request(ResultSet rs, int row) throws SQLException {
        Long fee = rs.getObject(19, Long.class);
        return new Request(rs.getLong(1), Kind.valueOf(rs.getString(2)), (Long) rs.getObject(3, Long.class), rs.getString(4),
                rs.getString(5), rs.getString(18), fee == null ? null : Money.ofMinor(fee, rs.getString(7)),
                Money.ofMinor(rs.getLong(6), rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                RecordedTimes.in(rs.getTimestamp(11), clock.getZone()), rs.getString(12), Status.valueOf(rs.getString(13)),
                rs.getString(14), rs.getString(15), RecordedTimes.in(rs.getTimestamp(16), clock.getZone()), rs.getString(17));
    }
}
