package se.clientfunds.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Euro settlement days of TARGET2 (T2 since March 2023): not weekends, New Year's Day, Good Friday, Easter
 * Monday, 1 May, 25 and 26 December. The closing days come from jollyday's {@code TARGET} calendar, which
 * follows the ECB's decisions on TARGET closing days; national holidays of euro countries do not close it.
 */
public final class Target2Calendar implements BankingCalendar {

    private static final HolidayManager TARGET_CLOSING_DAYS =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.TARGET));

    private final Map<Integer, Set<LocalDate>> closedDaysByYear = new ConcurrentHashMap<>();

    @Override
    public boolean isBankingDay(LocalDate date) {
        if (BankingCalendars.isWeekend(date)) {
            return false;
        }
        return !closedDaysByYear.computeIfAbsent(date.getYear(), Target2Calendar::closedDays).contains(date);
    }

    @Override
    public String name() {
        return "TARGET2";
    }

    /** The closing days of a year besides weekends, including those that fall on a weekend (26 December 2026). */
    public static Set<LocalDate> closedDays(int year) {
        Set<LocalDate> closed = new HashSet<>();
        for (Holiday holiday : TARGET_CLOSING_DAYS.getHolidays(Year.of(year))) {
            closed.add(holiday.getDate());
        }
        return Set.copyOf(closed);
    }
}
