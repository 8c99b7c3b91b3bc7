package se.clientfunds.generator;

import java.time.LocalDate;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * One incoming payment and everything the generator derives with it: the invoice it was meant for (null when its
 * reference cannot lead to one), whether the statement shows it, a bank fee booked beside it, and a refund of its
 * excess. {@code relatedPaymentRef} is the earlier payment a duplicate repeats.
 */
record PlannedPayment(
        long index,
        LocalDate businessDate,
        String accountServicerReference,
        String endToEndId,
        Money amount,
        String ocr,
        Debtor debtor,
        PlannedInvoice invoice,
        AnomalyType anomaly,
        String relatedPaymentRef,
        String bankFeeReference,
        Money bankFee,
        String refundId,
        String refundApprover,
        Iban refundAccount) {

    /** The account a refund of the payment is paid to: the payer's own, unless planted otherwise. */
    Iban refundTo() {
        return refundAccount != null ? refundAccount : debtor.account();
    }

    boolean onStatement() {
        return anomaly != AnomalyType.PAYMENT_MISSING_FROM_STATEMENT;
    }

    /** What was paid beyond the invoice amount; zero when not an overpayment. */
    Money excess() {
        return anomaly == AnomalyType.OVERPAYMENT ? amount.minus(invoice.amount()) : Money.zero(amount.currency());
    }
}
