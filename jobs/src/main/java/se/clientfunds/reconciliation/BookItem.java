package se.clientfunds.reconciliation;

import java.time.LocalDate;
import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * One posting on a client-funds BANK account in the ledger, as reconciliation sees it.
 *
 * @param key          identifies the journal line for good: {@code L:<entry id>:<line no>}
 * @param amount       signed: debit BANK (money in) positive, credit negative
 * @param reference    the reference the bank will show for it: the bank reference of a payment received, the
 *                     EndToEndId of a payout or refund
 * @param batch        the batch it went or came in: the PmtInfId of a payout or refund, the notification entry's
 *                     AcctSvcrRef of a payment that arrived in a batch; null otherwise
 * @param counterparty the payer or payee's name, or null
 * @param event        the ledger event that posted it ({@code PAYOUT}, {@code REFUND_PAID}, {@code PAYMENT_RECEIVED} ...),
 *                     or null when not known
 */
public record BookItem(String key, LocalDate bookingDate, Money amount, String reference, String batch, String counterparty,
                       String event) {

    public BookItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(bookingDate, key + ": bookingDate");
        Objects.requireNonNull(amount, key + ": amount");
    }

    public BookItem(String key, LocalDate bookingDate, Money amount, String reference, String batch, String counterparty) {
        this(key, bookingDate, amount, reference, batch, counterparty, null);
    }
}
