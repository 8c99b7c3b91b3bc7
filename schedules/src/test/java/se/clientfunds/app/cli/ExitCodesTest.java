package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.app.Console;
import se.clientfunds.calendar.NotABankingDayException;
import se.clientfunds.database.HomeInUseException;
import se.clientfunds.operations.OperationRefused;
import se.clientfunds.outcome.InputError;
import se.clientfunds.outcome.JobFailed;

/** Exit codes follow the outcome's type, wherever it was met, never which JDK exception escaped. */
class ExitCodesTest {

    @Test
    void anInputErrorIsTwoAndSaidInItsOwnWordsEvenWhenAnotherExceptionWrapsIt() {
        // given: refusals met in the command, in the application, and wrapped by a framework on the way out
        List<RuntimeException> refusals = List.of(new InputError("break 7 is resolved already"),
                new HomeInUseException("the settlement home's database in /h/db is in use by settle serve"),
                new NotABankingDayException(LocalDate.of(2026, 6, 19), "2026-06-19 (Friday) is not a banking day"),
                new OperationRefused("execution 12 is running"),
                new IllegalStateException("Failed to execute CommandLineRunner", new InputError("the reports of 2026-03-04 need the"
                        + " day closed and reconciled")));
        // when / then
        assertThat(refusals).extracting(SettleCommand::exitCode).containsOnly(SettleCommand.INPUT_ERROR);
        assertThat(refusals).extracting(SettleCommand::failure).containsExactly("break 7 is resolved already",
                "the settlement home's database in /h/db is in use by settle serve", "2026-06-19 (Friday) is not a banking day",
                "execution 12 is running", "the reports of 2026-03-04 need the day closed and reconciled");
    }

    @Test
    void aFailedJobAndAnythingUnforeseenAreOneWithTheRootCauseInOneLine() {
        // given
        JobFailed failed = new JobFailed("reportsJob of 2026-03-04 version 2 (job execution 41) failed: disk full");
        IllegalArgumentException unforeseen = new IllegalArgumentException("amount '1.5' must have exactly 2 decimals for SEK");
        RuntimeException wrapped = new RuntimeException("step failed", new java.io.UncheckedIOException("writing",
                new java.io.IOException("No space left on device")));
        // when / then: an IllegalArgumentException is not taken for the operator's error any more
        assertThat(List.of(failed, unforeseen, wrapped)).extracting(SettleCommand::exitCode).containsOnly(SettleCommand.JOB_FAILED);
        assertThat(SettleCommand.failure(failed)).isEqualTo(failed.getMessage());
        assertThat(SettleCommand.failure(wrapped)).isEqualTo("No space left on device");
    }

    @Test
    void anOutcomeThatNeedsAttentionIsThreeAndSaysEachThingInItsOwnLine() {
        // given
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(err), false);
        // when
        int attention = SettleCommand.attention(console, () -> List.of("safeguarding shortfall of 12.50 SEK",
                "1 unexplained difference"));
        int fine = SettleCommand.attention(console, List::of);
        // then
        assertThat(attention).isEqualTo(SettleCommand.NEEDS_ATTENTION);
        assertThat(fine).isEqualTo(SettleCommand.OK);
        assertThat(err.toString().lines()).containsExactly("NEEDS ATTENTION: safeguarding shortfall of 12.50 SEK",
                "NEEDS ATTENTION: 1 unexplained difference");
    }
}
