package se.clientfunds.report.positions;

import java.time.LocalDate;
import java.util.Objects;

import se.clientfunds.report.Amount;

/**
 * Money held in DEBTOR_CREDIT for one payment at the close: the part of an overpayment or a duplicate payment owed back
 * to its payer and not refunded yet, with who paid, the reference they gave and how long it has been held.
 *
 * @param outcome        OVERPAID or DUPLICATE, as the allocation recorded it
 * @param ageBankingDays banking days since the bank booked the payment
 */
public record DebtorCreditLine(String paymentReference, LocalDate bookingDate, String payer, String payerReference,
                               Amount held, String outcome, int ageBankingDays) {

    public DebtorCreditLine {
        Objects.requireNonNull(paymentReference, "paymentReference is null");
        Objects.requireNonNull(bookingDate, "bookingDate of " + paymentReference + " is null");
        Objects.requireNonNull(held, "held of " + paymentReference + " is null");
        payer = payer == null ? "" : payer;
        payerReference = payerReference == null ? "" : payerReference;
        outcome = outcome == null ? "" : outcome;
        if (held.minor() <= 0) {
            throw new IllegalArgumentException("held " + held + " of " + paymentReference + " is not positive");
        }
        if (ageBankingDays < 0) {
            throw new IllegalArgumentException("age " + ageBankingDays + " of " + paymentReference + " is negative");
        }
    }
}
