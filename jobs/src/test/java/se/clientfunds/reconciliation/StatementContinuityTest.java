package se.clientfunds.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.calendar.SwedishBankingCalendar;
import se.clientfunds.money.Money;
import se.clientfunds.reconciliation.StatementContinuity.Statement;

class StatementContinuityTest {

    private static final LocalDate MON = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUE = LocalDate.of(2026, 3, 3);
    private static final LocalDate THU_BEFORE_EASTER = LocalDate.of(2026, 4, 2);
    private static final LocalDate TUE_AFTER_EASTER = LocalDate.of(2026, 4, 7);
    private static final LocalDate WED_AFTER_EASTER = LocalDate.of(2026, 4, 8);

    private final SwedishBankingCalendar calendar = new SwedishBankingCalendar();

    @Test
    void aStatementThatOpensWithThePreviousClosingAndFollowsItsSequenceNumberKeepsTheChain() {
        // given Monday's statement closing 100.00 as number 7, Tuesday's opening 100.00, closing 150.00, number 8
        List<Statement> latest = List.of(new Statement(TUE, 100_00L, 150_00L, 8L), new Statement(MON, 80_00L, 100_00L, 7L));
        // when
        StatementContinuity continuity = StatementContinuity.of(TUE, "SEK", latest, calendar);
        // then
        assertThat(continuity.closing()).isEqualTo(Money.ofMinor(150_00, "SEK"));
        assertThat(continuity.findings()).isEmpty();
        assertThat(continuity.unbroken()).isTrue();
    }

    @Test
    void noStatementOfTheDayIsAFindingAndNoClosing() {
        // given the latest statement is Monday's, the day Tuesday; and an account with no statement at all
        List<Statement> latest = List.of(new Statement(MON, 80_00L, 100_00L, 7L));
        // when
        StatementContinuity late = StatementContinuity.of(TUE, "SEK", latest, calendar);
        StatementContinuity none = StatementContinuity.of(TUE, "SEK", List.of(), calendar);
        // then
        assertThat(late.closing()).isNull();
        assertThat(late.findings()).containsExactly(ContinuityFinding.noStatement(TUE));
        assertThat(none.closing()).isNull();
        assertThat(none.findings()).containsExactly(ContinuityFinding.noStatement(TUE));
    }

    @Test
    void aBankingDayWithoutAStatementIsAGapButHolidaysAreNot() {
        // given statements of Thursday before Easter and of the Wednesday after, none of Tuesday (Good Friday and Easter
        // Monday are no banking days)
        List<Statement> latest = List.of(new Statement(WED_AFTER_EASTER, 100_00L, 120_00L, 9L),
                new Statement(THU_BEFORE_EASTER, 90_00L, 100_00L, 8L));
        // when
        StatementContinuity continuity = StatementContinuity.of(WED_AFTER_EASTER, "SEK", latest, calendar);
        // then
        assertThat(continuity.closing()).isEqualTo(Money.ofMinor(120_00, "SEK"));
        assertThat(continuity.findings()).containsExactly(
                ContinuityFinding.gap(TUE_AFTER_EASTER, THU_BEFORE_EASTER, WED_AFTER_EASTER));
    }

    @Test
    void anOpeningThatIsNotThePreviousClosingAndASequenceNumberThatDoesNotFollowAreFindingsInThatOrder() {
        // given Tuesday's statement opens with 99.99 after Monday closed with 100.00, and is number 10 after 7
        List<Statement> latest = List.of(new Statement(TUE, 99_99L, 150_00L, 10L), new Statement(MON, 80_00L, 100_00L, 7L));
        // when
        StatementContinuity continuity = StatementContinuity.of(TUE, "SEK", latest, calendar);
        // then
        assertThat(continuity.findings()).containsExactly(
                ContinuityFinding.openingDiffers(TUE, MON, Money.ofMinor(99_99, "SEK"), Money.ofMinor(100_00, "SEK")),
                ContinuityFinding.sequenceBreak(TUE, MON, 10, 7));
        assertThat(continuity.unbroken()).isFalse();
        assertThat(continuity.findings()).extracting(ContinuityFinding::describe).containsExactly(
                "the statement of 2026-03-03 opens with 99.99 SEK but the statement of 2026-03-02 closed with 100.00 SEK",
                "statement sequence number 10 does not follow 7");
    }

    @Test
    void balancesOrSequenceNumbersTheBankDidNotGiveAreNotCompared() {
        // given an MT940 without sequence numbers and a previous statement without a closing balance
        List<Statement> latest = List.of(new Statement(TUE, 1L, 150_00L, null), new Statement(MON, 80_00L, null, 7L));
        // when
        StatementContinuity continuity = StatementContinuity.of(TUE, "SEK", latest, calendar);
        // then
        assertThat(continuity.findings()).isEmpty();
        assertThat(continuity.closing()).isEqualTo(Money.ofMinor(150_00, "SEK"));
    }

    @Test
    void aStatementOfTheDayWithoutAClosingBalanceGivesNoClosing() {
        // given Tuesday's statement gives no CLBD
        List<Statement> latest = List.of(new Statement(TUE, 100_00L, null, 8L), new Statement(MON, 80_00L, 100_00L, 7L));
        // when
        StatementContinuity continuity = StatementContinuity.of(TUE, "SEK", latest, calendar);
        // then
        assertThat(continuity.closing()).isNull();
        assertThat(continuity.findings()).isEmpty();
    }
}
