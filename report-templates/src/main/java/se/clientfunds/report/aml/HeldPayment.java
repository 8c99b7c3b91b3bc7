package se.clientfunds.report.aml;

import java.time.LocalDate;

import se.clientfunds.report.Amount;

/**
 * A payment a sanctions hit holds from allocation at the end of the business day: it stays in UNALLOCATED until two
 * people release it.
 *
 * @param heldOn the business day the screening held it
 * @param payer  the payer's name as the bank gave it, empty when it gave none
 * @param reason why it is held, as the screening recorded it
 */
public record HeldPayment(String accountIban, String bankReference, LocalDate bookingDate, Amount amount, LocalDate heldOn,
                          long alertId, String payer, String reason) {

    public HeldPayment {
        String of = "held payment " + accountIban + "/" + bankReference;
        if (accountIban == null || accountIban.isBlank() || bankReference == null || bankReference.isBlank()) {
            throw new IllegalArgumentException("accountIban or bankReference of " + of + " is blank");
        }
        if (bookingDate == null || amount == null || heldOn == null) {
            throw new IllegalArgumentException("bookingDate, amount or heldOn of " + of + " is missing: " + bookingDate + ", "
                    + amount + ", " + heldOn);
        }
        if (alertId <= 0) {
            throw new IllegalArgumentException("alertId " + alertId + " of " + of + " is not positive");
        }
        payer = payer == null ? "" : payer;
        reason = reason == null ? "" : reason;
    }
}
