package se.clientfunds.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Swedish banking days: not weekends, not Swedish public holidays, and not the three eves on which
 * Swedish banks are closed (Midsummer Eve, Christmas Eve, New Year's Eve).
 *
 * <p>The public holidays are fixed by law (Lag 1989:253 om allmänna helgdagar); computing them from that
 * rule keeps the calendar correct for any year without yearly reference data. The moving ones follow
 * Easter (Gregorian computus) or fall on the Saturday of a fixed week.
 */
public final class SwedishBankingCalendar implements BankingCalendar {

    private final Map<Integer, Set<LocalDate>> closedDaysByYear = new ConcurrentHashMap<>();

    @Override
    public boolean isBankingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        return !closedDaysByYear.computeIfAbsent(date.getYear(), SwedishBankingCalendar::closedDays).contains(date);
    }

    /** Public holidays and bank-closed eves of a year, including those that fall on a weekend. */
    public static Set<LocalDate> closedDays(int year) {
        LocalDate easter = easterSunday(year);
        LocalDate midsummerDay = LocalDate.of(year, Month.JUNE, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        LocalDate allSaintsDay = LocalDate.of(year, Month.OCTOBER, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        // a set, not Set.of: Ascension Day falls on 1 May when Easter is on 23 March (2008)
        return Set.copyOf(java.util.List.of(
                MonthDay.of(1, 1).atYear(year),      // nyårsdagen
                MonthDay.of(1, 6).atYear(year),      // trettondedag jul
                easter.minusDays(2),                 // långfredagen
                easter,                              // påskdagen
                easter.plusDays(1),                  // annandag påsk
                MonthDay.of(5, 1).atYear(year),      // första maj
                easter.plusDays(39),                 // Kristi himmelsfärdsdag
                easter.plusDays(49),                 // pingstdagen
                MonthDay.of(6, 6).atYear(year),      // Sveriges nationaldag
                midsummerDay.minusDays(1),           // midsommarafton (bank holiday)
                midsummerDay,                        // midsommardagen
                allSaintsDay,                        // alla helgons dag
                MonthDay.of(12, 24).atYear(year),    // julafton (bank holiday)
                MonthDay.of(12, 25).atYear(year),    // juldagen
                MonthDay.of(12, 26).atYear(year),    // annandag jul
                MonthDay.of(12, 31).atYear(year))); // nyårsafton (bank holiday)
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
