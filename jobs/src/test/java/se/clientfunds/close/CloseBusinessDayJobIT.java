package se.clientfunds.close;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayJobs;
import se.clientfunds.jobs.JobName;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.ledger.JournalEntry;
import se.clientfunds.ledger.JournalLine;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.ledger.LedgerAccount;
import se.clientfunds.ledger.LedgerEvent;
import se.clientfunds.money.Money;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestStatements;

@SpringBootTest(classes = JobsTestApplication.class)
class CloseBusinessDayJobIT {

    private static final String IBAN = "SE4550000000058398257466";
    private static final LocalDate FRI_2 = LocalDate.of(2026, 1, 2);
    private static final LocalDate MON_5 = LocalDate.of(2026, 1, 5);
    private static final LocalDate WED_7 = LocalDate.of(2026, 1, 7);

    @Autowired
    DayJobs dayJobs;

    @Autowired
    Ledger ledger;

    @Autowired
    BusinessDays businessDays;

    @Autowired
    Positions positions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabaseAndTheStatementsArrived() {
        DatabaseReset.emptyAllTables(jdbc);
        // these tests are about the close itself: the bank's statements of the days are in
        for (LocalDate day : List.of(FRI_2, MON_5, WED_7)) {
            TestStatements.arrived(jdbc, IBAN, day, 0, 0);
        }
    }

    @Test
    void aDayWhoseStatementHasNotArrivedDoesNotClose() {
        // given money received on a day whose statement is not in
        jdbc.update("DELETE FROM bank_section WHERE closing_date = ?", Date.valueOf(MON_5));
        businessDays.open(MON_5);
        receive(MON_5, "BK1", 100_00);
        dayJobs.run(JobName.ALLOCATE_PAYMENTS, MON_5);
        dayJobs.run(JobName.REFUNDS_AND_PAYOUTS, MON_5);

        // when
        DayJobOutcome outcome = dayJobs.run(JobName.CLOSE_BUSINESS_DAY, MON_5);

        // then
        assertThat(outcome.status()).isEqualTo(DayJobOutcome.Status.FAILED);
        assertThat(outcome.summary()).isEqualTo("step closeBusinessDays: cannot close 2026-01-05: the statement (camt.053 or"
                + " MT940) of SE4550000000058398257466 (Client funds SEK (test)) for 2026-01-05 has not arrived; the day stays"
                + " open (settlement.close.without-statement is false)");
        assertThat(businessDays.status(MON_5)).contains(BusinessDays.Status.OPEN);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_position", Integer.class)).isZero();
    }

    @AfterEach
    void dropFaultTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_corrupt_position");
    }

    @Test
    void closingALaterDayClosesTheOpenDaysBeforeItInOrderWithOpeningsCarried() {
        // given two days run but not closed, money received on each, some allocated on the second
        businessDays.open(FRI_2);
        businessDays.open(MON_5);
        receive(FRI_2, "BK1", 100_00);
        receive(MON_5, "BK2", 50_00);
        ledger.post(JournalEntry.of(MON_5, LedgerEvent.PAYMENT_ALLOCATED, IBAN + "/BK1", null,
                JournalLine.debit(LedgerAccount.UNALLOCATED, sek(100_00)), JournalLine.credit(LedgerAccount.client("CL1"), sek(98_00)),
                JournalLine.credit(LedgerAccount.PLATFORM_FEES, sek(2_00))));

        // when the later day is closed: first refused while the earlier day's postings are not done, then closing both
        DayJobOutcome refused = dayJobs.run(JobName.CLOSE_BUSINESS_DAY, MON_5);
        assertThat(refused.status()).isEqualTo(DayJobOutcome.Status.FAILED);
        assertThat(refused.summary()).isEqualTo("step closeBusinessDays: cannot close 2026-01-05: the earlier day 2026-01-02 is"
                + " open and its allocatePaymentsJob has not completed; run run-day 2026-01-02 first");
        assertThat(businessDays.status(FRI_2)).contains(BusinessDays.Status.OPEN);
        dayJobs.run(JobName.ALLOCATE_PAYMENTS, FRI_2);
        dayJobs.run(JobName.REFUNDS_AND_PAYOUTS, FRI_2);
        DayJobOutcome outcome = dayJobs.run(JobName.CLOSE_BUSINESS_DAY, MON_5);

        // then both closed, oldest first, and the second opened with the first one's closing
        assertThat(outcome.status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        assertThat(outcome.summary()).startsWith("closed 2026-01-02, 2026-01-05 (");
        assertThat(businessDays.status(FRI_2)).contains(BusinessDays.Status.CLOSED);
        assertThat(businessDays.status(MON_5)).contains(BusinessDays.Status.CLOSED);
        assertThat(lines(positions.closed(FRI_2))).containsExactly(
                "BANK:" + IBAN + " 0.00 100.00 0.00 100.00", "UNALLOCATED 0.00 0.00 100.00 100.00");
        assertThat(lines(positions.closed(MON_5))).containsExactly(
                "BANK:" + IBAN + " 100.00 50.00 0.00 150.00", "CLIENT:CL1 0.00 0.00 98.00 98.00",
                "UNALLOCATED 100.00 100.00 50.00 50.00", "PLATFORM_FEES 0.00 0.00 2.00 2.00");
        // and nothing can post on a closed day any more
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_position", Long.class)).isEqualTo(6);
    }

    @Test
    void aBankingDayNeverRunRefusesTheCloseAndClosesNothing() {
        // given the 2nd closed, the 7th run, the 5th never run
        businessDays.open(FRI_2);
        receive(FRI_2, "BK1", 100_00);
        assertThat(dayJobs.run(JobName.CLOSE_BUSINESS_DAY, FRI_2).status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        businessDays.open(WED_7);

        // when
        DayJobOutcome outcome = dayJobs.run(JobName.CLOSE_BUSINESS_DAY, WED_7);

        // then
        assertThat(outcome.status()).isEqualTo(DayJobOutcome.Status.FAILED);
        assertThat(outcome.summary()).isEqualTo("step closeBusinessDays: cannot close 2026-01-07: banking day 2026-01-05 was never"
                + " run, so its inputs are missing; run run-day 2026-01-05 first");
        assertThat(businessDays.status(WED_7)).contains(BusinessDays.Status.OPEN);
    }

    @Test
    void aBrokenInvariantFailsTheCloseWithTheDifferenceAndLeavesTheDayOpen() {
        // given a day with money in it, and positions that come out wrong (a fault planted in the database)
        businessDays.open(FRI_2);
        receive(FRI_2, "BK1", 100_00);
        jdbc.execute("CREATE TRIGGER test_corrupt_position BEFORE INSERT ON account_position FOR EACH ROW"
                + " BEGIN IF NEW.account = 'UNALLOCATED' THEN SET NEW.closing_minor = NEW.closing_minor - 1; END IF; END");

        // when
        DayJobOutcome outcome = dayJobs.run(JobName.CLOSE_BUSINESS_DAY, FRI_2);

        // then it fails loudly naming both sides and the difference; nothing is written, the day stays open
        assertThat(outcome.status()).isEqualTo(DayJobOutcome.Status.FAILED);
        assertThat(outcome.summary()).isEqualTo("step closeBusinessDays: business day 2026-01-02 does not close: SEK: BANK 100.00"
                + " but CLIENT + UNALLOCATED + DEBTOR_CREDIT + PLATFORM_FEES 99.99, a difference of 0.01");
        assertThat(businessDays.status(FRI_2)).contains(BusinessDays.Status.OPEN);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_position", Long.class)).isZero();

        // when the fault is gone and the close runs again, it is restarted and closes the day
        jdbc.execute("DROP TRIGGER test_corrupt_position");
        assertThat(dayJobs.run(JobName.CLOSE_BUSINESS_DAY, FRI_2).status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        assertThat(businessDays.status(FRI_2)).contains(BusinessDays.Status.CLOSED);
    }

    @Test
    void provisionalPositionsOfAnOpenDayAreWhatItWouldCloseWith() {
        businessDays.open(FRI_2);
        receive(FRI_2, "BK1", 100_00);
        List<Position> provisional = positions.provisional(FRI_2);
        dayJobs.run(JobName.CLOSE_BUSINESS_DAY, FRI_2);
        assertThat(positions.closed(FRI_2)).isEqualTo(provisional);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM business_day WHERE business_date = ? AND status = 'CLOSED'",
                Long.class, Date.valueOf(FRI_2))).isEqualTo(1);
    }

    private void receive(LocalDate day, String reference, long minor) {
        ledger.post(JournalEntry.of(day, LedgerEvent.PAYMENT_RECEIVED, IBAN + "/" + reference, null,
                JournalLine.debit(LedgerAccount.bank(IBAN), sek(minor)), JournalLine.credit(LedgerAccount.UNALLOCATED, sek(minor))));
    }

    private static List<String> lines(List<Position> positions) {
        return positions.stream().map(p -> p.account() + " " + p.opening().toDecimalString() + " " + p.debit().toDecimalString()
                + " " + p.credit().toDecimalString() + " " + p.closing().toDecimalString()).toList();
    }

    private static Money sek(long minor) {
        return Money.ofMinor(minor, "SEK");
    }
}
