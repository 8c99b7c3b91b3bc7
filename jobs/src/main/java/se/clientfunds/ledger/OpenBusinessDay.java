package se.clientfunds.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.outcome.InputError;

/**
 * The business day that something arriving now belongs to, read from the books and never from the wall clock: the
 * first banking day after the last closed one. A file imported without a date, an allocation by hand and an
 * operator's action are booked or counted on it.
 */
@Service
public class OpenBusinessDay {

    /** The day chosen and why, in words an operator can check ("the first banking day after 2026-01-07, the last closed"). */
    public record Choice(LocalDate date, String why) {
    }

    /** The books cannot tell which day it is: the operator must say (e.g. {@code --date}). */
    public static class UnclearException extends InputError {

        UnclearException(String message) {
            super(message);
        }
    }

    private final BusinessDays businessDays;
    private final BankingCalendar calendar;

    public OpenBusinessDay(BusinessDays businessDays, BankingCalendar calendar) {
        this.businessDays = businessDays;
        this.calendar = calendar;
    }

    /**
     * The first open business day after the last closed one. Refused, naming both dates, when a later day has been run
     * while the banking day after the last closed one never was; refused when no day has been run at all.
     */
    public Choice current() {
        Map<LocalDate, BusinessDays.Status> days = businessDays.all();
        Optional<LocalDate> lastClosed = days.entrySet().stream().filter(day -> day.getValue() == BusinessDays.Status.CLOSED)
                .map(Map.Entry::getKey).max(LocalDate::compareTo);
        List<LocalDate> openAfter = days.entrySet().stream().filter(day -> day.getValue() == BusinessDays.Status.OPEN)
                .map(Map.Entry::getKey).filter(day -> lastClosed.map(day::isAfter).orElse(true)).sorted().toList();
        if (lastClosed.isPresent()) {
            LocalDate next = calendar.nextBankingDay(lastClosed.get());
            if (openAfter.isEmpty() || openAfter.get(0).equals(next)) {
                return new Choice(next, "the first banking day after " + lastClosed.get() + ", the last day closed");
            }
            throw new UnclearException("cannot tell which business day this belongs to: " + next + " is the first banking day"
                    + " after " + lastClosed.get() + " (the last day closed) but it was never run, while " + openAfter.get(0)
                    + " was; give the date (--date " + next + " or --date " + openAfter.get(0) + ")");
        }
        if (!openAfter.isEmpty()) {
            return new Choice(openAfter.get(0), "the first business day run, still open (no day has closed yet)");
        }
        throw new UnclearException("no business day has been run on these books yet, so the day this belongs to cannot be told"
                + " from them; give the date (--date yyyy-MM-dd)");
    }
}
