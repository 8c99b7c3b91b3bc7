package se.clientfunds.bankfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.bank.BankFileVerdict;

class UnpostablePaymentRuleTest {

    private final UnpostablePaymentRule rule = new UnpostablePaymentRule();

    @Test
    void aPaymentOfZeroAndOneWithoutAReferenceAreProblemsInTheirOrder() {
        // given
        List<UnpostablePaymentRule.Unpostable> payments = List.of(new UnpostablePaymentRule.Unpostable("Ntfctn[1]/Ntry[1]", 0),
                new UnpostablePaymentRule.Unpostable("Ntfctn[1]/Ntry[2]", 100_00));
        // when
        List<BankFileVerdict.Problem> problems = rule.problems(payments);
        // then
        assertThat(problems).containsExactly(new BankFileVerdict.Problem("Ntfctn[1]/Ntry[1]", "a payment of zero"),
                new BankFileVerdict.Problem("Ntfctn[1]/Ntry[2]",
                        "a payment with no bank reference (AcctSvcrRef, BGC serial number or EndToEndId)"));
    }

    @Test
    void noUnpostablePaymentsNoProblems() {
        assertThat(rule.problems(List.of())).isEmpty();
    }
}
