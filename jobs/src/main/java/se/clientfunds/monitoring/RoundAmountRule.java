package se.clientfunds.monitoring;

import java.util.List;
import java.util.Optional;

/**
 * {@code ROUND_AMOUNT}: a payment of at least {@code minimum} that is a whole multiple of {@code multiple} (both in its
 * currency) and pays no invoice exactly: round money that is not what anyone was billed.
 */
public final class RoundAmountRule {

    private final MonitoringSettings.RuleSetting setting;
    private final java.util.Map<java.util.Currency, se.clientfunds.money.Money> minimums;
    private final java.util.Map<java.util.Currency, se.clientfunds.money.Money> multiples;

    public RoundAmountRule(MonitoringSettings.RuleSetting setting) {
        if (setting.rule() != AlertRule.ROUND_AMOUNT) {
            throw new IllegalArgumentException("not a ROUND_AMOUNT setting: " + setting.rule());
        }
        this.setting = setting;
        this.minimums = setting.minimums();
        this.multiples = setting.multiples();
    }

    /**
     * The alert the payment raises, if any.
     *
     * @param paysAnInvoiceExactly whether the payment's amount is the amount of an invoice it paid
     */
    public Optional<NewAlert> evaluate(PaymentFact payment, boolean paysAnInvoiceExactly) {
        var currency = payment.amount().currency();
        var minimum = Optional.ofNullable(minimums.get(currency));
        var multiple = Optional.ofNullable(multiples.get(currency));
        if (paysAnInvoiceExactly || minimum.isEmpty() || multiple.isEmpty() || payment.amount().compareTo(minimum.get()) < 0
                || payment.amount().minorUnits() % multiple.get().minorUnits() != 0) {
            return Optional.empty();
        }
        return Optional.of(new NewAlert(AlertRule.ROUND_AMOUNT, setting.severity(), payment.day(), NewAlert.SubjectKind.PAYER,
                Rules.payer(payment), payment.key(), payment.amount(), "payment " + payment.key() + " of " + payment.amount()
                        + " is a multiple of " + multiple.get() + ", at least " + minimum.get() + ", and pays no invoice"
                        + " exactly (ROUND_AMOUNT in force from " + setting.validFrom() + ")", null, List.of(payment.key())));
    }
}
