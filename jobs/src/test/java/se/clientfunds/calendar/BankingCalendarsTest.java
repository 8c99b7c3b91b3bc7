package se.clientfunds.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.SortedSet;

import org.junit.jupiter.api.Test;

class BankingCalendarsTest {

    private final BankingCalendars calendars = new BankingCalendars();

    @Test
    void eurosSettleOnTarget2() {
        // when
        BankingCalendar calendar = calendars.forCurrency("EUR");

        // then: open on Swedish Midsummer Eve, closed on 1 May
        assertThat(calendar.name()).isEqualTo("TARGET2");
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 6, 19))).isTrue();
        assertThat(calendar.isBankingDay(LocalDate.of(2026, 5, 1))).isFalse();
    }

    @Test
    void everyOtherCurrencySettlesOnSwedishBankingDays() {
        for (String currency : new String[] {"SEK", "USD", "NOK"}) {
            // when
            BankingCalendar calendar = calendars.forCurrency(currency);

            // then
            assertThat(calendar.name()).as(currency).isEqualTo("Swedish");
            assertThat(calendar.isBankingDay(LocalDate.of(2026, 6, 19))).as(currency).isFalse();
        }
    }

    @Test
    void everyTarget2ClosingDayIsASwedishOneSoAEuroAccountIsOpenOnEveryBusinessDay() {
        // the business days are Swedish banking days: a euro client-funds account needs no calendar of its own for
        // which days it expects a statement, because TARGET2 is open on each of them (2024-2030)
        SortedSet<LocalDate> target2 = BankingCalendars.closedWeekdays(new Target2Calendar(), 2024, 2030);
        SortedSet<LocalDate> swedish = BankingCalendars.closedWeekdays(new SwedishBankingCalendar(), 2024, 2030);

        assertThat(target2).hasSizeGreaterThan(25);
        assertThat(swedish).containsAll(target2);
    }

    @Test
    void refusesWhatIsNotACurrencyCode() {
        assertThatThrownBy(() -> calendars.forCurrency("eur"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("currency 'eur' is not a three-letter ISO 4217 code");
    }

    @Test
    void closedWeekdaysOfTarget2Over2026And2027() {
        // when
        SortedSet<LocalDate> closed = BankingCalendars.closedWeekdays(new Target2Calendar(), 2026, 2027);

        // then: 26 December 2026 is a Saturday; 1 May and Christmas 2027 fall on weekends
        assertThat(closed).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 12, 25),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29));
    }

    @Test
    void closedWeekdaysOfSweden2027() {
        // when
        SortedSet<LocalDate> closed = BankingCalendars.closedWeekdays(new SwedishBankingCalendar(), 2027, 2027);

        // then
        assertThat(closed).containsExactly(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 6), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29),
                LocalDate.of(2027, 5, 6), LocalDate.of(2027, 6, 25), LocalDate.of(2027, 12, 24),
                LocalDate.of(2027, 12, 31));
    }

    @Test
    void refusesAYearRangeThatRunsBackwards() {
        assertThatThrownBy(() -> BankingCalendars.closedWeekdays(new Target2Calendar(), 2027, 2026))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toYear 2026 is before fromYear 2027");
    }
}
