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
                .containsEntry(new AccountInCurrency(LedgerAccount.bank(BANK_IBAN), "SEK"), Money.ofMinor(125_050, "SEK"))
                .containsEntry(new AccountInCurrency(LedgerAccount.UNALLOCATED, "SEK"), Money.ofMinor(125_050, "SEK"));
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
        assertThatThrownBy(() -> JournalEntry.of(DAY_1, LedgerEvent.PAYMENT_RECEIVED, "PAY-3", null,
                JournalLine.debit(LedgerAccount.bank(BANK_IBAN), Money.ofMinor(10_000, "SEK")),
                JournalLine.credit(LedgerAccount.UNALLOCATED, Money.ofMinor(9_999, "SEK"))))
                .isInstanceOf(UnbalancedEntryException.class)
                .hasMessageContaining("does not balance in SEK")
                .hasMessageContaining("0.01");
    }

    @Test
    void refusesAnEntryBalancedOnlyAcrossCurrencies() {
        assertThatThrownBy(() -> JournalEntry.of(DAY_1, LedgerEvent.PAYMENT_RECEIVED, "PAY-4", null,
                JournalLine.debit(LedgerAccount.bank(BANK_IBAN), Money.ofMinor(10_000, "SEK")),
                JournalLine.credit(LedgerAccount.UNALLOCATED, Money.ofMinor(10_000, "EUR"))))
                .isInstanceOf(UnbalancedEntryException.class)
                .hasMessageContaining("EUR");
    }

    @Test
    void theDatabaseRefusesToPostAnUnbalancedEntryWrittenWithPlainSql() {
        // given a batch, an entry and lines written directly, bypassing the Java checks
        jdbc.update("INSERT INTO journal_batch (id, booking_date) VALUES (900, '2026-03-02')");
        jdbc.update("INSERT INTO journal_entry (id, batch_id, booking_date, event_type, reference) VALUES (9000000900, 900, '2026-03-02', 'MANUAL', 'X-1')");
        jdbc.update("INSERT INTO journal_line VALUES (9000000900, 1, 'BANK:" + BANK_IBAN + "', 'BANK', 'SEK', 'D', 10000)");
        jdbc.update("INSERT INTO journal_line VALUES (9000000900, 2, 'UNALLOCATED', 'UNALLOCATED', 'SEK', 'C', 9000)");

        // when posting it
        // then
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_batch SET posted = 1 WHERE id = 900"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("journal entry 9000000900 (MANUAL X-1) does not balance in SEK");
        assertThat(ledger.postedEntryCount()).isZero();
    }

    @Test
    void theDatabaseChecksEveryEntryOfABatchWhenItIsPosted() {
        // given a batch of a balanced entry, an entry balanced only across currencies and an entry of one line
        jdbc.update("INSERT INTO journal_batch (id, booking_date) VALUES (901, '2026-03-02')");
        jdbc.update("INSERT INTO journal_entry (id, batch_id, booking_date, event_type, reference) VALUES"
                + " (9000000910, 901, '2026-03-02', 'MANUAL', 'X-10'), (9000000911, 901, '2026-03-02', 'MANUAL', 'X-11')");
        jdbc.update("INSERT INTO journal_line VALUES (9000000910, 1, 'BANK:" + BANK_IBAN + "', 'BANK', 'SEK', 'D', 10000),"
                + " (9000000910, 2, 'UNALLOCATED', 'UNALLOCATED', 'SEK', 'C', 10000),"
                + " (9000000911, 1, 'BANK:" + BANK_IBAN + "', 'BANK', 'SEK', 'D', 10000),"
                + " (9000000911, 2, 'UNALLOCATED', 'UNALLOCATED', 'EUR', 'C', 10000)");

        // when / then the entry in two currencies is named
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_batch SET posted = 1 WHERE id = 901"))
                .hasMessageContaining("journal entry 9000000911 (MANUAL X-11) does not balance in EUR");

        // and an entry of one line is refused as such
        jdbc.update("INSERT INTO journal_batch (id, booking_date) VALUES (902, '2026-03-02')");
        jdbc.update("INSERT INTO journal_entry (id, batch_id, booking_date, event_type, reference) VALUES"
                + " (9000000920, 902, '2026-03-02', 'MANUAL', 'X-20')");
        jdbc.update("INSERT INTO journal_line VALUES (9000000920, 1, 'BANK:" + BANK_IBAN + "', 'BANK', 'SEK', 'D', 10000)");
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_batch SET posted = 1 WHERE id = 902"))
                .hasMessageContaining("journal entry 9000000920 has 1 line(s): an entry needs at least two");
        assertThat(ledger.postedEntryCount()).isZero();
    }

    @Test
    void anEntryBalancedInTwoCurrenciesDoesNotHideABadEntryAfterIt() {
        // given a batch of an entry balanced in SEK and in EUR, then an entry of one line
        jdbc.update("INSERT INTO journal_batch (id, booking_date) VALUES (907, '2026-03-02')");
        jdbc.update("INSERT INTO journal_entry (id, batch_id, booking_date, event_type, reference) VALUES"
                + " (9000000970, 907, '2026-03-02', 'MANUAL', 'X-70'), (9000000971, 907, '2026-03-02', 'MANUAL', 'X-71')");
        jdbc.update("INSERT INTO journal_line VALUES (9000000970, 1, 'BANK:" + BANK_IBAN + "', 'BANK', 'SEK', 'D', 10000),"
                + " (9000000970, 2, 'UNALLOCATED', 'UNALLOCATED', 'SEK', 'C', 10000),"
                + " (9000000970, 3, 'BANK:" + BANK_IBAN + "', 'BANK', 'EUR', 'D', 500),"
                + " (9000000970, 4, 'UNALLOCATED', 'UNALLOCATED', 'EUR', 'C', 500),"
                + " (9000000971, 1, 'BANK:" + BANK_IBAN + "', 'BANK', 'SEK', 'D', 10000)");

        // when / then
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_batch SET posted = 1 WHERE id = 907"))
                .hasMessageContaining("journal entry 9000000971 has 1 line(s): an entry needs at least two");
        assertThat(ledger.postedEntryCount()).isZero();
    }

    @Test
    void aBatchLeftOpenDoesNotPostOntoADayClosedSince() {
        // given a batch committed open, with a balanced entry, and then its day closed
        jdbc.update("INSERT INTO journal_batch (id, booking_date) VALUES (908, '2026-03-02')");
        jdbc.update("INSERT INTO journal_entry (id, batch_id, booking_date, event_type, reference) VALUES"
                + " (9000000980, 908, '2026-03-02', 'MANUAL', 'X-80')");
        jdbc.update("INSERT INTO journal_line VALUES (9000000980, 1, 'BANK:" + BANK_IBAN + "', 'BANK', 'SEK', 'D', 10000),"
                + " (9000000980, 2, 'UNALLOCATED', 'UNALLOCATED', 'SEK', 'C', 10000)");
        businessDays.close(DAY_1);

        // when / then
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_batch SET posted = 1 WHERE id = 908"))
                .hasMessageContaining("business day 2026-03-02 is closed: cannot post with booking date 2026-03-02");
        assertThat(ledger.postedEntryCount()).isZero();
    }

    @Test
    void aBatchIsPostedOnlyWithForeignKeyChecksOn() {
        // given an open batch of a balanced entry
        jdbc.update("INSERT INTO journal_batch (id, booking_date) VALUES (909, '2026-03-02')");
        jdbc.update("INSERT INTO journal_entry (id, batch_id, booking_date, event_type, reference) VALUES"
                + " (9000000990, 909, '2026-03-02', 'MANUAL', 'X-90')");
        jdbc.update("INSERT INTO journal_line VALUES (9000000990, 1, 'BANK:" + BANK_IBAN + "', 'BANK', 'SEK', 'D', 10000),"
                + " (9000000990, 2, 'UNALLOCATED', 'UNALLOCATED', 'SEK', 'C', 10000)");

        // when / then, on one connection: without the key's cascade the entry would stay unposted under a posted batch
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                try {
                    assertThatThrownBy(() -> statement.executeUpdate("UPDATE journal_batch SET posted = 1 WHERE id = 909"))
                            .hasMessageContaining("posted only with foreign_key_checks on");
                    assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO journal_entry (id, batch_id, booking_date,"
                            + " event_type, reference) VALUES (9000000991, 909, '2026-03-03', 'MANUAL', 'X-91')"))
                            .hasMessageContaining("added only with foreign_key_checks on");
                } finally {
                    statement.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
            }
            return null;
        });
        assertThat(jdbc.update("UPDATE journal_batch SET posted = 1 WHERE id = 909")).isEqualTo(1);
        assertThat(ledger.postedEntryCount()).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesToInsertAnEntryAlreadyMarkedPosted() {
        jdbc.update("INSERT INTO journal_batch (id, booking_date) VALUES (903, '2026-03-02')");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO journal_entry (id, batch_id, booking_date, event_type, reference, posted)"
                + " VALUES (9000000901, 903, '2026-03-02', 'MANUAL', 'X-2', 1)"))
                .hasMessageContaining("inserted unposted");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO journal_batch (id, booking_date, posted) VALUES (904, '2026-03-02', 1)"))
                .hasMessageContaining("inserted unposted");
    }

    @Test
    void anEntryJoinsOnlyAnOpenBatchOfItsOwnBookingDate() {
        // given a posted batch
        ledger.post(paymentReceived("PAY-13", DAY_1, 3_000));
        long postedBatch = jdbc.queryForObject("SELECT batch_id FROM journal_entry WHERE reference = 'PAY-13'", Long.class);

        // when / then an entry cannot be added to it, nor to an open batch of another date
        assertThatThrownBy(() -> jdbc.update("INSERT INTO journal_entry (id, batch_id, booking_date, event_type, reference)"
                + " VALUES (9000000930, ?, '2026-03-02', 'MANUAL', 'X-30')", postedBatch))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("fk_journal_entry_batch");
        jdbc.update("INSERT INTO journal_batch (id, booking_date) VALUES (905, '2026-03-02')");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO journal_entry (id, batch_id, booking_date, event_type, reference)"
                + " VALUES (9000000931, 905, '2026-03-03', 'MANUAL', 'X-31')"))
                .hasMessageContaining("fk_journal_entry_batch");
        // nor is an entry posted but by its batch, nor a posted batch changed or removed
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_entry SET posted = 1"))
                .hasMessageContaining("posted by posting its batch");
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_batch SET posted = 0 WHERE id = ?", postedBatch))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM journal_batch"))
                .hasMessageContaining("append-only");
        assertThat(ledger.postedEntryCount()).isEqualTo(1);
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
        assertThatThrownBy(() -> jdbc.update("INSERT INTO journal_batch (id, booking_date) VALUES (906, '2026-03-02')"))
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
        return JournalEntry.of(date, LedgerEvent.PAYMENT_RECEIVED, reference, "incoming payment",
                JournalLine.debit(LedgerAccount.bank(BANK_IBAN), Money.ofMinor(minor, "SEK")),
                JournalLine.credit(LedgerAccount.UNALLOCATED, Money.ofMinor(minor, "SEK")));
    }
}
