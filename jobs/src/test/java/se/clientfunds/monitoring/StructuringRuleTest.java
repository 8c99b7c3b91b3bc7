package se.clientfunds.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.clientfunds.money.Money;

/** STRUCTURING at, just under and just over each of its limits, and as the valid-from dates say. */
class StructuringRuleTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);

    // threshold 150,000.00 SEK, 10 % under it: each payment from 135,000.00 to 149,999.99; three make a pattern
    private static final StructuringRule RULE = new StructuringRule(setting(LocalDate.of(2026, 1, 1), "150000.00", 10, 3));

    @Test
    void threePaymentsJustUnderTheThresholdTogetherOverItAreStructuring() {
        NewAlert alert = RULE.evaluate("Anna Andersson", DAY, List.of(payment(1, 14_999_999, DAY.minusDays(2)),
                payment(2, 13_500_000, DAY.minusDays(1)), payment(3, 14_000_000, DAY))).orElseThrow();
        assertThat(alert.evidenceKey()).isEqualTo("SE01/REF-1 SE01/REF-2 SE01/REF-3");
        assertThat(alert.amount()).isEqualTo(Money.ofMinor(42_499_999, "SEK"));
        assertThat(alert.payments()).containsExactly("SE01/REF-1", "SE01/REF-2", "SE01/REF-3");
        assertThat(alert.explanation()).isEqualTo("3 payments from Anna Andersson within 5 banking days, each from 135000.00 SEK"
                + " to under 150000.00 SEK, together 424999.99 SEK: 2026-03-02 149999.99 SEK, 2026-03-03 135000.00 SEK,"
                + " 2026-03-04 140000.00 SEK (STRUCTURING in force from 2026-01-01)");
    }

    @Test
    void aPaymentAtTheThresholdOrOneÖreUnderTheBandDoesNotCount() {
        // at the threshold: a large payment, not a structured one
        assertThat(RULE.evaluate("A", DAY, List.of(payment(1, 15_000_000, DAY), payment(2, 14_000_000, DAY),
                payment(3, 14_000_000, DAY)))).isEmpty();
        // one öre under the band
        assertThat(RULE.evaluate("A", DAY, List.of(payment(1, 13_499_999, DAY), payment(2, 14_000_000, DAY),
                payment(3, 14_000_000, DAY)))).isEmpty();
        // at the band's floor it counts
        assertThat(RULE.evaluate("A", DAY, List.of(payment(1, 13_500_000, DAY), payment(2, 14_000_000, DAY),
                payment(3, 14_000_000, DAY)))).isPresent();
    }

    @Test
    void tooFewPaymentsOrNoneOnTheDayIsNoPattern() {
        assertThat(RULE.evaluate("A", DAY, List.of(payment(1, 14_000_000, DAY), payment(2, 14_000_000, DAY)))).isEmpty();
        // all three before the day: reported on the day the last arrived, not again
        assertThat(RULE.evaluate("A", DAY, List.of(payment(1, 14_000_000, DAY.minusDays(3)), payment(2, 14_000_000,
                DAY.minusDays(2)), payment(3, 14_000_000, DAY.minusDays(1))))).isEmpty();
        // a currency without a threshold
        assertThat(RULE.evaluate("A", DAY, List.of(new PaymentFact("SE01/REF-1", "A", Money.ofMinor(14_000_000, "EUR"), DAY)))).isEmpty();
    }

    @Test
    void togetherUnderTheThresholdIsNoPattern() {
        // a low threshold and a wide band: three payments each in the band, together still under it
        StructuringRule wide = new StructuringRule(setting(LocalDate.of(2026, 1, 1), "1000.00", 90, 3));
        assertThat(wide.lowest(Money.ofMinor(100_000, "SEK"))).isEqualTo(Money.ofMinor(10_000, "SEK"));
        assertThat(wide.evaluate("A", DAY, List.of(payment(1, 30_000, DAY), payment(2, 30_000, DAY), payment(3, 39_999, DAY))))
                .isEmpty();
        assertThat(wide.evaluate("A", DAY, List.of(payment(1, 30_000, DAY), payment(2, 30_000, DAY), payment(3, 40_000, DAY))))
                .isPresent();
    }

    @Test
    void aDayIsJudgedByTheSettingInForceOnIt() {
        MonitoringSettings settings = new MonitoringSettings(List.of(setting(LocalDate.of(2026, 1, 1), "150000.00", 10, 3),
                setting(LocalDate.of(2026, 3, 4), "150000.00", 10, 4)));
        List<PaymentFact> three = List.of(payment(1, 14_000_000, DAY), payment(2, 14_000_000, DAY), payment(3, 14_000_000, DAY));
        assertThat(new StructuringRule(settings.inForce(AlertRule.STRUCTURING, DAY.minusDays(1)).orElseThrow())
                .evaluate("A", DAY.minusDays(1), three.stream().map(p -> new PaymentFact(p.key(), p.payer(), p.amount(),
                        DAY.minusDays(1))).toList())).isPresent();
        assertThat(new StructuringRule(settings.inForce(AlertRule.STRUCTURING, DAY).orElseThrow()).evaluate("A", DAY, three))
                .isEmpty();
    }

    @Test
    void aSettingMissingWhatItsRuleNeedsIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new MonitoringSettings(List.of(new MonitoringSettings.RuleSetting(AlertRule.STRUCTURING,
                LocalDate.of(2026, 1, 1), NewAlert.Severity.HIGH, Map.of("SEK", "150000.00"), 10, null, 5))))
                .hasMessage("settlement.monitoring.rules[0] (STRUCTURING).min-count: must be from 2 to 1000, is null");
        assertThatThrownBy(() -> new MonitoringSettings(List.of(new MonitoringSettings.RuleSetting(AlertRule.LARGE_PAYMENT,
                LocalDate.of(2026, 1, 1), NewAlert.Severity.HIGH, Map.of("SEK", "150000.001"), null, null, null))))
                .hasMessage("settlement.monitoring.rules[0] (LARGE_PAYMENT).threshold.SEK: '150000.001' has more decimals than SEK"
                        + " or is too large");
        assertThatThrownBy(() -> new MonitoringSettings(List.of(LargePaymentRuleTest.setting(LocalDate.of(2026, 1, 1),
                Map.of("SEK", "1")), LargePaymentRuleTest.setting(LocalDate.of(2026, 1, 1), Map.of("SEK", "2")))))
                .hasMessage("settlement.monitoring.rules[1]: LARGE_PAYMENT is already configured from 2026-01-01 (rules[0])");
    }

    private static MonitoringSettings.RuleSetting setting(LocalDate validFrom, String threshold, int belowPercent, int minCount) {
        return new MonitoringSettings.RuleSetting(AlertRule.STRUCTURING, validFrom, NewAlert.Severity.HIGH, Map.of("SEK", threshold),
                belowPercent, minCount, 5);
    }

    private static PaymentFact payment(int number, long minor, LocalDate day) {
        return new PaymentFact("SE01/REF-" + number, "Anna Andersson", Money.ofMinor(minor, "SEK"), day);
    }
}
