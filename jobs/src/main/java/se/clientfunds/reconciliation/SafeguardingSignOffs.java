package se.clientfunds.reconciliation;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import se.clientfunds.files.Sha256;
import se.clientfunds.jobs.ColumnText;
import se.clientfunds.ledger.OpenBusinessDay;
import se.clientfunds.operations.Actor;
import se.clientfunds.operations.OperationRefused;
import se.clientfunds.operations.OperatorActions;
import se.clientfunds.jobs.RecordedTimes;
import se.clientfunds.outcome.InputError;

/**
 * The safeguarding statement's sign-offs: one FINANCE user says they prepared a day's statement in a currency, a
 * different FINANCE user that they reviewed it. Each signs the figures as they stand (their hash is kept): a review of
 * figures that changed after they were prepared is refused. Recorded as operator actions of the open business day, so
 * the audit trail and that day's audit.pdf list them.
 */
@Repository
public class SafeguardingSignOffs {

    /** The role a sign-off needs. */
    public static final String ROLE = "FINANCE";

    /** Which sign-off. */
    public enum Kind { PREPARED, REVIEWED }

    /**
     * One sign-off as recorded; {@code current} is false when the day's figures changed after it was given (the day
     * was reconciled again to other figures): it no longer signs what the statement now says.
     */
    public record SignOff(LocalDate day, String currency, Kind kind, String operator, String role, ZonedDateTime at,
                          String statementSha256, String reason, boolean current) {
    }

    private final JdbcTemplate jdbc;
    private final OpenBusinessDay openBusinessDay;
    private final Clock clock;

    public SafeguardingSignOffs(JdbcTemplate jdbc, OpenBusinessDay openBusinessDay, Clock clock) {
        this.jdbc = jdbc;
        this.openBusinessDay = openBusinessDay;
        this.clock = clock;
    }

    /**
     * Signs the day's statement in the currency (left out when the day has one) as prepared or reviewed; {@code seen},
     * when given, is the figures' SHA-256 the signer was shown, and the sign-off is refused if they have changed since.
     */
    @Transactional
    public SignOff sign(LocalDate day, String currency, Kind kind, String operator, String reason, String seen) {
        if (kind == null) {
            throw new InputError("say which sign-off: PREPARED or REVIEWED");
        }
        if (reason == null || reason.isBlank()) {
            throw new InputError("a sign-off is given with a reason or remark (reason)");
        }
        String roles = Actor.current().roles();
        if (!Actor.current().hasRole(ROLE)) {
            throw new OperationRefused("the safeguarding statement is signed off by a " + ROLE + " user in the console or the API;"
                    + " " + operator + " acts " + (roles == null ? "without a role (" + Actor.current().channel() + ")" : "as " + roles));
        }
        Map<String, String> hashes = figures(day);
        if (hashes.isEmpty()) {
            throw new InputError("business day " + day + " has not been reconciled: there is no safeguarding statement to sign");
        }
        List<String> currencies = List.copyOf(hashes.keySet());
        String chosen = currency == null || currency.isBlank() ? null : currency.trim().toUpperCase(Locale.ROOT);
        if (chosen == null) {
            if (currencies.size() > 1) {
                throw new InputError(day + " has safeguarding statements in " + String.join(", ", currencies) + ": say which currency");
            }
            chosen = currencies.get(0);
        } else if (!currencies.contains(chosen)) {
            throw new InputError(day + " has no safeguarding statement in " + chosen + " (it has " + String.join(", ", currencies) + ")");
        }
        String which = chosen;
        String sha256 = hashes.get(which);
        if (seen != null && !seen.isBlank() && !seen.trim().equalsIgnoreCase(sha256)) {
            throw new OperationRefused("the safeguarding figures of " + day + " in " + which + " changed after you were shown them"
                    + " (the day was reconciled again): look at them again before signing");
        }
        // one sign-off of a statement at a time (two users preparing at once would each think theirs stands)
        jdbc.queryForList("SELECT id FROM safeguarding_signoff WHERE business_date = ? AND currency = ? FOR UPDATE", Long.class,
                Date.valueOf(day), which);
        List<SignOff> earlier = of(day, hashes).stream().filter(s -> s.currency().equals(which)).toList();
        SignOff prepared = earlier.stream().filter(s -> s.kind() == Kind.PREPARED).findFirst().orElse(null);
        SignOff reviewed = earlier.stream().filter(s -> s.kind() == Kind.REVIEWED).findFirst().orElse(null);
        String statement = "the safeguarding statement of " + day + " in " + which;
        if (reviewed != null && (reviewed.current() || kind == Kind.REVIEWED)) {
            throw new OperationRefused(statement + " is signed off already: prepared by " + prepared.operator() + ", reviewed by "
                    + reviewed.operator() + (reviewed.current() ? "" : "; its figures changed since, so it is prepared again first"));
        }
        if (reviewed != null) {
            // the figures changed after both signed: preparing them starts a new round (the earlier sign-offs stay in the
            // operator actions, with the figures' hash they signed)
            jdbc.update("DELETE FROM safeguarding_signoff WHERE business_date = ? AND currency = ?", Date.valueOf(day), which);
            prepared = null;
        }
        if (kind == Kind.PREPARED && prepared != null && prepared.current()) {
            throw new OperationRefused(statement + " is signed as prepared already (by " + prepared.operator() + ")");
        }
        if (kind == Kind.REVIEWED) {
            if (prepared == null) {
                throw new OperationRefused(statement + " is reviewed after it was prepared: nobody has signed it as prepared yet");
            }
            if (prepared.operator().equalsIgnoreCase(operator.trim())) {
                throw new OperationRefused(operator + " prepared " + statement + ": a different person reviews it (four eyes)");
            }
            if (!prepared.current()) {
                throw new OperationRefused("the safeguarding figures of " + day + " in " + which + " changed after "
                        + prepared.operator() + " prepared them (the day was reconciled again): they are prepared again first");
            }
        }
        String subject = "safeguarding statement of " + day + " in " + which + " " + kind.name().toLowerCase(Locale.ROOT);
        long action = OperatorActions.record(jdbc, new OperatorActions.Entry(operator, "SIGN_OFF_" + kind.name(), subject, reason,
                openBusinessDay.current().date(), null, kind.name() + ", figures " + sha256.substring(0, 12)));
        if (kind == Kind.PREPARED && prepared != null) {
            // prepared again after the figures changed: the sign-off now signs the new figures (the earlier one stays in the
            // operator actions)
            jdbc.update("UPDATE safeguarding_signoff SET operator = ?, role = ?, signed_at = CURRENT_TIMESTAMP(6), statement_sha256 = ?,"
                    + " reason = ?, operator_action_id = ? WHERE business_date = ? AND currency = ? AND signoff = 'PREPARED'",
                    ColumnText.fit(operator.trim(), 100), roles, sha256, ColumnText.fit(reason.trim(), 1000), action,
                    Date.valueOf(day), which);
        } else {
            try {
                jdbc.update("INSERT INTO safeguarding_signoff (business_date, currency, signoff, operator, role, statement_sha256,"
                        + " reason, operator_action_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Date.valueOf(day), which, kind.name(),
                        ColumnText.fit(operator.trim(), 100), roles, sha256, ColumnText.fit(reason.trim(), 1000), action);
            } catch (DuplicateKeyException e) {
                // another user signed it in the meantime
                throw new OperationRefused(statement + " was signed as " + kind.name().toLowerCase(Locale.ROOT) + " meanwhile");
            }
        }
        return of(day, hashes).stream().filter(s -> s.currency().equals(which) && s.kind() == kind).findFirst().orElseThrow();
    }

    /** The day's sign-offs, by currency, prepared before reviewed, each saying whether it signs the figures as they are now. */
    public List<SignOff> of(LocalDate day) {
        return of(day, figures(day));
    }

    /** The day's sign-offs, compared with the figures' hashes {@code now}. */
    private List<SignOff> of(LocalDate day, Map<String, String> now) {
        return jdbc.query("SELECT business_date, currency, signoff, operator, role, signed_at, statement_sha256, reason"
                + " FROM safeguarding_signoff WHERE business_date = ? ORDER BY currency, signoff", (rs, n) -> new SignOff(
                rs.getDate(1).toLocalDate(), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                RecordedTimes.in(rs.getTimestamp(6), clock.getZone()), rs.getString(7), rs.getString(8),
                rs.getString(7).equals(now.get(rs.getString(2)))), Date.valueOf(day));
    }

    /**
     * The SHA-256 of the day's safeguarding figures per currency, as its latest reconciliation run left them (the
     * figures only: a run again to the same figures signs the same statement); what a sign-off signs.
     */
    public Map<String, String> figures(LocalDate day) {
        Map<String, String> hashes = new java.util.TreeMap<>();
        jdbc.query("SELECT s.currency, s.requirement_minor, s.resource_minor, s.difference_minor, s.status, s.resource_complete"
                + " FROM safeguarding s WHERE s.business_date = ? AND s.run_no = (SELECT MAX(r.run_no) FROM reconciliation_run r"
                + " WHERE r.business_date = s.business_date) ORDER BY s.currency", rs -> {
                    hashes.put(rs.getString(1), Sha256.ofText(day + "|" + rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getLong(3)
                            + "|" + rs.getLong(4) + "|" + rs.getString(5) + "|" + rs.getInt(6)));
                }, Date.valueOf(day));
        return hashes;
    }
}
