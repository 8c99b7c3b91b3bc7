package se.clientfunds.extract;

import java.util.Currency;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/** Validates {@code refunds.csv} rows into {@link RefundRecord}s. */
public final class RefundRowParser implements ExtractRowParser<RefundRecord> {

    private static final int REFUND_ID = 0;
    private static final int PAYMENT_REF = 1;
    private static final int AMOUNT = 2;
    private static final int CURRENCY = 3;
    private static final int TO_ACCOUNT = 4;
    private static final int TO_NAME = 5;
    private static final int APPROVED_BY = 6;

    @Override
    public ExtractKind kind() {
        return ExtractKind.REFUNDS;
    }

    @Override
    public RowOutcome<RefundRecord> parse(ExtractRow row) {
        RowChecks checks = new RowChecks(ExtractKind.REFUNDS, row);
        String refundId = checks.id(REFUND_ID);
        String paymentRef = checks.text(PAYMENT_REF, RowChecks.MAX_PAYMENT_REFERENCE_LENGTH);
        Currency currency = checks.currency(CURRENCY);
        Money amount = checks.money(AMOUNT, currency, RowChecks.Sign.POSITIVE);
        Iban toAccount = checks.iban(TO_ACCOUNT);
        String toName = checks.text(TO_NAME, RowChecks.MAX_NAME_LENGTH);
        String approvedBy = checks.text(APPROVED_BY, RowChecks.MAX_OPERATOR_LENGTH);
        if (checks.hasProblems()) {
            return RowOutcome.invalid(checks.problems());
        }
        return RowOutcome.valid(new RefundRecord(row.line(), refundId, paymentRef, amount, toAccount, toName,
                approvedBy));
    }
}
