package se.clientfunds.report.pdf;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import se.clientfunds.report.Amount;

/**
 * What was done about a day's safeguarding shortfall or excess, recorded by an operator with why.
 *
 * @param day the business day whose position the action is about
 * @param at  when it was recorded, with its offset from UTC
 */
public record SafeguardingAction(LocalDate day, Type type, Amount amount, String operator, OffsetDateTime at, String reason) {

    /** The kinds of action. */
    public enum Type {
        /** The firm paid money into the client-funds account to cover a shortfall. */
        TOP_UP,
        /** The firm took an excess (its own money) out of the client-funds account. */
        WITHDRAW_EXCESS,
        /** Anything else, said in the reason. */
        OTHER
    }

    public SafeguardingAction {
        if (day == null || type == null || amount == null || at == null) {
            throw new IllegalArgumentException("a safeguarding action needs its day, type, amount and time, got " + day + " " + type
                    + " " + amount + " " + at);
        }
        if (amount.minor() < 0) {
            throw new IllegalArgumentException("amount " + amount + " of a " + type + " on " + day + " is negative");
        }
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("operator of a " + type + " on " + day + " is blank");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason of a " + type + " on " + day + " is blank");
        }
    }
}
