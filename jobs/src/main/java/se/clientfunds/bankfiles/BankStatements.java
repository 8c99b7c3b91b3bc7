package se.clientfunds.bankfiles;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import se.clientfunds.ledger.Ledger;
import se.clientfunds.ledger.LedgerAccount;

/** What the imported bank statements (camt.053, MT940) say about an account, counting only completed imports. */
@Repository
public class BankStatements {

    private final JdbcTemplate jdbc;
    private final Ledger ledger;

    public BankStatements(JdbcTemplate jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** Whether a statement of the account closing on the day was imported after the import with the id given. */
    public boolean arrivedAfter(String iban, LocalDate day, long importId) {
        return jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM imported_bank_section WHERE account_iban = ?"
                + " AND format IN ('CAMT_053', 'MT940') AND closing_date = ? AND import_id > ?)", Boolean.class, iban, Date.valueOf(day),
                importId);
    }

    /** Whether a statement of the account closing on the day has been imported. */
    public boolean arrived(String iban, LocalDate day) {
        return jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM imported_bank_section WHERE account_iban = ?"
                + " AND format IN ('CAMT_053', 'MT940') AND closing_date = ?)", Boolean.class, iban, Date.valueOf(day));
    }

    /**
     * An account with no statement up to the day and nothing on it in the books is not in use yet: there is nothing to
     * reconcile, and no statement of it is awaited.
     */
    public boolean inUse(String iban, LocalDate day) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM imported_bank_section WHERE account_iban = ?"
                + " AND format IN ('CAMT_053', 'MT940') AND closing_date <= ?)", Boolean.class, iban, Date.valueOf(day)))
                || ledger.hasPostings(LedgerAccount.bank(iban), day);
    }

    /** When the closing balance of the account's statement of the day stands, as the bank wrote it, if it says. */
    public java.util.Optional<String> asOf(String iban, LocalDate day) {
        return jdbc.queryForList("SELECT as_of FROM imported_bank_section WHERE account_iban = ? AND format IN ('CAMT_053', 'MT940')"
                + " AND closing_date = ? AND as_of IS NOT NULL ORDER BY import_id DESC, section_no DESC LIMIT 1", String.class, iban,
                Date.valueOf(day)).stream().findFirst();
    }
}
