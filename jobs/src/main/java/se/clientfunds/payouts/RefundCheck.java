package se.clientfunds.payouts;

import java.util.List;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * The checks an approved refund passes before it is paid (DESIGN §2.3): the payment it refunds is known and
 * allocated, in the same currency, still holds at least the amount as debtor credit, and the destination account is
 * a valid IBAN. A refund whose payment has not arrived yet waits for it.
 */
public final class RefundCheck {

    /** An approved refund as support sent it. */
    public record ApprovedRefund(String refundId, String paymentReference, Money amount, String toAccount) {
    }

    /** A payment the refund may name, with the debtor credit it still holds (after earlier refunds). */
    public record RefundablePayment(String accountIban, String bankReference, Money debtorCreditHeld) {
    }

    public RefundDecision check(ApprovedRefund refund, List<RefundablePayment> paymentsWithThatReference) {
        if (!refund.amount().isPositive()) {
            return RefundDecision.refuse("refund " + refund.refundId() + ": amount must be positive, is " + refund.amount());
        }
        if (!Iban.isValid(refund.toAccount())) {
            return RefundDecision.refuse("refund " + refund.refundId() + ": to_account: " + Iban.problem(refund.toAccount()));
        }
        if (paymentsWithThatReference.isEmpty()) {
            return RefundDecision.waitFor("refund " + refund.refundId() + ": payment " + refund.paymentReference()
                    + " has not been received and allocated yet");
        }
        if (paymentsWithThatReference.size() > 1) {
            return RefundDecision.refuse("refund " + refund.refundId() + ": payment reference " + refund.paymentReference()
                    + " names payments on " + paymentsWithThatReference.size() + " accounts; support must say which");
        }
        RefundablePayment payment = paymentsWithThatReference.get(0);
        Money held = payment.debtorCreditHeld();
        if (!held.currency().equals(refund.amount().currency())) {
            return RefundDecision.refuse("refund " + refund.refundId() + ": in " + refund.amount().currency().getCurrencyCode()
                    + " but payment " + refund.paymentReference() + " was in " + held.currency().getCurrencyCode());
        }
        if (refund.amount().compareTo(held) > 0) {
            return RefundDecision.refuse("refund " + refund.refundId() + ": " + refund.amount() + " is more than the "
                    + held + " held as debtor credit for payment " + refund.paymentReference());
        }
        return RefundDecision.pay();
    }
}
