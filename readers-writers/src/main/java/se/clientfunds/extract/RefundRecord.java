package se.clientfunds.extract;

import java.util.Currency;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * One row of {@code refunds.csv}: a refund of an incoming payment that support approved, to be paid to an account.
 */
public record RefundRecord(long line, String refundId, String paymentRef, Money amount, Iban toAccount,
        String toName, String approvedBy) {

    public RefundRecord {
        RowChecks.requireLine(line);
        RowChecks.requireId("refund_id", refundId);
        RowChecks.requireText("payment_ref", paymentRef);
        RowChecks.require("amount", amount);
        RowChecks.require("to_account", toAccount);
        RowChecks.requireText("to_name", toName);
        RowChecks.requireText("approved_by", approvedBy);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount " + amount + " must be more than zero");
        }
    }

    public Currency currency() {
        return amount.currency();
    }
}
