package se.clientfunds.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * One booked entry of a bank statement (camt.053, MT940), as reconciliation sees it.
 *
 * @param key                  identifies the entry for good: {@code B:<import id>:<entry no>}
 * @param amount               signed: money into the account positive, out negative
 * @param references           the bank's references of the entry (AcctSvcrRef, and the transaction's own references and
 *                             EndToEndId when the entry holds one transaction)
 * @param batchMembers         the references of the transactions inside a batch entry (empty when it is not one)
 * @param paymentInformationId the pain.001 batch (PmtInfId) a batch-booked debit executes, or null
 * @param counterparty         the other party's name when the entry names one, or null
 */
public record BankItem(String key, LocalDate bookingDate, LocalDate valueDate, Money amount, List<String> references,
                       List<String> batchMembers, String paymentInformationId, String counterparty) {

    public BankItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(bookingDate, key + ": bookingDate");
        Objects.requireNonNull(amount, key + ": amount");
        valueDate = valueDate == null ? bookingDate : valueDate;
        references = List.copyOf(references.stream().filter(Objects::nonNull).filter(r -> !r.isBlank()).toList());
        batchMembers = List.copyOf(batchMembers);
    }

    /** The reference to show an operator: the first the bank gave. */
    public String displayReference() {
        return references.isEmpty() ? (paymentInformationId == null ? key : paymentInformationId) : references.get(0);
    }
}
