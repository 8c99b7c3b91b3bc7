package se.clientfunds.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which problems are one problem: told once a day however their cause is worded each time it is met. */
class ProblemKeyTest {

    private static final LocalDate MON_5 = LocalDate.of(2026, 1, 5);

    @Test
    void theSameJobFailingOnTheSameDayIsOneProblemWhateverTheCauseSaysThisTime() {
        Problem first = new Problem(MON_5, Problem.Status.FAILED, "allocatePaymentsJob (job execution 41) failed: Connection is"
                + " not available, request timed out after 30004ms", List.of(), "allocatePaymentsJob");
        Problem again = new Problem(MON_5, Problem.Status.FAILED, "allocatePaymentsJob (job execution 44) failed: Connection is"
                + " not available, request timed out after 30012ms", List.of(), "allocatePaymentsJob");
        Problem otherJob = new Problem(MON_5, Problem.Status.FAILED, first.summary(), List.of(), "closeBusinessDayJob");
        Problem nextDay = new Problem(MON_5.plusDays(1), Problem.Status.FAILED, first.summary(), List.of(), "allocatePaymentsJob");

        assertThat(Notifications.key(again)).isEqualTo(Notifications.key(first));
        assertThat(List.of(Notifications.key(otherJob), Notifications.key(nextDay))).doesNotContain(Notifications.key(first))
                .doesNotHaveDuplicates();
    }

    @Test
    void withoutASubjectTheSummaryLessItsExecutionIdsSaysWhichProblemItIs() {
        Problem shortfall = new Problem(MON_5, Problem.Status.NEEDS_ATTENTION, "safeguarding shortfall of 12.50 SEK", List.of());
        Problem restarted = new Problem(MON_5, Problem.Status.NEEDS_ATTENTION, "reconcileJob (job execution 7) left a break",
                List.of());
        Problem restartedAgain = new Problem(MON_5, Problem.Status.NEEDS_ATTENTION, "reconcileJob (job execution 9) left a break",
                List.of());
        Problem larger = new Problem(MON_5, Problem.Status.NEEDS_ATTENTION, "safeguarding shortfall of 99.00 SEK", List.of());

        assertThat(Notifications.key(restartedAgain)).isEqualTo(Notifications.key(restarted));
        assertThat(Notifications.key(larger)).isNotEqualTo(Notifications.key(shortfall));
    }
}
