package se.clientfunds.day;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.jobs.Causes;
import se.clientfunds.ledger.BusinessDays;

/**
 * The daily cycle as a schedule runs it: every banking day from the first not closed up to the banking day before
 * today, in order, each as {@code run-day} would. Which days are due is read from the books and the clock, never
 * from when the schedule fired (after a misfire Quartz reports the recovery time): a process down over a weekend and a
 * holiday catches up every banking day it missed, and no other day, at its next fire. It stops at the first day that
 * fails or does not close (a statement not arrived): the days after it cannot close before it.
 */
@Service
public class ScheduledCycle {

    /**
     * What one run did.
     *
     * @param due     the last day due (the banking day before today)
     * @param days    each day run, in order
     * @param stopped why it stopped before the last day due, or null when it ran them all or nothing was due
     * @param idle    why nothing ran, or null when something did
     */
    public record Run(LocalDate due, List<DayReport> days, String stopped, String idle) {

        public Run {
            days = List.copyOf(days);
        }

        public boolean failed() {
            return days.stream().anyMatch(DayReport::failed);
        }

        /** What needs someone: every day's attention, and why the run stopped. */
        public List<String> attention() {
            List<String> items = new ArrayList<>();
            days.forEach(day -> items.addAll(day.attention()));
            if (stopped != null) {
                items.add(stopped);
            }
            return items;
        }
    }

    private final DailyCycle cycle;
    private final BusinessDays businessDays;
    private final BankingCalendar calendar;
    private final Clock clock;
    private final Optional<LocalDate> firstDay;

    public ScheduledCycle(DailyCycle cycle, BusinessDays businessDays, BankingCalendar calendar, Clock clock,
                          @Value("${settlement.cycle.first-day:}") String firstDay) {
        this.cycle = cycle;
        this.businessDays = businessDays;
        this.calendar = calendar;
        this.clock = clock;
        this.firstDay = firstDay == null || firstDay.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(firstDay.trim()));
    }

    /** Runs every banking day due by the clock's today. */
    public Run runDue() {
        LocalDate today = LocalDate.now(clock);
        LocalDate due = calendar.previousBankingDay(today);
        List<DayReport> days = new ArrayList<>();
        Optional<LocalDate> lastClosed = businessDays.lastClosed();
        // a closed day whose reconciliation or reports did not complete is finished first
        if (lastClosed.isPresent() && !cycle.finished(lastClosed.get()) && !lastClosed.get().isAfter(due)) {
            DayReport finished;
            try {
                finished = cycle.run(lastClosed.get());
            } catch (RuntimeException refused) {
                return new Run(due, days, lastClosed.get() + " could not run: " + Causes.rootMessage(refused), null);
            }
            days.add(finished);
            if (finished.failed()) {
                return new Run(due, days, lastClosed.get() + " failed: the days after it wait", null);
            }
        }
        Optional<LocalDate> first = lastClosed.map(calendar::nextBankingDay)
                .or(() -> businessDays.all().keySet().stream().findFirst())
                .or(() -> firstDay.map(calendar::onOrAfter));
        if (first.isEmpty()) {
            return new Run(due, days, null, "no business day has been run on these books yet: run the first with"
                    + " 'settle run-day DATE' (or set settlement.cycle.first-day)");
        }
        if (first.get().isAfter(due)) {
            return new Run(due, days, null, days.isEmpty() ? "up to date: " + lastClosed.map(LocalDate::toString).orElse("nothing")
                    + " is closed, and " + first.get() + " is not due before " + calendar.nextBankingDay(first.get()) : null);
        }
        for (LocalDate day = first.get(); !day.isAfter(due); day = calendar.nextBankingDay(day)) {
            DayReport report;
            try {
                report = cycle.run(day);
            } catch (RuntimeException refused) {
                return new Run(due, days, day + " could not run: " + Causes.rootMessage(refused), null);
            }
            days.add(report);
            if (report.failed()) {
                return new Run(due, days, day + " failed" + (day.isBefore(due) ? ": the days after it up to " + due + " wait" : ""),
                        null);
            }
            if (!report.closed() && day.isBefore(due)) {
                return new Run(due, days, day + " did not close: the days after it up to " + due + " wait", null);
            }
        }
        return new Run(due, days, null, null);
    }
}
