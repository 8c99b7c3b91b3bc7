package se.clientfunds.report.positions;

import java.time.LocalDate;
import java.util.Objects;

/** A received payment still (partly) in UNALLOCATED at the close, with why it could not be matched and who paid. */
public record UnallocatedLine(String paymentReference, LocalDate bookingDate, Amount amount, Amount unallocated,
        String reason, String debtor) {

    public UnallocatedLine {
        Objects.requireNonNull(paymentReference, "paymentReference is null");
        Objects.requireNonNull(bookingDate, "bookingDate of " + paymentReference + " is null");
        Objects.requireNonNull(amount, "amount of " + paymentReference + " is null");
        Objects.requireNonNull(reason, "reason of " + paymentReference + " is null");
        Objects.requireNonNull(debtor, "debtor of " + paymentReference + " is null");
        PositionLine.requireCurrency("unallocated", unallocated, paymentReference, amount.currency());
        if (unallocated.minor() <= 0 || unallocated.minor() > amount.minor()) {
            throw new IllegalArgumentException("unallocated " + unallocated + " of " + paymentReference
                    + " is not between 0 (exclusive) and the amount " + amount);
        }
    }
}
