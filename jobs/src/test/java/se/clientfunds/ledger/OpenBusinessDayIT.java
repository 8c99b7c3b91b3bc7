package se.clientfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;

/** The day a file or an action belongs to is read from the books, never from the wall clock. */
@SpringBootTest(classes = JobsTestApplication.class)
class OpenBusinessDayIT {

    @Autowired
    OpenBusinessDay openBusinessDay;

    @Autowired
    BusinessDays businessDays;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        DatabaseReset.emptyAllTables(jdbc);
    }

    @Test
    void isTheBankingDayAfterTheLastClosedOneWhateverTheClockSays() {
        // given: Friday 2 January 2026 closed; Monday 5 January is next (the weekend skipped)
        businessDays.close(LocalDate.of(2026, 1, 2));

        // when
        OpenBusinessDay.Choice choice = openBusinessDay.current();

        // then
        assertThat(choice.date()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(choice.why()).isEqualTo("the first banking day after 2026-01-02, the last day closed");
    }

    @Test
    void isTheDayStillOpenWhenItWasRun() {
        // given: 5 January closed, 7 January (after Epiphany) run and waiting for its statement
        businessDays.close(LocalDate.of(2026, 1, 5));
        businessDays.open(LocalDate.of(2026, 1, 7));

        // then
        assertThat(openBusinessDay.current().date()).isEqualTo(LocalDate.of(2026, 1, 7));
    }

    @Test
    void isRefusedNamingBothDatesWhenTheNextBankingDayWasSkipped() {
        // given: 2 January closed, 7 January run while 5 January never was
        businessDays.close(LocalDate.of(2026, 1, 2));
        businessDays.open(LocalDate.of(2026, 1, 7));

        // then
        assertThatThrownBy(() -> openBusinessDay.current()).isInstanceOf(OpenBusinessDay.UnclearException.class)
                .hasMessage("cannot tell which business day this belongs to: 2026-01-05 is the first banking day after"
                        + " 2026-01-02 (the last day closed) but it was never run, while 2026-01-07 was; give the date"
                        + " (--date 2026-01-05 or --date 2026-01-07)");
    }

    @Test
    void isTheFirstDayRunWhenNoneHasClosedAndRefusedOnNewBooks() {
        assertThatThrownBy(() -> openBusinessDay.current()).isInstanceOf(OpenBusinessDay.UnclearException.class)
                .hasMessageContaining("no business day has been run on these books yet")
                .hasMessageContaining("--date yyyy-MM-dd");

        businessDays.open(LocalDate.of(2026, 1, 2));

        assertThat(openBusinessDay.current().date()).isEqualTo(LocalDate.of(2026, 1, 2));
    }
}
