package se.clientfunds.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import se.clientfunds.money.CurrencyCodes;

/** Which banking calendar settles a currency: TARGET2 for euros, the Swedish banks' for everything else. */
public final class BankingCalendars {

    private static final String EURO = "EUR";

    private final BankingCalendar swedish;
    private final BankingCalendar target2;

    public BankingCalendars() {
        this(new SwedishBankingCalendar(), new Target2Calendar());
    }

    public BankingCalendars(BankingCalendar swedish, BankingCalendar target2) {
        this.swedish = swedish;
        this.target2 = target2;
    }

    /** The calendar on which payments in the currency (an ISO 4217 code, "EUR") settle. */
    public BankingCalendar forCurrency(String currency) {
        return EURO.equals(CurrencyCodes.parse(currency).getCurrencyCode()) ? target2 : swedish;
    }

    /**
     * The days from 1 January of {@code fromYear} to 31 December of {@code toYear} that fall on a weekday but are
     * not banking days: what a scheduler that already skips weekends must skip as well.
     */
    public static SortedSet<LocalDate> closedWeekdays(BankingCalendar calendar, int fromYear, int toYear) {
        if (toYear < fromYear) {
            throw new IllegalArgumentException("toYear " + toYear + " is before fromYear " + fromYear);
        }
        SortedSet<LocalDate> closed = new TreeSet<>();
        LocalDate end = LocalDate.of(toYear, 12, 31);
        for (LocalDate d = LocalDate.of(fromYear, 1, 1); !d.isAfter(end); d = d.plusDays(1)) {
            if (!isWeekend(d) && !calendar.isBankingDay(d)) {
                closed.add(d);
            }
        }
        return Collections.unmodifiableSortedSet(closed);
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
