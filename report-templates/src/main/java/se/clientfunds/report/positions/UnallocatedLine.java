package se.clientfunds.report.positions;

import java.time.LocalDate;
import java.util.Objects;

import se.clientfunds.report.Amount;

/**
 * A received payment still (partly) in UNALLOCATED at the close, with why it could not be matched, who paid and how
 * long it has waited.
 *
 * @param reasonCode   why, as a code the report words in its language: INVALID_OCR, UNKNOWN_OCR, AMBIGUOUS_OCR,
 *                     CURRENCY_MISMATCH, NO_REFERENCE, MANUAL (what an operator left), or OTHER
 * @param reason       the details as the allocation recorded them (references, invoices), printed as they are
 * @param payerReference the references the payer gave, as the bank passed them on; empty when none
 * @param ageBankingDays banking days since the bank booked it
 */
public record UnallocatedLine(String paymentReference, LocalDate bookingDate, Amount amount, Amount unallocated,
        String reasonCode, String reason, String debtor, String payerReference, int ageBankingDays) {

    /** A line without a reason code, payer reference or age, for older callers. */
    public UnallocatedLine(String paymentReference, LocalDate bookingDate, Amount amount, Amount unallocated, String reason,
                           String debtor) {
        this(paymentReference, bookingDate, amount, unallocated, "OTHER", reason, debtor, "", 0);
    }

    public UnallocatedLine {
        Objects.requireNonNull(paymentReference, "paymentReference is null");
        Objects.requireNonNull(bookingDate, "bookingDate of " + paymentReference + " is null");
        Objects.requireNonNull(amount, "amount of " + paymentReference + " is null");
        Objects.requireNonNull(reason, "reason of " + paymentReference + " is null");
        Objects.requireNonNull(debtor, "debtor of " + paymentReference + " is null");
        Objects.requireNonNull(reasonCode, "reasonCode of " + paymentReference + " is null");
        payerReference = payerReference == null ? "" : payerReference;
        if (ageBankingDays < 0) {
            throw new IllegalArgumentException("age " + ageBankingDays + " of " + paymentReference + " is negative");
        }
        PositionLine.requireCurrency("unallocated", unallocated, paymentReference, amount.currency());
        if (unallocated.minor() <= 0 || unallocated.minor() > amount.minor()) {
            throw new IllegalArgumentException("unallocated " + unallocated + " of " + paymentReference
                    + " is not between 0 (exclusive) and the amount " + amount);
        }
    }
}
