package se.clientfunds.bankfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.bank.BankFileVerdict;

class ResentStatementRuleTest {

    private final ResentStatementRule rule = new ResentStatementRule();

    @Test
    void noStatementTheBooksHaveIsNoProblem() {
        assertThat(rule.problems(List.of())).isEmpty();
    }

    @Test
    void eachStatementSentAgainIsAProblemNamingTheFileTheBooksHaveItFrom() {
        // given
        List<ResentStatementRule.ResentStatement> resent = List.of(
                new ResentStatementRule.ResentStatement(1, "SE4550000000058398257466", LocalDate.of(2026, 1, 2), 17L, "camt053-0102.xml"),
                new ResentStatementRule.ResentStatement(3, "SE4550000000058398257466", LocalDate.of(2026, 1, 5), null, "mt940-0105.txt"));
        // when
        List<BankFileVerdict.Problem> problems = rule.problems(resent);
        // then
        assertThat(problems).containsExactly(
                new BankFileVerdict.Problem("statement 1", "the statement of SE4550000000058398257466 closing 2026-01-02"
                        + " (sequence 17) was already imported from camt053-0102.xml"),
                new BankFileVerdict.Problem("statement 3", "the statement of SE4550000000058398257466 closing 2026-01-05"
                        + " was already imported from mt940-0105.txt"));
    }
}
