package se.clientfunds.monitoring;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the AML rules read beyond their candidates: a payer's payments to clients within a window, a client's inflow
 * by day, and the payments an alert names as its evidence. The SQL fragments the rules' readers share are here too.
 */
@Repository
class RuleEvidence {

    /**
     * The newest imported version of invoice {@code i}, as the view {@code current_invoice} has it, but as a condition on
     * the invoice an allocation names: the view, joined, is worked out for every invoice there is.
     */
    static final String NEWEST_INVOICE = " i.import_id = (SELECT MAX(i2.import_id) FROM invoice i2"
            + " JOIN imported_file f2 ON f2.id = i2.import_id AND f2.status = 'IMPORTED' WHERE i2.invoice_id = i.invoice_id)";

    /** What a payer paid to clients: each share of a payment allocated to a client's invoice, dated by its allocation. */
    static final String CLIENT_SHARES = " FROM invoice_allocation a JOIN bank_transaction t ON t.account_iban = a.account_iban"
            + " AND t.bank_reference = a.bank_reference AND t.is_payment = 1 AND t.direction = 'C'"
            + " JOIN imported_file f ON f.id = t.import_id AND f.status = 'IMPORTED'"
            + " WHERE a.allocated_on BETWEEN ? AND ? AND t.counterparty_name IS NOT NULL";

    private final JdbcTemplate jdbc;

    RuleEvidence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** ONE_PAYER_MANY_CLIENTS: what the payer (a name and the account it pays from) paid to clients from one day to another. */
    List<OnePayerManyClientsRule.ClientPayment> clientPayments(String payer, String payerAccount, LocalDate from, LocalDate to) {
        // the payer's account as COALESCE(account, '') = ? would be, written so that the payer index (V27) takes both
        // columns: on the name alone a common name reads thousands of rows, and the optimizer went by the imports instead
        return jdbc.query("SELECT CONCAT(a.account_iban, '/', a.bank_reference),"
                + " a.client_id, a.allocated_on" + CLIENT_SHARES + " AND t.counterparty_name = ?"
                + " AND (t.counterparty_account = ? OR (t.counterparty_account IS NULL AND ? = ''))",
                (rs, row) -> new OnePayerManyClientsRule.ClientPayment(rs.getString(1), rs.getString(2),
                        rs.getDate(3).toLocalDate()), Date.valueOf(from), Date.valueOf(to), payer, payerAccount, payerAccount);
    }

    /** HIGH_RISK_COUNTRY: the day's payments of the debtor allocated in the currency, judged of the country. */
    List<String> debtorPayments(LocalDate day, String country, String currency, String debtorId) {
        return jdbc.queryForList("SELECT DISTINCT CONCAT(a.account_iban, '/', a.bank_reference)"
                + " FROM invoice_allocation a FORCE INDEX (ix_invoice_allocation_day_client)"
                + " STRAIGHT_JOIN invoice i ON i.invoice_id = a.invoice_id WHERE a.allocated_on = ? AND a.debtor_country = ?"
                + " AND a.currency = ? AND i.debtor_id = ? AND" + NEWEST_INVOICE + " ORDER BY 1", String.class,
                Date.valueOf(day), country, currency, debtorId);
    }

    /** The first day the books have, if they have one. */
    Optional<LocalDate> firstBusinessDay() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MIN(business_date) FROM business_day", LocalDate.class));
    }

    /** VELOCITY: the client's inflow in the currency by day, from one day to another, for the days it had any. */
    Map<LocalDate, Long> clientInflowByDay(String clientId, String currency, LocalDate from, LocalDate to) {
        // the client's look-back, by client and day (index ix_invoice_allocation_client_day)
        Map<LocalDate, Long> byDay = new HashMap<>();
        jdbc.query("SELECT allocated_on, SUM(amount_minor) FROM invoice_allocation WHERE client_id = ? AND allocated_on"
                + " BETWEEN ? AND ? AND currency = ? GROUP BY allocated_on", rs -> {
                    byDay.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                }, clientId, Date.valueOf(from), Date.valueOf(to), currency);
        return byDay;
    }

    /** VELOCITY: the day's payments to the client in the currency. */
    List<String> clientPaymentsOn(LocalDate day, String clientId, String currency) {
        return jdbc.queryForList("SELECT DISTINCT CONCAT(account_iban, '/', bank_reference) FROM"
                + " invoice_allocation WHERE allocated_on = ? AND client_id = ? AND currency = ? ORDER BY 1", String.class,
                Date.valueOf(day), clientId, currency);
    }
}
