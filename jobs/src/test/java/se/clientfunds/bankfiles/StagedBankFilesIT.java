package se.clientfunds.bankfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;

/** The staging's LOAD DATA on the real tables: values arrive as given, and a refused row fails the chunk whole. */
@SpringBootTest(classes = JobsTestApplication.class)
class StagedBankFilesIT {

    private static final String IBAN = "SE4550000000058398257466";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    StagedBankFiles staged;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void emptyDatabase() {
        DatabaseReset.emptyAllTables(jdbc);
    }

    @Test
    void textWithTabsNewlinesBackslashesNulsAndLettersBeyondAsciiArrivesAsGiven() {
        // given
        String remittance = "OCR\t12345\nfaktura 7\r\nC:\\bank\\N \u0000slut";
        String payer = "Åsa Öberg-Łukasz 😀";

        // when
        inChunk(() -> staged.stageTransactions(List.of(
                transaction(1, "Ntfctn[1]/Ntry[1]", "BK1", payer, remittance),
                transaction(2, "Ntfctn[1]/Ntry[2]", "BK2", null, null))));

        // then
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT counterparty_name, remittance_text, end_to_end_id,"
                + " booking_date, amount_minor, is_payment FROM bank_transaction ORDER BY entry_no");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("counterparty_name")).isEqualTo(payer);
        assertThat(rows.get(0).get("remittance_text")).isEqualTo(remittance);
        assertThat(rows.get(0).get("end_to_end_id")).isNull();
        assertThat(rows.get(0).get("booking_date")).isEqualTo(java.sql.Date.valueOf(DAY));
        assertThat(rows.get(0).get("amount_minor")).isEqualTo(100_00L);
        assertThat(rows.get(0).get("is_payment")).isEqualTo(1);
        assertThat(rows.get(1).get("counterparty_name")).isNull();
        assertThat(rows.get(1).get("remittance_text")).isNull();
    }

    @Test
    void aValueTooLongForItsColumnFailsTheChunkNamingTheTableAndTheRow() {
        // given a chunk whose second transaction has a location longer than the column's 200 characters
        String tooLong = "Ntfctn[1]/Ntry[2]/" + "x".repeat(200);

        // when / then (LOAD DATA LOCAL would only warn and cut the value)
        assertThatThrownBy(() -> inChunk(() -> staged.stageTransactions(List.of(
                transaction(1, "Ntfctn[1]/Ntry[1]", "BK1", "Anna", "faktura 1"),
                transaction(2, tooLong, "BK2", "Bo", "faktura 2"),
                transaction(3, "Ntfctn[1]/Ntry[3]", "BK3", "Cia", "faktura 3")))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessage("bank_transaction: the database refused row 2 of 3 (import_id 7, entry_no 2, transaction_no 1,"
                        + " location " + tooLong + "): Data truncated for column 'location' at row 2 (1265; 3 of 3 rows loaded)");
        // and the chunk's transaction left nothing
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction", Long.class)).isZero();
    }

    @Test
    void aRowAlreadyStagedFailsTheChunkRatherThanBeingSkipped() {
        // given
        inChunk(() -> staged.stageEntries(List.<Object[]>of(entry(1, "REF1"))));

        // when / then (LOAD DATA LOCAL would skip the duplicate with a warning)
        assertThatThrownBy(() -> inChunk(() -> staged.stageEntries(List.of(entry(2, "REF2"), entry(1, "REF1")))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessage("bank_entry: the database refused a row of 2: Duplicate entry '7-1' for key 'PRIMARY'"
                        + " (1062; 1 of 2 rows loaded)");
        assertThat(jdbc.queryForList("SELECT entry_reference FROM bank_entry", String.class)).containsExactly("REF1");
    }

    private void inChunk(Runnable write) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> write.run());
    }

    private static Object[] transaction(long entryNo, String location, String reference, String payer, String remittance) {
        return new Object[] {7L, entryNo, 1, location, IBAN, "SEK", "C", 100_00L, DAY, reference, null, payer, null, null,
                null, remittance, 1};
    }

    private static Object[] entry(long entryNo, String reference) {
        return new Object[] {7L, entryNo, 1, "Ntfctn[1]/Ntry[" + entryNo + "]", IBAN, "SEK", "C", 100_00L, DAY, DAY, reference,
                "BOOK", null, 1, null, null};
    }
}
