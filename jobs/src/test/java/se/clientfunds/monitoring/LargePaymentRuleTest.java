package se.clientfunds.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.clientfunds.money.Money;

/** LARGE_PAYMENT at, just under and just over its threshold, per currency, and as the valid-from dates say. */
class LargePaymentRuleTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static final MonitoringSettings SETTINGS = new MonitoringSettings(List.of(
            setting(LocalDate.of(2026, 1, 1), Map.of("SEK", "150000.00", "EUR", "15000")),
            setting(LocalDate.of(2026, 3, 3), Map.of("SEK", "100000.00"))));

    @Test
    void aPaymentAtOrOverTheThresholdIsLargeAndOneÖreUnderIsNot() {
        LargePaymentRule rule = new LargePaymentRule(SETTINGS.inForce(AlertRule.LARGE_PAYMENT, DAY).orElseThrow());
        assertThat(rule.evaluate(payment(15_000_000, "SEK"))).isPresent();
        assertThat(rule.evaluate(payment(15_000_001, "SEK"))).isPresent();
        assertThat(rule.evaluate(payment(14_999_999, "SEK"))).isEmpty();
        assertThat(rule.evaluate(payment(1_500_000, "EUR"))).isPresent();
        assertThat(rule.evaluate(payment(1_499_999, "EUR"))).isEmpty();
        // a currency without a threshold is not judged
        assertThat(rule.evaluate(payment(999_999_999, "NOK"))).isEmpty();
    }

    @Test
    void theAlertNamesThePayerThePaymentAndTheRuleInForce() {
        NewAlert alert = new LargePaymentRule(SETTINGS.inForce(AlertRule.LARGE_PAYMENT, DAY).orElseThrow())
                .evaluate(payment(15_000_000, "SEK")).orElseThrow();
        assertThat(alert.subject()).isEqualTo("Anna Andersson");
        assertThat(alert.evidenceKey()).isEqualTo("SE01/REF-1");
        assertThat(alert.severity()).isEqualTo(NewAlert.Severity.HIGH);
        assertThat(alert.explanation()).isEqualTo("payment SE01/REF-1 of 150000.00 SEK is at or above the threshold of"
                + " 150000.00 SEK (LARGE_PAYMENT in force from 2026-01-01)");
    }

    @Test
    void aDayIsJudgedByTheRuleInForceOnIt() {
        LargePaymentRule before = new LargePaymentRule(SETTINGS.inForce(AlertRule.LARGE_PAYMENT, LocalDate.of(2026, 3, 2)).orElseThrow());
        LargePaymentRule after = new LargePaymentRule(SETTINGS.inForce(AlertRule.LARGE_PAYMENT, LocalDate.of(2026, 3, 3)).orElseThrow());
        assertThat(before.evaluate(payment(12_000_000, "SEK"))).isEmpty();
        assertThat(after.evaluate(payment(12_000_000, "SEK"))).isPresent();
        // the later entry has no EUR: from its date EUR is not judged
        assertThat(after.evaluate(payment(2_000_000, "EUR"))).isEmpty();
        assertThat(SETTINGS.inForce(AlertRule.LARGE_PAYMENT, LocalDate.of(2025, 12, 31))).isEmpty();
    }

    static MonitoringSettings.RuleSetting setting(LocalDate validFrom, Map<String, String> threshold) {
        return new MonitoringSettings.RuleSetting(AlertRule.LARGE_PAYMENT, validFrom, NewAlert.Severity.HIGH, threshold, null,
                null, null);
    }

    private static PaymentFact payment(long minor, String currency) {
        return new PaymentFact("SE01/REF-1", "Anna Andersson", Money.ofMinor(minor, currency), DAY);
    }
}
