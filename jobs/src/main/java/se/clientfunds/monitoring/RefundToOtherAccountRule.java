package se.clientfunds.monitoring;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import se.clientfunds.money.Money;

/**
 * {@code REFUND_TO_OTHER_ACCOUNT}: a refund paid to an account other than the one the payment came from (the classic
 * way to move money through a payment: overpay from one account, have the excess refunded to another). A payment
 * whose account the bank did not give as an IBAN (none, or a BGMax bankgiro number) cannot be compared and raises nothing.
 */
public final class RefundToOtherAccountRule {

    /** A refund paid on the business day, with the payment it refunds. */
    public record Refund(String refundId, String paymentKey, String payer, String paidFromAccount, String toAccount, String toName,
                         Money amount, java.time.LocalDate day) {
    }

    private final MonitoringSettings.RuleSetting setting;

    public RefundToOtherAccountRule(MonitoringSettings.RuleSetting setting) {
        if (setting.rule() != AlertRule.REFUND_TO_OTHER_ACCOUNT) {
            throw new IllegalArgumentException("not a REFUND_TO_OTHER_ACCOUNT setting: " + setting.rule());
        }
        this.setting = setting;
    }

    public Optional<NewAlert> evaluate(Refund refund) {
        // (a BGMax payment names the payer's bankgiro number, not an account a refund could go to: nothing to compare)
        if (refund.paidFromAccount() == null || !se.clientfunds.reference.Iban.isValid(plain(refund.paidFromAccount()))
                || plain(refund.paidFromAccount()).equals(plain(refund.toAccount()))) {
            return Optional.empty();
        }
        String payer = refund.payer() == null || refund.payer().isBlank() ? "(no name) " + refund.paymentKey() : refund.payer().strip();
        return Optional.of(new NewAlert(AlertRule.REFUND_TO_OTHER_ACCOUNT, setting.severity(), refund.day(),
                NewAlert.SubjectKind.PAYER, payer, "refund " + refund.refundId(), refund.amount(), "refund " + refund.refundId()
                        + " of " + refund.amount() + " was paid to " + refund.toAccount() + " (" + refund.toName() + "), but payment "
                        + refund.paymentKey() + " came from " + refund.paidFromAccount() + " (REFUND_TO_OTHER_ACCOUNT in force from "
                        + setting.validFrom() + ")", null, List.of(refund.paymentKey())));
    }

    /** An account number as compared: no spaces, upper case. */
    private static String plain(String account) {
        return account.replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
