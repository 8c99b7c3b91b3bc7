package se.clientfunds.ledger;

import java.util.Optional;

/**
 * The business events the journal records. Each journal entry is one event, identified by the event and its
 * reference; the event's name is what {@code journal_entry.event_type} holds.
 */
public enum LedgerEvent {

    /** An incoming payment booked on the client-funds account: debit BANK, credit UNALLOCATED. */
    PAYMENT_RECEIVED,
    /** A BGMax deduction, the reverse of a payment received: debit UNALLOCATED, credit BANK. */
    PAYMENT_DEDUCTED,
    /** A payment allocated by the allocation job: debit UNALLOCATED, credit each paid CLIENT (and DEBTOR_CREDIT with any overpayment). */
    PAYMENT_ALLOCATED,
    /** The platform's fee on an allocated payment: debit CLIENT, credit PLATFORM_FEES. */
    FEE_CHARGED,
    /** A payment allocated by an operator's hand. */
    MANUAL_ALLOCATION,
    /** A client's payout leaving the account: debit CLIENT, credit BANK. */
    PAYOUT,
    /** An overpayment refunded to its payer: debit DEBTOR_CREDIT, credit BANK. */
    REFUND_PAID;

    /** Whether the event is money the company sends out of the account (a payout or a refund), by its stored name. */
    public static boolean isMoneyOut(String eventType) {
        return of(eventType).map(event -> event == PAYOUT || event == REFUND_PAID).orElse(false);
    }

    /** The event of a stored name, or empty for a name this release does not post (a correction entered by hand). */
    public static Optional<LedgerEvent> of(String eventType) {
        for (LedgerEvent event : values()) {
            if (event.name().equals(eventType)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }
}
