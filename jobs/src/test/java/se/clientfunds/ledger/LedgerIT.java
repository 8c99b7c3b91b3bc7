package se.clientfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.money.Money;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;

@SpringBootTest(classes = JobsTestApplication.class)
class LedgerIT {

    private static final String BANK_IBAN = "SE4550000000058398257466";
    private static final LocalDate DAY_1 = LocalDate.of(2026, 3, 2);
    private static final LocalDate DAY_2 = LocalDate.of(2026, 3, 3);

    @Autowired
    Ledger ledger;

    @Autowired
    BusinessDays businessDays;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        DatabaseReset.emptyAllTables(jdbc);
    }

    @Test
    void postsABalancedEntryAndKeepsBalancesInMinorUnits() {
        // given
        JournalEntry received = paymentReceived("PAY-1", DAY_1, 125_050);

        // when
        int posted = ledger.post(received);

        // then
        assertThat(posted).isEqualTo(1);
        assertThat(ledger.debitBalance(LedgerAccount.bank(BANK_IBAN), "SEK", DAY_1)).isEqualTo(Money.ofMinor(125_050, "SEK"));
        assertThat(ledger.balances(DAY_1))
                .containsEntry("BANK:" + BANK_IBAN + " SEK", Money.ofMinor(125_050, "SEK"))
                .containsEntry("UNALLOCATED SEK", Money.ofMinor(125_050, "SEK"));
    }

    @Test
    void theSameEventOfferedTwiceIsPostedOnce() {
        // given
        ledger.post(paymentReceived("PAY-2", DAY_1, 10_000));

        // when
        int postedAgain = ledger.post(paymentReceived("PAY-2", DAY_1, 10_000));

        // then
        assertThat(postedAgain).isZero();
        assertThat(ledger.postedEntryCount()).isEqualTo(1);
        assertThat(ledger.debitBalance(LedgerAccount.bank(BANK_IBAN), "SEK", DAY_1)).isEqualTo(Money.ofMinor(10_000, "SEK"));
    }

    @Test
    void theSameEventWithOtherLinesIsRefusedNotSkipped() {
        // given
        ledger.post(paymentReceived("PAY-10", DAY_1, 10_000));

        // when / then
        assertThatThrownBy(() -> ledger.post(paymentReceived("PAY-10", DAY_1, 12_000)))
                .isInstanceOf(LedgerRefusedException.class)
                .hasMessageContaining("PAYMENT_RECEIVED PAY-10 is already posted with other lines");
        assertThat(ledger.debitBalance(LedgerAccount.bank(BANK_IBAN), "SEK", DAY_1)).isEqualTo(Money.ofMinor(10_000, "SEK"));
    }

    @Test
    void aBatchIsPostedAllOrNothing() {
        // given a batch whose second entry the database refuses (its day is closed)
        businessDays.close(DAY_1);

        // when
        assertThatThrownBy(() -> ledger.post(java.util.List.of(paymentReceived("PAY-11", DAY_2, 1_000),
                paymentReceived("PAY-12", DAY_1, 2_000))))
                .isInstanceOf(LedgerRefusedException.class);

        // then not even the first entry is there
        assertThat(ledger.postedEntryCount()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class)).isZero();
    }

    @Test
    void refusesAnUnbalancedEntryBeforeItReachesTheDatabase() {
        assertThatThrownBy(() -> JournalEntry.of(DAY_1, "PAYMENT_RECEIVED", "PAY-3", null,
                JournalLine.debit(LedgerAccount.bank(BANK_IBAN), Money.ofMinor(10_000, "SEK")),
                JournalLine.credit(LedgerAccount.UNALLOCATED, Money.ofMinor(9_999, "SEK"))))
                .isInstanceOf(UnbalancedEntryException.class)
                .hasMessageContaining("does not balance in SEK")
                .hasMessageContaining("0.01");
    }

    @Test
    void refusesAnEntryBalancedOnlyAcrossCurrencies() {
        assertThatThrownBy(() -> JournalEntry.of(DAY_1, "PAYMENT_RECEIVED", "PAY-4", null,
                JournalLine.debit(LedgerAccount.bank(BANK_IBAN), Money.ofMinor(10_000, "SEK")),
                JournalLine.credit(LedgerAccount.UNALLOCATED, Money.ofMinor(10_000, "EUR"))))
                .isInstanceOf(UnbalancedEntryException.class)
                .hasMessageContaining("EUR");
    }

    @Test
    void theDatabaseRefusesToPostAnUnbalancedEntryWrittenWithPlainSql() {
        // given an entry and lines written directly, bypassing the Java checks
        jdbc.update("INSERT INTO journal_entry (id, booking_date, event_type, reference) VALUES (9000000900, '2026-03-02', 'MANUAL', 'X-1')");
        jdbc.update("INSERT INTO journal_line VALUES (9000000900, 1, 'BANK:" + BANK_IBAN + "', 'BANK', 'SEK', 'D', 10000)");
        jdbc.update("INSERT INTO journal_line VALUES (9000000900, 2, 'UNALLOCATED', 'UNALLOCATED', 'SEK', 'C', 9000)");

        // when posting it
        // then
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_entry SET posted = 1 WHERE id = 9000000900"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("journal entry 9000000900 (MANUAL X-1) does not balance in SEK");
        assertThat(ledger.postedEntryCount()).isZero();
    }

    @Test
    void theDatabaseRefusesToInsertAnEntryAlreadyMarkedPosted() {
        assertThatThrownBy(() -> jdbc.update("INSERT INTO journal_entry (id, booking_date, event_type, reference, posted)"
                + " VALUES (9000000901, '2026-03-02', 'MANUAL', 'X-2', 1)"))
                .hasMessageContaining("inserted unposted");
    }

    @Test
    void postedEntriesCannotBeChangedOrDeleted() {
        // given
        ledger.post(paymentReceived("PAY-5", DAY_1, 5_000));

        // when / then
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_line SET amount_minor = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM journal_line"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM journal_entry"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_entry SET booking_date = '2026-03-09'"))
                .hasMessageContaining("append-only");
        assertThat(ledger.debitBalance(LedgerAccount.bank(BANK_IBAN), "SEK", DAY_2)).isEqualTo(Money.ofMinor(5_000, "SEK"));
    }

    @Test
    void aClosedDayRefusesPostingsOnOrBeforeIt() {
        // given
        ledger.post(paymentReceived("PAY-6", DAY_1, 7_000));
        businessDays.close(DAY_1);

        // when / then
        assertThatThrownBy(() -> ledger.post(paymentReceived("PAY-7", DAY_1, 1_000)))
                .isInstanceOf(LedgerRefusedException.class)
                .hasMessageContaining("business day 2026-03-02 is closed: cannot post with booking date 2026-03-02");
        assertThatThrownBy(() -> ledger.post(paymentReceived("PAY-8", DAY_1.minusDays(3), 1_000)))
                .isInstanceOf(LedgerRefusedException.class)
                .hasMessageContaining("is closed");
        assertThat(ledger.post(paymentReceived("PAY-9", DAY_2, 1_000))).isEqualTo(1);
        assertThat(ledger.debitBalance(LedgerAccount.bank(BANK_IBAN), "SEK", DAY_2)).isEqualTo(Money.ofMinor(8_000, "SEK"));
    }

    @Test
    void aClosedDayRefusesPostingsWrittenWithPlainSqlAndCannotBeReopened() {
        // given
        businessDays.close(DAY_1);

        // when / then
        assertThatThrownBy(() -> jdbc.update("INSERT INTO journal_entry (id, booking_date, event_type, reference)"
                + " VALUES (9000000902, '2026-03-02', 'MANUAL', 'X-3')"))
                .hasMessageContaining("business day 2026-03-02 is closed");
        assertThatThrownBy(() -> jdbc.update("UPDATE business_day SET status = 'OPEN' WHERE business_date = '2026-03-02'"))
                .hasMessageContaining("stays closed");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM business_day"))
                .hasMessageContaining("cannot be deleted");
        businessDays.close(DAY_1);
        assertThat(businessDays.status(DAY_1)).contains(BusinessDays.Status.CLOSED);
        assertThat(businessDays.lastClosed()).contains(DAY_1);
    }

    private static JournalEntry paymentReceived(String reference, LocalDate date, long minor) {
        return JournalEntry.of(date, "PAYMENT_RECEIVED", reference, "incoming payment",
                JournalLine.debit(LedgerAccount.bank(BANK_IBAN), Money.ofMinor(minor, "SEK")),
                JournalLine.credit(LedgerAccount.UNALLOCATED, Money.ofMinor(minor, "SEK")));
    }
}
