package se.clientfunds.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class BreakRollForwardTest {

    @Test
    void breaksOpenThenAndNowRollForwardAsOpeningPlusNewMinusClearedIsClosing() {
        // given breaks 1, 2, 3 open at the end of the run before, 2, 3, 4, 5 at the end of this one
        // when
        BreakRollForward rollForward = BreakRollForward.between(Set.of(1L, 2L, 3L), Set.of(2L, 3L, 4L, 5L));
        // then 1 was cleared, 4 and 5 are new
        assertThat(rollForward).isEqualTo(new BreakRollForward(3, 2, 1, 4));
    }

    @Test
    void theFirstRunOfAnAccountOpensWithNothing() {
        // when
        BreakRollForward rollForward = BreakRollForward.between(Set.of(), Set.of(7L));
        // then
        assertThat(rollForward).isEqualTo(new BreakRollForward(0, 1, 0, 1));
    }

    @Test
    void everyBreakClearedLeavesNothingOpen() {
        // when
        BreakRollForward rollForward = BreakRollForward.between(Set.of(7L, 8L), Set.of());
        // then
        assertThat(rollForward).isEqualTo(new BreakRollForward(2, 0, 2, 0));
    }

    @Test
    void figuresThatDoNotRollForwardAreRefusedWithThemInTheMessage() {
        // when / then
        assertThatThrownBy(() -> new BreakRollForward(1, 1, 0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("breaks do not roll forward: opening 1 + new 1 − cleared 0 ≠ closing 3");
    }
}
