package se.clientfunds.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.money.Money;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;

/**
 * A ledger posted entry by entry under V25 upgraded to per-batch posting (V26): every entry keeps its lines and its
 * posted state, joins a batch of its booking date, and the ledger posts on top of it as on a new database.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class JournalBatchUpgradeIT {

    private static final String BANK = "BANK:SE4550000000058398257466";
    private static final String ROWS = "SELECT e.id, e.booking_date, e.event_type, e.reference, e.posted, l.line_no, l.account,"
            + " l.side, l.amount_minor FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id ORDER BY e.id, l.line_no";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @AfterEach
    void latestSchema() {
        flyway(null).migrate();
        DatabaseReset.emptyAllTables(jdbc);
    }

    @Test
    void entriesPostedEntryByEntryJoinBatchesOfTheirDateAndStayPosted() {
        // given a V25 ledger: two entries on one day and one on the next, posted by the per-entry trigger
        Flyway v25 = flyway("25");
        v25.clean();
        v25.migrate();
        postTheOldWay(101, "2026-03-02", "OLD-1", 10_000);
        postTheOldWay(102, "2026-03-02", "OLD-2", 20_000);
        postTheOldWay(103, "2026-03-03", "OLD-3", 30_000);
        List<Map<String, Object>> before = jdbc.queryForList(ROWS);

        // when
        flyway(null).migrate();

        // then the rows are as they were, each entry in a posted batch of its date
        assertThat(jdbc.queryForList(ROWS)).isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT b.booking_date, b.posted, COUNT(*) AS entries FROM journal_batch b"
                + " JOIN journal_entry e ON e.batch_id = b.id AND e.booking_date = b.booking_date GROUP BY b.id ORDER BY b.id"))
                .extracting(row -> row.get("booking_date").toString() + " posted " + row.get("posted") + ": " + row.get("entries"))
                .containsExactly("2026-03-02 posted 1: 2", "2026-03-03 posted 1: 1");
        assertThat(ledger.postedEntryCount()).isEqualTo(3);

        // and the ledger posts on top, in a new batch, and still refuses to touch what is posted
        assertThat(ledger.post(JournalEntry.of(LocalDate.of(2026, 3, 3), LedgerEvent.PAYMENT_RECEIVED, "NEW-1", null,
                JournalLine.debit(LedgerAccount.bank("SE4550000000058398257466"), Money.ofMinor(5_000, "SEK")),
                JournalLine.credit(LedgerAccount.UNALLOCATED, Money.ofMinor(5_000, "SEK"))))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_batch", Long.class)).isEqualTo(3);
        assertThat(ledger.debitBalance(LedgerAccount.bank("SE4550000000058398257466"), "SEK", LocalDate.of(2026, 3, 3)))
                .isEqualTo(Money.ofMinor(65_000, "SEK"));
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_entry SET description = 'changed' WHERE id = 101"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO journal_line VALUES (101, 3, 'UNALLOCATED', 'UNALLOCATED', 'SEK', 'C', 1)"))
                .hasMessageContaining("cannot add a line to a posted journal entry");
    }

    private void postTheOldWay(long id, String date, String reference, long minor) {
        jdbc.update("INSERT INTO journal_entry (id, booking_date, event_type, reference) VALUES (?, ?, 'PAYMENT_RECEIVED', ?)",
                id, date, reference);
        jdbc.update("INSERT INTO journal_line VALUES (?, 1, ?, 'BANK', 'SEK', 'D', ?)", id, BANK, minor);
        jdbc.update("INSERT INTO journal_line VALUES (?, 2, 'UNALLOCATED', 'UNALLOCATED', 'SEK', 'C', ?)", id, minor);
        jdbc.update("UPDATE journal_entry SET posted = 1 WHERE id = ?", id);
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }
}
