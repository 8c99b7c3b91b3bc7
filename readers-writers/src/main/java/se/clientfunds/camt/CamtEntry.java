package se.clientfunds.camt;

import java.time.LocalDate;
import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * One booked entry ({@code Ntry}) of a camt.053 statement or camt.054 notification, with one transaction in
 * its details, or, for a batch-booked payment order, the batch and its transfers. The amount is always positive;
 * {@link #creditDebit()} says in which direction it moved. Counterparty and creditor reference (the OCR, sent as
 * SCOR) are optional, as for bank charges; an entry with a batch has neither, its transfers name the parties.
 */
public record CamtEntry(
        Money amount,
        CreditDebit creditDebit,
        LocalDate bookingDate,
        LocalDate valueDate,
        String accountServicerReference,
        String endToEndId,
        BankTransactionCode transactionCode,
        Counterparty counterparty,
        String creditorReference,
        EntryBatch batch) {

    /** An entry with one transaction in its details, no batch. */
    public CamtEntry(Money amount, CreditDebit creditDebit, LocalDate bookingDate, LocalDate valueDate,
                     String accountServicerReference, String endToEndId, BankTransactionCode transactionCode,
                     Counterparty counterparty, String creditorReference) {
        this(amount, creditDebit, bookingDate, valueDate, accountServicerReference, endToEndId, transactionCode,
                counterparty, creditorReference, null);
    }

    public CamtEntry {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(creditDebit, "creditDebit");
        Objects.requireNonNull(bookingDate, "bookingDate");
        Objects.requireNonNull(valueDate, "valueDate");
        Objects.requireNonNull(transactionCode, "transactionCode");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("entry " + accountServicerReference + ": amount " + amount
                    + " must be positive; the direction goes in creditDebit");
        }
        requireMax35("accountServicerReference", accountServicerReference, false);
        requireMax35("endToEndId", endToEndId, true);
        requireMax35("creditorReference", creditorReference, true);
        if (batch != null) {
            if (endToEndId != null || counterparty != null || creditorReference != null) {
                throw new IllegalArgumentException("entry " + accountServicerReference + ": a batch entry has no "
                        + "endToEndId, counterparty or creditorReference of its own; its transfers carry them");
            }
            if (!batch.totalAmount().equals(amount)) {
                throw new IllegalArgumentException("entry " + accountServicerReference + ": batch "
                        + batch.paymentInformationId() + " transfers add up to " + batch.totalAmount()
                        + ", the entry says " + amount);
            }
        }
    }

    private static void requireMax35(String field, String value, boolean optional) {
        if (value == null && optional) {
            return;
        }
        if (value == null || value.isEmpty() || value.length() > 35) {
            throw new IllegalArgumentException("entry " + field + " '" + value + "' must have 1 to 35 characters");
        }
    }
}
