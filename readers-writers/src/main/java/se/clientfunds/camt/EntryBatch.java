package se.clientfunds.camt;

import java.util.List;
import java.util.Objects;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * The payment batch one booked entry carries out, as a bank reports a batch-booked pain.001 payment
 * ({@code NtryDtls/Btch}): the batch's payment information id, and its transfers, each written as one {@code TxDtls}.
 */
public record EntryBatch(String paymentInformationId, List<Transfer> transfers) {

    /**
     * One transfer of the batch: its end-to-end id from the payment order, its amount and the other party (the
     * creditor of a debit, the debtor of a credit). The account is optional.
     */
    public record Transfer(String endToEndId, Money amount, String counterpartyName, Iban counterpartyAccount) {

        public Transfer {
            CamtXmlWriter.requireMax35("batch transfer endToEndId", endToEndId);
            Objects.requireNonNull(amount, "transfer " + endToEndId + ": amount");
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("transfer " + endToEndId + ": amount " + amount + " must be positive");
            }
            if (counterpartyName == null || counterpartyName.isBlank() || counterpartyName.length() > 140) {
                throw new IllegalArgumentException("transfer " + endToEndId + ": counterpartyName '" + counterpartyName
                        + "' must have 1 to 140 characters");
            }
        }
    }

    public EntryBatch {
        CamtXmlWriter.requireMax35("batch paymentInformationId", paymentInformationId);
        Objects.requireNonNull(transfers, "batch " + paymentInformationId + ": transfers");
        if (transfers.isEmpty()) {
            throw new IllegalArgumentException("batch " + paymentInformationId + ": transfers must not be empty");
        }
        transfers = List.copyOf(transfers);
        for (Transfer transfer : transfers) {
            if (!transfer.amount().currency().equals(transfers.get(0).amount().currency())) {
                throw new IllegalArgumentException("batch " + paymentInformationId + ": transfer " + transfer.endToEndId()
                        + " amount " + transfer.amount() + " is in another currency than the batch's first transfer");
            }
        }
    }

    /** The transfers' amounts added up: what the entry of the batch must book. */
    public Money totalAmount() {
        Money total = Money.zero(transfers.get(0).amount().currency());
        for (Transfer transfer : transfers) {
            total = total.plus(transfer.amount());
        }
        return total;
    }
}
