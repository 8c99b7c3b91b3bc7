package se.clientfunds.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * A payment received on a client-funds account, as the allocation sees it: the account and the bank's reference
 * identify it (as in the ledger's <em>payment received</em>), {@code references} are the payer's references in the
 * order given (a structured creditor reference, or BGMax TK20 followed by TK22/TK23 extra references).
 */
public record IncomingPayment(String accountIban, String bankReference, Money amount, LocalDate bookingDate,
                              List<String> references, String debtorName) {

    public IncomingPayment {
        Objects.requireNonNull(accountIban, "accountIban");
        if (bankReference == null || bankReference.isBlank()) {
            throw new IllegalArgumentException("a payment on " + accountIban + " needs a bank reference");
        }
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("payment " + bankReference + ": amount must be positive, got " + amount);
        }
        Objects.requireNonNull(bookingDate, "bookingDate");
        references = List.copyOf(references);
    }

    /** The payment's name in the ledger and for operators: {@code <iban>/<bank reference>}. */
    public String ledgerReference() {
        return accountIban + "/" + bankReference;
    }

    /** Splits the space-separated references as the bank-file staging stores them. */
    public static List<String> splitReferences(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return List.of(stored.trim().split("\\s+"));
    }
}
