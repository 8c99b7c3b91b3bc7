package se.clientfunds.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeguardingStatusTest {

    @Test
    void theDifferenceSaysOkExcessOrShortfallWhenEveryStatementIsThere() {
        // given resource − requirement of 0, +0.01 and −0.01, every account's statement in the resource
        // when / then
        assertThat(SafeguardingStatus.of(0, true)).isEqualTo(SafeguardingStatus.OK);
        assertThat(SafeguardingStatus.of(1, true)).isEqualTo(SafeguardingStatus.EXCESS);
        assertThat(SafeguardingStatus.of(-1, true)).isEqualTo(SafeguardingStatus.SHORTFALL);
    }

    @Test
    void aResourceWithoutEveryStatementIsUnconfirmedWhateverTheDifference() {
        // given a statement missing from the resource
        // when / then
        assertThat(SafeguardingStatus.of(0, false)).isEqualTo(SafeguardingStatus.UNCONFIRMED);
        assertThat(SafeguardingStatus.of(-50_000, false)).isEqualTo(SafeguardingStatus.UNCONFIRMED);
        assertThat(SafeguardingStatus.of(50_000, false)).isEqualTo(SafeguardingStatus.UNCONFIRMED);
    }

    @Test
    void aShortfallAndAnUnconfirmedResourceNeedAPerson() {
        // when / then
        assertThat(SafeguardingStatus.SHORTFALL.needsAttention()).isTrue();
        assertThat(SafeguardingStatus.UNCONFIRMED.needsAttention()).isTrue();
        assertThat(SafeguardingStatus.OK.needsAttention()).isFalse();
        assertThat(SafeguardingStatus.EXCESS.needsAttention()).isFalse();
    }
}
