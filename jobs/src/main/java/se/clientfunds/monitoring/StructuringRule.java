package se.clientfunds.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import se.clientfunds.money.Money;

/**
 * {@code STRUCTURING}: from one payer, at least {@code min-count} payments within {@code window-days} banking days, each
 * from {@code threshold × (1 − below-percent/100)} up to (not including) the threshold, together the threshold or more.
 * A pattern is reported on a day one of its payments arrived, so the same payments are not reported day after day.
 */
public final class StructuringRule {

    private final MonitoringSettings.RuleSetting setting;
    private final java.util.Map<java.util.Currency, Money> thresholds;

    public StructuringRule(MonitoringSettings.RuleSetting setting) {
        if (setting.rule() != AlertRule.STRUCTURING) {
            throw new IllegalArgumentException("not a STRUCTURING setting: " + setting.rule());
        }
        this.setting = setting;
        this.thresholds = setting.thresholds();
    }

    /** The thresholds, by currency: where the band of each currency ends. */
    public java.util.Map<java.util.Currency, Money> thresholds() {
        return thresholds;
    }

    public int windowDays() {
        return setting.windowDays();
    }

    /** The lowest amount that counts as just under the threshold: threshold × (1 − below-percent/100), rounded up. */
    public Money lowest(Money threshold) {
        long minor = BigDecimal.valueOf(threshold.minorUnits()).multiply(BigDecimal.valueOf(100 - setting.belowPercent()))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValueExact();
        return new Money(minor, threshold.currency());
    }

    /**
     * The alert for one payer's payments in the window ending on {@code day} (all of them in one currency, the window
     * already applied), if they form the pattern and one of them arrived on the day.
     */
    public Optional<NewAlert> evaluate(String payer, LocalDate day, List<PaymentFact> window) {
        if (window.isEmpty()) {
            return Optional.empty();
        }
        Optional<Money> configured = Optional.ofNullable(thresholds.get(window.get(0).amount().currency()));
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        Money threshold = configured.get();
        Money lowest = lowest(threshold);
        List<PaymentFact> under = window.stream()
                .filter(payment -> payment.amount().compareTo(lowest) >= 0 && payment.amount().compareTo(threshold) < 0)
                .sorted(Comparator.comparing(PaymentFact::day).thenComparing(PaymentFact::key))
                .toList();
        if (under.size() < setting.minCount() || under.stream().noneMatch(payment -> payment.day().equals(day))) {
            return Optional.empty();
        }
        Money total = under.stream().map(PaymentFact::amount).reduce(Money::plus).orElseThrow();
        if (total.compareTo(threshold) < 0) {
            return Optional.empty();
        }
        List<String> keys = under.stream().map(PaymentFact::key).toList();
        return Optional.of(new NewAlert(AlertRule.STRUCTURING, setting.severity(), day, NewAlert.SubjectKind.PAYER, payer,
                Rules.evidenceKey(keys), total, under.size() + " payments from " + payer + " within " + setting.windowDays()
                        + " banking days, each from " + lowest + " to under " + threshold + ", together " + total + ": "
                        + under.stream().map(payment -> payment.day() + " " + payment.amount()).collect(Collectors.joining(", "))
                        + " (STRUCTURING in force from " + setting.validFrom() + ")", null, keys));
    }
}
