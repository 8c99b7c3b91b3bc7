package se.clientfunds.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.calendar.SwedishBankingCalendar;

class BreakAgeingTest {

    private static final LocalDate TUE_31_MARCH = LocalDate.of(2026, 3, 31);

    private final SwedishBankingCalendar calendar = new SwedishBankingCalendar();

    @Test
    void breaksFallIntoTheirBucketOnEitherSideOfEachBoundary() {
        // given breaks booked 0, 1, 2, 5, 6, 10 and 11 banking days before Tuesday 31 March 2026
        List<LocalDate> booked = List.of(TUE_31_MARCH, LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 27),
                LocalDate.of(2026, 3, 24), LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 16));
        // when
        BreakAgeing ageing = BreakAgeing.at(TUE_31_MARCH, booked, calendar);
        // then
        assertThat(ageing).isEqualTo(new BreakAgeing(2, 2, 2, 1));
        assertThat(ageing.buckets()).containsExactly(2, 2, 2, 1);
        assertThat(ageing.total()).isEqualTo(7);
    }

    @Test
    void ageIsCountedInBankingDaysNotCalendarDays() {
        // given a break booked Thursday 2 April 2026, aged on Tuesday 7 April: five calendar days, but Good Friday, the
        // weekend and Easter Monday between leave one banking day; and one booked Tuesday 31 March, three banking days
        List<LocalDate> booked = List.of(LocalDate.of(2026, 4, 2), TUE_31_MARCH);
        // when
        BreakAgeing ageing = BreakAgeing.at(LocalDate.of(2026, 4, 7), booked, calendar);
        // then
        assertThat(ageing).isEqualTo(new BreakAgeing(1, 1, 0, 0));
    }

    @Test
    void noOpenBreaksAgeToZeroes() {
        // when
        BreakAgeing ageing = BreakAgeing.at(TUE_31_MARCH, List.of(), calendar);
        // then
        assertThat(ageing.buckets()).containsExactly(0, 0, 0, 0);
        assertThat(ageing.total()).isZero();
    }

    @Test
    void aNegativeCountIsRefusedNamingTheBucket() {
        // when / then
        assertThatThrownBy(() -> new BreakAgeing(0, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("break ageing: sixToTen must not be negative, is -1");
    }
}
