package se.clientfunds.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Target2CalendarTest {

    /** The weekdays on which TARGET2 is closed, from the ECB's published closing days. Written out by hand. */
    private static final Map<Integer, List<String>> CLOSED_WEEKDAYS = Map.of(
            2025, List.of("01-01", "04-18", "04-21", "05-01", "12-25", "12-26"),
            2026, List.of("01-01", "04-03", "04-06", "05-01", "12-25"),
            2027, List.of("01-01", "03-26", "03-29"));

    private final BankingCalendar calendar = new Target2Calendar();

    @Test
    void closedWeekdaysOf2025To2027AreExactlyThePublishedOnes() {
        for (int year = 2025; year <= 2027; year++) {
            // given
            List<String> expected = CLOSED_WEEKDAYS.get(year);

            // when
            List<String> closed = new ArrayList<>();
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (!weekend && !calendar.isBankingDay(d)) {
                    closed.add(d.toString().substring(5));
                }
            }

            // then
            assertThat(closed).as("closed weekdays in %d", year).isEqualTo(expected);
        }
    }

    @Test
    void closedDaysOf2026IncludeBoxingDayOnASaturday() {
        assertThat(LocalDate.of(2026, 12, 26).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(new TreeSet<>(Target2Calendar.closedDays(2026))).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-01-06, 'Epiphany, a Swedish holiday'",
            "2026-06-19, Swedish Midsummer Eve",
            "2026-05-14, 'Ascension Day, a Swedish holiday'",
            "2026-12-24, Christmas Eve",
            "2026-12-31, New Year's Eve",
            "2027-05-06, 'Ascension Day, a Swedish holiday'"})
    void nationalHolidaysAndEvesAreTarget2BankingDays(LocalDate date, String why) {
        assertThat(calendar.isBankingDay(date)).as("%s (%s)", date, why).isTrue();
    }

    @Test
    void refusesAClosingDayInItsOwnName() {
        assertThatThrownBy(() -> calendar.requireBankingDay(LocalDate.of(2026, 4, 3)))
                .isInstanceOf(NotABankingDayException.class)
                .hasMessage("2026-04-03 (Friday) is not a TARGET2 banking day (a public holiday or a day the banks are"
                        + " closed): nothing is booked, closed or reported on it; the banking days around it are"
                        + " 2026-04-02 and 2026-04-07");
    }
}
