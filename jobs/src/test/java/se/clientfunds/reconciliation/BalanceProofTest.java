package se.clientfunds.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import se.clientfunds.money.Money;

class BalanceProofTest {

    @Test
    void openBreaksResidualsAndWriteOffsExplainTheStatementAgainstTheBooksToTheOre() {
        // given books 1,200.00; a payout of 300.00 the bank has not debited (books side −300.00); a bank charge of 5.00
        // not booked (bank side −5.00); a residual of −0.50; a write-off of +2.00:
        // statement = 1,200.00 − 5.00 + 300.00 − 0.50 + 2.00 = 1,496.50
        // when
        BalanceProof proof = BalanceProof.of(sek(1_496_50), sek(1_200_00), sek(-5_00), sek(-300_00), sek(-50), sek(2_00));
        // then
        assertThat(proof.unexplained()).isEqualTo(sek(0));
        assertThat(proof.proven()).isTrue();
    }

    @Test
    void whatTheBreaksDoNotExplainIsLeftUnexplainedWithItsSign() {
        // given the same books and breaks, but a statement 0.01 higher and another 0.01 lower
        // when
        BalanceProof higher = BalanceProof.of(sek(1_496_51), sek(1_200_00), sek(-5_00), sek(-300_00), sek(-50), sek(2_00));
        BalanceProof lower = BalanceProof.of(sek(1_496_49), sek(1_200_00), sek(-5_00), sek(-300_00), sek(-50), sek(2_00));
        // then
        assertThat(higher.unexplained()).isEqualTo(sek(1));
        assertThat(higher.proven()).isFalse();
        assertThat(lower.unexplained()).isEqualTo(sek(-1));
        assertThat(lower.proven()).isFalse();
    }

    @Test
    void withoutAStatementNothingIsProvenAndNothingUnexplained() {
        // when
        BalanceProof proof = BalanceProof.of(null, sek(1_200_00), sek(0), sek(0), sek(0), sek(0));
        // then
        assertThat(proof.statementClosing()).isNull();
        assertThat(proof.unexplained()).isNull();
        assertThat(proof.proven()).isFalse();
    }

    @Test
    void anUnexplainedRestWithoutAStatementOrAFigureInAnotherCurrencyIsRefused() {
        // when / then
        assertThatThrownBy(() -> new BalanceProof(null, sek(0), sek(0), sek(0), sek(0), sek(0), sek(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("balance proof: unexplained 0.01 SEK without a statement closing null (both or neither)");
        assertThatThrownBy(() -> BalanceProof.of(sek(0), sek(0), Money.ofMinor(0, "EUR"), sek(0), sek(0), sek(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Money sek(long minor) {
        return Money.ofMinor(minor, "SEK");
    }
}
