package se.clientfunds.report.monthly;

import java.time.LocalDate;
import java.util.List;

import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.SafeguardingAction;

/** A day of the month with a safeguarding shortfall, and the actions recorded about it (none: it says so in red). */
public record ShortfallDay(LocalDate day, Amount shortfall, List<SafeguardingAction> actions) {

    public ShortfallDay {
        if (day == null || shortfall == null || shortfall.minor() <= 0) {
            throw new IllegalArgumentException("a shortfall day needs its day and a positive shortfall, got " + day + " " + shortfall);
        }
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
