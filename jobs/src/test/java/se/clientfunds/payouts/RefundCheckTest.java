package se.clientfunds.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.money.Money;

class RefundCheckTest {

    private static final String TO = "SE4921943530228675673451";
    private static final String IBAN = "SE4550000000058398257466";

    private final RefundCheck check = new RefundCheck();

    @Test
    void refundWithinTheDebtorCreditHeldIsPaid() {
        RefundDecision decision = check.check(refund(98_64, "SEK", TO), List.of(held(98_64, "SEK")));
        assertThat(decision.verdict()).isEqualTo(RefundDecision.Verdict.PAY);
    }

    @Test
    void refundOfMoreThanIsHeldIsRefusedNamingBothAmounts() {
        RefundDecision decision = check.check(refund(98_65, "SEK", TO), List.of(held(98_64, "SEK")));
        assertThat(decision.verdict()).isEqualTo(RefundDecision.Verdict.REFUSE);
        assertThat(decision.reason()).isEqualTo("refund RF1: 98.65 SEK is more than the 98.64 SEK held as debtor credit for payment BK1");
    }

    @Test
    void refundToAnInvalidAccountIsRefused() {
        RefundDecision decision = check.check(refund(1_00, "SEK", "SE4921943530228675673452"), List.of(held(1_00, "SEK")));
        assertThat(decision.verdict()).isEqualTo(RefundDecision.Verdict.REFUSE);
        assertThat(decision.reason()).startsWith("refund RF1: to_account: ").contains("SE4921943530228675673452");
    }

    @Test
    void refundInAnotherCurrencyIsRefused() {
        RefundDecision decision = check.check(refund(1_00, "EUR", TO), List.of(held(1_00, "SEK")));
        assertThat(decision.reason()).isEqualTo("refund RF1: in EUR but payment BK1 was in SEK");
    }

    @Test
    void refundWhosePaymentHasNotArrivedWaits() {
        RefundDecision decision = check.check(refund(1_00, "SEK", TO), List.of());
        assertThat(decision.verdict()).isEqualTo(RefundDecision.Verdict.WAIT);
    }

    @Test
    void referenceOnTwoAccountsIsRefusedRatherThanGuessed() {
        RefundDecision decision = check.check(refund(1_00, "SEK", TO), List.of(held(1_00, "SEK"),
                new RefundCheck.RefundablePayment("SE5750000000000000007777", "BK1", Money.ofMinor(1_00, "SEK"))));
        assertThat(decision.verdict()).isEqualTo(RefundDecision.Verdict.REFUSE);
        assertThat(decision.reason()).contains("names payments on 2 accounts");
    }

    @Test
    void paymentWithNoDebtorCreditLeftRefusesAnyRefund() {
        RefundDecision decision = check.check(refund(1, "SEK", TO), List.of(held(0, "SEK")));
        assertThat(decision.verdict()).isEqualTo(RefundDecision.Verdict.REFUSE);
    }

    private static RefundCheck.ApprovedRefund refund(long minor, String currency, String to) {
        return new RefundCheck.ApprovedRefund("RF1", "BK1", Money.ofMinor(minor, currency), to);
    }

    private static RefundCheck.RefundablePayment held(long minor, String currency) {
        return new RefundCheck.RefundablePayment(IBAN, "BK1", Money.ofMinor(minor, currency));
    }
}
