package se.clientfunds.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Tells banking days from non-banking days and counts in banking days. */
public interface BankingCalendar {

    boolean isBankingDay(LocalDate date);

    /** Whose banking days these are, as a sentence names them: "Swedish". */
    default String name() {
        return "Swedish";
    }

    /**
     * Refuses a date that is not a banking day, with the same words whichever command asked: the date, its weekday,
     * why it is not a banking day, and the banking days on either side of it.
     */
    default LocalDate requireBankingDay(LocalDate date) {
        if (isBankingDay(date)) {
            return date;
        }
        java.time.DayOfWeek weekday = date.getDayOfWeek();
        String dayName = weekday.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        String why = weekday == java.time.DayOfWeek.SATURDAY || weekday == java.time.DayOfWeek.SUNDAY ? "a weekend"
                : "a public holiday or a day the banks are closed";
        throw new NotABankingDayException(date, date + " (" + dayName + ") is not a " + name() + " banking day (" + why
                + "): nothing is booked, closed or reported on it; the banking days around it are " + previousBankingDay(date)
                + " and " + nextBankingDay(date));
    }

    /** The first banking day strictly after the date. */
    default LocalDate nextBankingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isBankingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The last banking day strictly before the date. */
    default LocalDate previousBankingDay(LocalDate date) {
        LocalDate previous = date.minusDays(1);
        while (!isBankingDay(previous)) {
            previous = previous.minusDays(1);
        }
        return previous;
    }

    /** The date itself when it is a banking day, otherwise the next banking day. */
    default LocalDate onOrAfter(LocalDate date) {
        return isBankingDay(date) ? date : nextBankingDay(date);
    }

    /** Moves the date by a number of banking days (negative counts backwards). */
    default LocalDate plusBankingDays(LocalDate date, int days) {
        LocalDate result = date;
        for (int i = 0; i < Math.abs(days); i++) {
            result = days > 0 ? nextBankingDay(result) : previousBankingDay(result);
        }
        return result;
    }

    /** Banking days in (from, to]: 0 when both are the same day, negative when {@code to} is before {@code from}. */
    default long bankingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -bankingDaysBetween(to, from);
        }
        long count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isBankingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** Whether the date is the last banking day of its ISO week (WEEKLY payouts run then). */
    default boolean isLastBankingDayOfIsoWeek(LocalDate date) {
        if (!isBankingDay(date)) {
            return false;
        }
        LocalDate next = nextBankingDay(date);
        return ChronoUnit.DAYS.between(date.with(java.time.DayOfWeek.MONDAY), next) >= 7;
    }
}
