package se.clientfunds.monitoring;

import java.util.List;
import java.util.Optional;

/** {@code LARGE_PAYMENT}: one payment of the threshold in its currency or more. */
public final class LargePaymentRule {

    private final MonitoringSettings.RuleSetting setting;
    private final java.util.Map<java.util.Currency, se.clientfunds.money.Money> thresholds;

    public LargePaymentRule(MonitoringSettings.RuleSetting setting) {
        if (setting.rule() != AlertRule.LARGE_PAYMENT) {
            throw new IllegalArgumentException("not a LARGE_PAYMENT setting: " + setting.rule());
        }
        this.setting = setting;
        this.thresholds = setting.thresholds();
    }

    /** The alert the payment raises, if it is large; a currency with no threshold raises none. */
    public Optional<NewAlert> evaluate(PaymentFact payment) {
        return Optional.ofNullable(thresholds.get(payment.amount().currency()))
                .filter(threshold -> payment.amount().compareTo(threshold) >= 0)
                .map(threshold -> new NewAlert(AlertRule.LARGE_PAYMENT, setting.severity(), payment.day(),
                        NewAlert.SubjectKind.PAYER, Rules.payer(payment), payment.key(), payment.amount(),
                        "payment " + payment.key() + " of " + payment.amount() + " is at or above the threshold of " + threshold
                                + " (LARGE_PAYMENT in force from " + setting.validFrom() + ")", null, List.of(payment.key())));
    }
}
