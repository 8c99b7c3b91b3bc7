package se.clientfunds.bankfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LateBookingRuleTest {

    private static final LocalDate CLOSED = LocalDate.of(2026, 1, 5);
    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 1, 7);

    private final LateBookingRule rule = new LateBookingRule(BUSINESS_DATE, CLOSED);

    @Test
    void aPaymentBookedOnOrBeforeTheLastClosedDayPostsOnTheBusinessDate() {
        // when / then
        assertThat(rule.isLate(CLOSED)).isTrue();
        assertThat(rule.postingDate(CLOSED)).isEqualTo(BUSINESS_DATE);
        assertThat(rule.postingDate(CLOSED.minusDays(30))).isEqualTo(BUSINESS_DATE);
    }

    @Test
    void aPaymentBookedAfterTheLastClosedDayPostsOnTheBanksDate() {
        // given
        LocalDate dayAfter = CLOSED.plusDays(1);
        // when / then
        assertThat(rule.isLate(dayAfter)).isFalse();
        assertThat(rule.postingDate(dayAfter)).isEqualTo(dayAfter);
    }

    @Test
    void aPaymentWithoutADateIsNotLateAndPostsOnTheBusinessDate() {
        assertThat(rule.isLate(null)).isFalse();
        assertThat(rule.postingDate(null)).isEqualTo(BUSINESS_DATE);
    }

    @Test
    void withNoDayClosedNothingIsLate() {
        // given
        LateBookingRule nothingClosed = new LateBookingRule(BUSINESS_DATE, null);
        // when / then
        assertThat(nothingClosed.lastClosed()).isEmpty();
        assertThat(nothingClosed.isLate(LocalDate.of(2000, 1, 1))).isFalse();
        assertThat(nothingClosed.postingDate(LocalDate.of(2000, 1, 1))).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(nothingClosed.note(3)).isEmpty();
    }

    @Test
    void theNoteSaysHowManyWereLateAndTheClosedDay() {
        assertThat(rule.lastClosed()).contains(CLOSED);
        assertThat(rule.note(0)).isEmpty();
        assertThat(rule.note(1)).contains("1 payment booked by the bank on or before 2026-01-05, a closed business day:"
                + " posted on the business date instead");
        assertThat(rule.note(2)).contains("2 payments booked by the bank on or before 2026-01-05, a closed business day:"
                + " posted on the business date instead");
    }
}
