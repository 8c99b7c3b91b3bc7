package se.clientfunds.bankfiles;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A payment the bank booked on a day our books have closed is not refused (the money is on the account): it posts on
 * the business date instead, as a correction would (DESIGN §2.3), and the import says how many did. The bank's own
 * date stays in the staging for reconciliation.
 */
final class LateBookingRule {

    private final LocalDate businessDate;
    private final LocalDate lastClosed;

    /** @param lastClosed the last closed business day, or null when none is closed */
    LateBookingRule(LocalDate businessDate, LocalDate lastClosed) {
        this.businessDate = businessDate;
        this.lastClosed = lastClosed;
    }

    /** The last closed business day: a payment the bank booked on or before it is late. */
    Optional<LocalDate> lastClosed() {
        return Optional.ofNullable(lastClosed);
    }

    /** Whether the bank booked the payment on or before a closed business day; a payment with no date is not late. */
    boolean isLate(LocalDate bookedByBank) {
        return lastClosed != null && bookedByBank != null && !bookedByBank.isAfter(lastClosed);
    }

    /** The day the payment posts on: the bank's booking date, or the business date when it has none or is late. */
    LocalDate postingDate(LocalDate bookedByBank) {
        return bookedByBank == null || isLate(bookedByBank) ? businessDate : bookedByBank;
    }

    /** What the import says about its late payments, if it has any. */
    Optional<String> note(long latePayments) {
        if (lastClosed == null || latePayments == 0) {
            return Optional.empty();
        }
        return Optional.of(latePayments + " payment" + (latePayments == 1 ? "" : "s") + " booked by the bank on or before "
                + lastClosed + ", a closed business day: posted on the business date instead");
    }
}
