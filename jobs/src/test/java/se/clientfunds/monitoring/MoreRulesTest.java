package se.clientfunds.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.clientfunds.money.Money;

/** ROUND_AMOUNT, ONE_PAYER_MANY_CLIENTS and REFUND_TO_OTHER_ACCOUNT at, just under and just over their limits. */
class MoreRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    private static final RoundAmountRule ROUND = new RoundAmountRule(new MonitoringSettings.RuleSetting(AlertRule.ROUND_AMOUNT,
            FROM, NewAlert.Severity.LOW, null, null, null, null, Map.of("SEK", "10000.00"), Map.of("SEK", "1000.00"), null));

    private static final OnePayerManyClientsRule MANY = new OnePayerManyClientsRule(new MonitoringSettings.RuleSetting(
            AlertRule.ONE_PAYER_MANY_CLIENTS, FROM, NewAlert.Severity.MEDIUM, null, null, null, 5, null, null, 3));

    private static final RefundToOtherAccountRule REFUND = new RefundToOtherAccountRule(new MonitoringSettings.RuleSetting(
            AlertRule.REFUND_TO_OTHER_ACCOUNT, FROM, NewAlert.Severity.HIGH, null, null, null, null));

    @Test
    void aRoundAmountFromTheMinimumThatPaysNoInvoiceExactly() {
        assertThat(ROUND.evaluate(payment(1_000_000), false)).isPresent();
        assertThat(ROUND.evaluate(payment(999_900), false)).as("under the minimum").isEmpty();
        assertThat(ROUND.evaluate(payment(1_000_001), false)).as("not a multiple").isEmpty();
        assertThat(ROUND.evaluate(payment(1_100_000), false)).isPresent();
        assertThat(ROUND.evaluate(payment(1_000_000), true)).as("pays an invoice of exactly that").isEmpty();
        assertThat(ROUND.evaluate(new PaymentFact("K", "P", Money.ofMinor(1_000_000, "EUR"), DAY), false)).as("no EUR").isEmpty();
        assertThat(ROUND.evaluate(payment(1_000_000), false).orElseThrow().explanation()).isEqualTo("payment SE01/REF-1 of"
                + " 10000.00 SEK is a multiple of 1000.00 SEK, at least 10000.00 SEK, and pays no invoice exactly (ROUND_AMOUNT"
                + " in force from 2026-01-01)");
    }

    @Test
    void onePayerReachingTheMinimumNumberOfClientsWithinTheWindow() {
        List<OnePayerManyClientsRule.ClientPayment> three = List.of(share("R1", "C1", DAY.minusDays(2)), share("R2", "C2", DAY),
                share("R2", "C3", DAY));
        NewAlert alert = MANY.evaluate("Anna Andersson", DAY, three).orElseThrow();
        assertThat(alert.evidenceKey()).isEqualTo("R1 R2");
        assertThat(alert.explanation()).isEqualTo("Anna Andersson paid 3 different clients within 5 banking days (C1, C2, C3) in 2"
                + " payments (ONE_PAYER_MANY_CLIENTS in force from 2026-01-01)");
        assertThat(MANY.evaluate("A", DAY, three.subList(0, 2))).as("two clients").isEmpty();
        assertThat(MANY.evaluate("A", DAY, List.of(share("R1", "C1", DAY), share("R2", "C1", DAY), share("R3", "C2", DAY))))
                .as("three payments, two clients").isEmpty();
        assertThat(MANY.evaluate("A", DAY, List.of(share("R1", "C1", DAY.minusDays(1)), share("R2", "C2", DAY.minusDays(1)),
                share("R3", "C3", DAY.minusDays(1))))).as("none on the day").isEmpty();
    }

    @Test
    void aRefundToAnotherAccountThanThePaymentCameFrom() {
        String payer = se.clientfunds.reference.Iban.of("SE", "30000000000000000001").value();
        String other = se.clientfunds.reference.Iban.of("SE", "30000000000000000009").value();
        String spaced = payer.replaceAll("(.{4})", "$1 ").strip();
        assertThat(REFUND.evaluate(refund(spaced, payer))).as("the same account").isEmpty();
        assertThat(REFUND.evaluate(refund(null, payer))).as("the payment's account unknown").isEmpty();
        assertThat(REFUND.evaluate(refund("9912346", other))).as("a BGMax payer's bankgiro number").isEmpty();
        NewAlert alert = REFUND.evaluate(refund(payer, other)).orElseThrow();
        assertThat(alert.evidenceKey()).isEqualTo("refund RF-1");
        assertThat(alert.payments()).containsExactly("SE01/REF-1");
        assertThat(alert.explanation()).isEqualTo("refund RF-1 of 120.00 SEK was paid to " + other + " (Someone Else),"
                + " but payment SE01/REF-1 came from " + payer + " (REFUND_TO_OTHER_ACCOUNT in force from 2026-01-01)");
    }

    @Test
    void aRoundAmountSettingNeedsBothAmountsInTheSameCurrenciesAndAMultipleOverZero() {
        assertThatThrownBy(() -> new MonitoringSettings(List.of(new MonitoringSettings.RuleSetting(AlertRule.ROUND_AMOUNT, FROM,
                NewAlert.Severity.LOW, null, null, null, null, Map.of("SEK", "10000"), Map.of("EUR", "1000"), null))))
                .hasMessage("settlement.monitoring.rules[0] (ROUND_AMOUNT): minimum and multiple name different currencies: [SEK]"
                        + " and [EUR]");
        assertThatThrownBy(() -> new MonitoringSettings(List.of(new MonitoringSettings.RuleSetting(AlertRule.ROUND_AMOUNT, FROM,
                NewAlert.Severity.LOW, null, null, null, null, Map.of("SEK", "10000"), Map.of("SEK", "0"), null))))
                .hasMessage("settlement.monitoring.rules[0] (ROUND_AMOUNT).multiple.SEK: must be more than 0");
        assertThatThrownBy(() -> new MonitoringSettings(List.of(new MonitoringSettings.RuleSetting(AlertRule.VELOCITY, FROM,
                NewAlert.Severity.LOW, null, null, null, null)))).hasMessage("settlement.monitoring.rules[0] (VELOCITY).factor:"
                + " must be more than 1 and at most 1000, with at most two decimals, is null");
        assertThatThrownBy(() -> new MonitoringSettings(List.of(new MonitoringSettings.RuleSetting(AlertRule.SANCTIONS_MATCH,
                FROM, NewAlert.Severity.HIGH, null, null, null, null)))).hasMessageContaining("settlement.sanctions.match-threshold");
    }

    private static PaymentFact payment(long minor) {
        return new PaymentFact("SE01/REF-1", "Anna Andersson", Money.ofMinor(minor, "SEK"), DAY);
    }

    private static OnePayerManyClientsRule.ClientPayment share(String key, String client, LocalDate day) {
        return new OnePayerManyClientsRule.ClientPayment(key, client, day);
    }

    private static RefundToOtherAccountRule.Refund refund(String from, String to) {
        return new RefundToOtherAccountRule.Refund("RF-1", "SE01/REF-1", "Anna Andersson", from, to, "Someone Else",
                Money.ofMinor(12_000, "SEK"), DAY);
    }
}
