package se.clientfunds.testing;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A bank statement recorded as imported, for tests of what comes after the import (closing waits for the
 * statement of every account in use): an {@code imported_file} and its one statement section, no entries.
 */
public final class TestStatements {

    private TestStatements() {
    }

    /** Records a camt.053 of the account closing on the day with the balances given (minor units), as imported. */
    public static void arrived(JdbcTemplate jdbc, String iban, LocalDate day, long openingMinor, long closingMinor) {
        String sha256 = String.format("%064x", (long) (iban + day).hashCode() & 0xffffffffL);
        jdbc.update("INSERT INTO imported_file (file_name, kind, sha256, size_bytes, status, business_date, record_count,"
                + " accepted_sha256) VALUES (?, 'CAMT_053', ?, 1, 'IMPORTED', ?, 0, ?)", "camt053-" + day + ".xml", sha256,
                Date.valueOf(day), sha256);
        Long importId = jdbc.queryForObject("SELECT id FROM imported_file WHERE sha256 = ?", Long.class, sha256);
        jdbc.update("INSERT INTO bank_section (import_id, section_no, format, section_id, account_iban, currency, sequence_number,"
                + " opening_minor, opening_date, closing_minor, closing_date, entry_count) VALUES (?, 1, 'CAMT_053', ?, ?, 'SEK', NULL,"
                + " ?, ?, ?, ?, 0)", importId, "STMT-" + day, iban, openingMinor, Date.valueOf(day), closingMinor, Date.valueOf(day));
    }
}
