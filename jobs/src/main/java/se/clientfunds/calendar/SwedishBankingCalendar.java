package se.clientfunds.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Swedish banking days: not weekends, not Swedish public holidays, and not the three eves on which
 * Swedish banks are closed (Midsummer Eve, Christmas Eve, New Year's Eve).
 *
 * <p>The public holidays come from jollyday's Swedish calendar (Lag 1989:253 om allmänna helgdagar), so
 * no yearly reference data and no computus of our own.
 */
public final class SwedishBankingCalendar implements BankingCalendar {

    // reading jollyday's holiday XML is the expensive part: once per JVM, not per calendar or per year
    private static final HolidayManager SWEDISH_HOLIDAYS =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));

    private final Map<Integer, Set<LocalDate>> closedDaysByYear = new ConcurrentHashMap<>();

    @Override
    public boolean isBankingDay(LocalDate date) {
        if (BankingCalendars.isWeekend(date)) {
            return false;
        }
        return !closedDaysByYear.computeIfAbsent(date.getYear(), SwedishBankingCalendar::closedDays).contains(date);
    }

    /** Public holidays and bank-closed eves of a year, including those that fall on a weekend. */
    public static Set<LocalDate> closedDays(int year) {
        Set<LocalDate> closed = new HashSet<>();
        for (Holiday holiday : SWEDISH_HOLIDAYS.getHolidays(Year.of(year))) {
            closed.add(holiday.getDate());
        }
        // The eves are not public holidays by law, only days the banks close. jollyday 2.19.0 lists them too;
        // adding them here keeps the banks closed should jollyday ever keep to the letter of the law.
        closed.add(LocalDate.of(year, Month.JUNE, 19).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY))); // midsommarafton
        closed.add(LocalDate.of(year, Month.DECEMBER, 24)); // julafton
        closed.add(LocalDate.of(year, Month.DECEMBER, 31)); // nyårsafton
        return Set.copyOf(closed);
    }
}
