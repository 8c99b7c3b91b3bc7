package se.clientfunds.report.positions;

import java.time.LocalDate;
import java.util.Objects;

import se.clientfunds.report.Amount;

/** One posting line of the day: which event posted how much to which account on which side. */
public record MovementLine(LocalDate bookingDate, String eventType, String reference, String account, Side side,
        Amount amount) {

    public MovementLine {
        Objects.requireNonNull(bookingDate, "bookingDate of " + reference + " is null");
        Objects.requireNonNull(eventType, "eventType of " + reference + " is null");
        Objects.requireNonNull(reference, "reference is null");
        Objects.requireNonNull(account, "account of " + reference + " is null");
        Objects.requireNonNull(side, "side of " + reference + " is null");
        Objects.requireNonNull(amount, "amount of " + reference + " is null");
        if (eventType.isBlank()) {
            throw new IllegalArgumentException("eventType of " + reference + " is blank");
        }
        if (account.isBlank()) {
            throw new IllegalArgumentException("account of " + reference + " is blank");
        }
        if (amount.minor() <= 0) {
            throw new IllegalArgumentException("amount " + amount + " of " + reference + " is not positive");
        }
    }
}
