package se.clientfunds.close;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.outcome.InputError;

/**
 * Which days a close of business date D must close, in order: every day still open from the first one after the
 * last closed day up to D (catch-up). A banking day in between that was never run has no inputs: closing it would
 * lock a day nobody looked at, so the close is refused, naming that day.
 */
public final class ClosingOrder {

    private final BankingCalendar calendar;

    public ClosingOrder(BankingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * @param days the business days recorded so far with their status (the first one is when the books began)
     */
    public List<LocalDate> daysToClose(LocalDate businessDate, Map<LocalDate, BusinessDays.Status> days) {
        if (!calendar.isBankingDay(businessDate)) {
            throw new InputError(businessDate + " is not a banking day: there is nothing to close");
        }
        if (days.get(businessDate) == BusinessDays.Status.CLOSED) {
            return List.of();
        }
        Optional<LocalDate> lastClosed = days.entrySet().stream().filter(day -> day.getValue() == BusinessDays.Status.CLOSED)
                .map(Map.Entry::getKey).max(LocalDate::compareTo);
        if (lastClosed.isPresent() && lastClosed.get().isAfter(businessDate)) {
            throw new InputError("business day " + lastClosed.get() + " is already closed: " + businessDate
                    + " before it cannot close any more (days close in order)");
        }
        Optional<LocalDate> firstKnown = days.keySet().stream().min(LocalDate::compareTo);
        LocalDate from = lastClosed.map(day -> day.plusDays(1)).or(() -> firstKnown).orElse(businessDate);
        List<LocalDate> toClose = new ArrayList<>();
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(businessDate); day = day.plusDays(1)) {
            if (days.get(day) == BusinessDays.Status.OPEN) {
                toClose.add(day);
            } else if (calendar.isBankingDay(day)) {
                missing.add(day);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputError("cannot close " + businessDate + ": banking day" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing.stream().map(LocalDate::toString).toList())
                    + (missing.size() == 1 ? " was" : " were") + " never run, so its inputs are missing; run run-day "
                    + missing.get(0) + " first");
        }
        toClose.add(businessDate);
        return toClose;
    }
}
