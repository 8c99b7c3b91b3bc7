package se.clientfunds.close;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import se.clientfunds.calendar.SwedishBankingCalendar;
import se.clientfunds.ledger.BusinessDays.Status;

class ClosingOrderTest {

    private static final LocalDate FRI_2 = LocalDate.of(2026, 1, 2);
    private static final LocalDate MON_5 = LocalDate.of(2026, 1, 5);
    private static final LocalDate WED_7 = LocalDate.of(2026, 1, 7); // the 6th is Epiphany
    private static final LocalDate THU_8 = LocalDate.of(2026, 1, 8);

    private final ClosingOrder order = new ClosingOrder(new SwedishBankingCalendar());

    @Test
    void firstDayEverClosesAlone() {
        assertThat(order.daysToClose(FRI_2, Map.of())).containsExactly(FRI_2);
    }

    @Test
    void earlierOpenDaysCloseFirstInDateOrder() {
        // given: the 2nd closed, the 5th and 7th run but left open (the system was down at close)
        Map<LocalDate, Status> days = days(FRI_2, Status.CLOSED, MON_5, Status.OPEN, WED_7, Status.OPEN);
        // when / then: the weekend and Epiphany are not banking days and are skipped
        assertThat(order.daysToClose(THU_8, days)).containsExactly(MON_5, WED_7, THU_8);
    }

    @Test
    void aBankingDayNeverRunRefusesTheCloseNamingIt() {
        Map<LocalDate, Status> days = days(FRI_2, Status.CLOSED, WED_7, Status.OPEN);
        assertThatThrownBy(() -> order.daysToClose(WED_7, days))
                .hasMessage("cannot close 2026-01-07: banking day 2026-01-05 was never run, so its inputs are missing;"
                        + " run run-day 2026-01-05 first");
    }

    @Test
    void aClosedDayHasNothingToClose() {
        assertThat(order.daysToClose(FRI_2, days(FRI_2, Status.CLOSED))).isEmpty();
    }

    @Test
    void aDayBeforeTheLastClosedOneCannotClose() {
        Map<LocalDate, Status> days = days(FRI_2, Status.OPEN, MON_5, Status.CLOSED);
        assertThatThrownBy(() -> order.daysToClose(FRI_2, days)).hasMessageContaining("2026-01-05 is already closed");
    }

    @Test
    void aHolidayIsNotClosed() {
        assertThatThrownBy(() -> order.daysToClose(LocalDate.of(2026, 1, 6), Map.of()))
                .hasMessageContaining("2026-01-06 is not a banking day");
    }

    private static Map<LocalDate, Status> days(Object... dayAndStatus) {
        Map<LocalDate, Status> days = new TreeMap<>();
        for (int i = 0; i < dayAndStatus.length; i += 2) {
            days.put((LocalDate) dayAndStatus[i], (Status) dayAndStatus[i + 1]);
        }
        return days;
    }
}
