package se.clientfunds.reconciliation;

import static se.clientfunds.jobs.ColumnText.fit;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import se.clientfunds.money.CurrencyCodes;
import se.clientfunds.money.Money;
import se.clientfunds.outcome.InputError;

/**
 * What was done about a day's safeguarding shortfall or excess (DESIGN §2.5): a top-up, a withdrawal of the firm's own
 * excess, or another action, with its amount, who and why. Recorded as an operator action of the day it is about.
 */
@Repository
public class SafeguardingActions {

    /** The kinds of action. */
    public enum Type { TOP_UP, WITHDRAW_EXCESS, OTHER }

    /** One recorded action. */
    public record Action(long id, LocalDate day, Type type, Money amount, String operator, OffsetDateTime at, String reason,
                         long operatorActionId) {
    }

    private final JdbcTemplate jdbc;

    public SafeguardingActions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an action about the day's position in one currency. The day must have been reconciled; the currency may be
     * left out when the day has only one; the amount is exact decimal text in the currency (positive, 0 only for OTHER).
     */
    @Transactional
    public Action record(LocalDate day, String currency, Type type, String amountText, String reason, String operator) {
        if (type == null) {
            throw new InputError("the action's type is missing (--type TOP_UP, WITHDRAW_EXCESS or OTHER)");
        }
        if (reason == null || reason.isBlank()) {
            throw new InputError("a safeguarding action is recorded with its reason (--reason TEXT)");
        }
        List<String> currencies = jdbc.queryForList("SELECT DISTINCT s.currency FROM safeguarding s JOIN reconciliation_run r"
                + " ON r.business_date = s.business_date AND r.run_no = s.run_no WHERE s.business_date = ? ORDER BY s.currency",
                String.class, Date.valueOf(day));
        if (currencies.isEmpty()) {
            throw new InputError("business day " + day + " has not been reconciled: there is no safeguarding position"
                    + " to act on (run-day " + day + ")");
        }
        String chosen = currency;
        if (chosen == null) {
            if (currencies.size() > 1) {
                throw new InputError(day + " has safeguarding positions in " + String.join(", ", currencies)
                        + ": say which with --currency");
            }
            chosen = currencies.get(0);
        } else if (!currencies.contains(chosen)) {
            throw new InputError(day + " has no safeguarding position in " + chosen + " (it has "
                    + String.join(", ", currencies) + ")");
        }
        Money amount;
        try {
            amount = Money.parse(amountText, CurrencyCodes.parse(chosen));
        } catch (IllegalArgumentException e) {
            throw new InputError(e.getMessage(), e);
        }
        if (amount.isNegative() || (amount.isZero() && type != Type.OTHER)) {
            throw new InputError("the amount of a " + type + " must be positive, is " + amount);
        }
        String subject = "safeguarding of " + day + " in " + chosen + ": " + type + " " + amount;
        String who = fit(operator, 100);
        long operatorAction = se.clientfunds.operations.OperatorActions.record(jdbc, new se.clientfunds.operations.OperatorActions.Entry(
                who, "SAFEGUARDING_ACTION", subject, reason, day, null, "RECORDED"));
        jdbc.update("INSERT INTO safeguarding_action (business_date, currency, action_type, amount_minor, operator, reason,"
                + " recorded_for, operator_action_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Date.valueOf(day), chosen, type.name(),
                amount.minorUnits(), who, fit(reason, 1000), Date.valueOf(day), operatorAction);
        return about(day, operatorAction).stream().filter(action -> action.operatorActionId() == operatorAction).findFirst()
                .orElseThrow();
    }

    /** The actions about the day recorded up to an operator action id, oldest first. */
    public List<Action> about(LocalDate day, long operatorActionUpto) {
        return jdbc.query("SELECT id, business_date, action_type, amount_minor, currency, operator, acted_at, reason,"
                + " operator_action_id FROM safeguarding_action WHERE business_date = ? AND operator_action_id <= ? ORDER BY id",
                (rs, row) -> new Action(rs.getLong(1), rs.getDate(2).toLocalDate(), Type.valueOf(rs.getString(3)),
                        Money.ofMinor(rs.getLong(4), rs.getString(5)), rs.getString(6),
                        se.clientfunds.jobs.RecordedTimes.withOffset(rs.getTimestamp(7)), rs.getString(8), rs.getLong(9)),
                Date.valueOf(day), operatorActionUpto);
    }

    /** Whether an action about the day was recorded after the operator action id given. */
    public boolean recordedAfter(LocalDate day, long operatorActionId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM safeguarding_action WHERE business_date = ? AND operator_action_id > ?",
                Integer.class, Date.valueOf(day), operatorActionId) > 0;
    }
}
