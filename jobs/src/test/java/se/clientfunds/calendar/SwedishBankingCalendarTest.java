package se.clientfunds.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwedishBankingCalendarTest {

    /**
     * The weekdays on which Swedish banks were or will be closed, from the published calendars: public holidays
     * that fall on a weekday plus Midsummer Eve, Christmas Eve and New Year's Eve. Written out by hand, not computed.
     */
    private static final Map<Integer, List<String>> CLOSED_WEEKDAYS = Map.of(
            2024, List.of("01-01", "03-29", "04-01", "05-01", "05-09", "06-06", "06-21", "12-24", "12-25", "12-26", "12-31"),
            2025, List.of("01-01", "01-06", "04-18", "04-21", "05-01", "05-29", "06-06", "06-20", "12-24", "12-25", "12-26", "12-31"),
            2026, List.of("01-01", "01-06", "04-03", "04-06", "05-01", "05-14", "06-19", "12-24", "12-25", "12-31"),
            2027, List.of("01-01", "01-06", "03-26", "03-29", "05-06", "06-25", "12-24", "12-31"),
            2028, List.of("01-06", "04-14", "04-17", "05-01", "05-25", "06-06", "06-23", "12-25", "12-26"),
            2029, List.of("01-01", "03-30", "04-02", "05-01", "05-10", "06-06", "06-22", "12-24", "12-25", "12-26", "12-31"),
            2030, List.of("01-01", "04-19", "04-22", "05-01", "05-30", "06-06", "06-21", "12-24", "12-25", "12-26", "12-31"));

    private final BankingCalendar calendar = new SwedishBankingCalendar();

    @Test
    void closedWeekdaysOf2024To2030AreExactlyThePublishedOnes() {
        for (int year = 2024; year <= 2030; year++) {
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
    void easterSundaysMatchThePublishedDates() {
        List<String> published = Arrays.asList("2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16",
                "2029-04-01", "2030-04-21");
        for (String date : published) {
            LocalDate easter = LocalDate.parse(date);
            assertThat(SwedishBankingCalendar.closedDays(easter.getYear())).contains(easter);
        }
    }

    @Test
    void closedDaysOf2026AreThePublicHolidaysAndTheEvesWeekendsIncluded() {
        // when
        Set<LocalDate> closed = SwedishBankingCalendar.closedDays(2026);

        // then: Easter Sunday, Whitsunday, National Day, Midsummer Day, All Saints' Day and Boxing Day fall on a weekend
        assertThat(new TreeSet<>(closed)).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 6), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 5),
                LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 24),
                LocalDate.of(2026, 6, 6), LocalDate.of(2026, 6, 19), LocalDate.of(2026, 6, 20), LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26),
                LocalDate.of(2026, 12, 31));
    }

    @ParameterizedTest
    @CsvSource({"2025-06-20", "2026-06-19", "2027-06-25", "2028-06-23", "2029-06-22"})
    void midsummerEveIsClosed(LocalDate midsummerEve) {
        assertThat(midsummerEve.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(calendar.isBankingDay(midsummerEve)).isFalse();
        assertThat(SwedishBankingCalendar.closedDays(midsummerEve.getYear())).contains(midsummerEve);
    }

    @ParameterizedTest
    @CsvSource({"2025-12-24, WEDNESDAY", "2026-12-24, THURSDAY", "2027-12-24, FRIDAY", "2028-12-24, SUNDAY"})
    void christmasEveIsClosed(LocalDate christmasEve, DayOfWeek weekday) {
        assertThat(christmasEve.getDayOfWeek()).isEqualTo(weekday);
        assertThat(calendar.isBankingDay(christmasEve)).isFalse();
        assertThat(SwedishBankingCalendar.closedDays(christmasEve.getYear())).contains(christmasEve);
    }

    @ParameterizedTest
    @CsvSource({"2025-12-31, WEDNESDAY", "2026-12-31, THURSDAY", "2027-12-31, FRIDAY", "2028-12-31, SUNDAY"})
    void newYearsEveIsClosed(LocalDate newYearsEve, DayOfWeek weekday) {
        assertThat(newYearsEve.getDayOfWeek()).isEqualTo(weekday);
        assertThat(calendar.isBankingDay(newYearsEve)).isFalse();
        assertThat(SwedishBankingCalendar.closedDays(newYearsEve.getYear())).contains(newYearsEve);
    }

    @Test
    void theDaysAroundTheEvesAreBankingDays() {
        assertThat(calendar.isBankingDay(LocalDate.of(2027, 6, 24))).isTrue();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 12, 23))).isTrue();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 12, 30))).isTrue();
        assertThat(calendar.isBankingDay(LocalDate.of(2027, 1, 4))).isTrue();
    }

    @Test
    void weekendsAreNeverBankingDays() {
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 3, 7))).isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 3, 8))).isFalse();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 3, 9))).isTrue();
    }

    @Test
    void countsAndStepsInBankingDaysAcrossMidsummer() {
        // given Thursday 18 June 2026; Midsummer Eve is Friday 19 June
        LocalDate thursday = LocalDate.of(2026, 6, 18);

        // then
        assertThat(calendar.nextBankingDay(thursday)).isEqualTo(LocalDate.of(2026, 6, 22));
        assertThat(calendar.previousBankingDay(LocalDate.of(2026, 6, 22))).isEqualTo(thursday);
        assertThat(calendar.plusBankingDays(thursday, 2)).isEqualTo(LocalDate.of(2026, 6, 23));
        assertThat(calendar.plusBankingDays(LocalDate.of(2026, 6, 23), -2)).isEqualTo(thursday);
        assertThat(calendar.bankingDaysBetween(thursday, LocalDate.of(2026, 6, 23))).isEqualTo(2);
        assertThat(calendar.bankingDaysBetween(LocalDate.of(2026, 6, 23), thursday)).isEqualTo(-2);
        assertThat(calendar.onOrAfter(LocalDate.of(2026, 6, 19))).isEqualTo(LocalDate.of(2026, 6, 22));
    }

    @Test
    void theLastBankingDayOfAnIsoWeekMovesBackBeforeAClosedFriday() {
        // Good Friday 2026 is 3 April: Thursday 2 April ends that week
        assertThat(calendar.isLastBankingDayOfIsoWeek(LocalDate.of(2026, 4, 2))).isTrue();
        assertThat(calendar.isLastBankingDayOfIsoWeek(LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(calendar.isLastBankingDayOfIsoWeek(LocalDate.of(2026, 4, 10))).isTrue();
        assertThat(calendar.isLastBankingDayOfIsoWeek(LocalDate.of(2026, 4, 11))).isFalse();
    }

    @Test
    void ascensionDayOnTheFirstOfMayIsOneClosedDay() {
        // Easter on 23 March 2008 put Ascension Day on 1 May
        assertThat(SwedishBankingCalendar.closedDays(2008)).contains(LocalDate.of(2008, 5, 1));
        assertThat(calendar.isBankingDay(LocalDate.of(2008, 5, 1))).isFalse();
    }
}
