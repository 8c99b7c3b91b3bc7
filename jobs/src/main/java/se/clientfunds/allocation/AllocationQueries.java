package se.clientfunds.allocation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import se.clientfunds.money.Money;

/** What operators ask about allocation: invoices by status, and the payments waiting in UNALLOCATED. */
@Repository
public class AllocationQueries {

    public enum InvoiceStatus { OPEN, PARTIAL, PAID }

    /** An invoice with what has been paid on it. */
    public record InvoiceLine(String invoiceId, String clientId, String ocr, Money amount, Money paid, InvoiceStatus status,
                              LocalDate dueDate, String debtorName) {

        public Money outstanding() {
            return amount.minus(paid);
        }
    }

    /** A payment with money still in UNALLOCATED, and why. */
    public record UnallocatedPayment(String accountIban, String bankReference, LocalDate bookingDate, Money amount,
                                     Money unallocated, String reason, String debtorName, String references) {
    }

    /** Rows fetched per round trip when streaming; without a fetch size the driver would hold the whole result. */
    private static final int ROWS_PER_FETCH = 1000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    public AllocationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(ROWS_PER_FETCH);
    }

    /** Streams the invoices with the status, in invoice id order (there may be millions). */
    public void invoices(InvoiceStatus status, Consumer<InvoiceLine> each) {
        streaming.query("SELECT invoice_id, client_id, ocr, currency, amount_minor, paid_minor, status, due_date, debtor_name"
                + " FROM invoice_status WHERE status = ? ORDER BY invoice_id", rs -> {
                    String currency = rs.getString(4);
                    each.accept(new InvoiceLine(rs.getString(1), rs.getString(2), rs.getString(3), Money.ofMinor(rs.getLong(5), currency),
                            Money.ofMinor(rs.getLong(6), currency), InvoiceStatus.valueOf(rs.getString(7)),
                            rs.getDate(8).toLocalDate(), rs.getString(9)));
                }, status.name());
    }

    /**
     * The invoices not paid in full that a search text finds, for an allocation by hand: by OCR or invoice id (exact),
     * by what they still have outstanding (a decimal such as {@code 17644.00}), or by the debtor's name (a part of it,
     * case-insensitive); at most {@code limit}, in invoice id order.
     */
    public List<InvoiceLine> searchOpen(String text, int limit) {
        String term = text == null ? "" : text.trim();
        if (term.length() < 2) {
            return List.of();
        }
        // an amount is looked for as each currency would write it (2 decimals, none, 3), then kept only in its own
        java.math.BigDecimal decimal = Money.isDecimalText(term) && !term.startsWith("-") ? new java.math.BigDecimal(term) : null;
        List<Long> minors = new java.util.ArrayList<>();
        for (int digits : new int[] {2, 0, 3}) {
            minors.add(decimal != null && decimal.scale() <= digits ? decimal.movePointRight(digits).longValue() : null);
        }
        String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<InvoiceLine> found = new java.util.ArrayList<>();
        jdbc.query("SELECT invoice_id, client_id, ocr, currency, amount_minor, paid_minor, status, due_date, debtor_name,"
                + " (ocr = ? OR invoice_id = ? OR debtor_name LIKE ?) AS by_text FROM invoice_status WHERE status <> 'PAID'"
                + " AND (ocr = ? OR invoice_id = ? OR debtor_name LIKE ? OR amount_minor - paid_minor IN (?, ?, ?))"
                + " ORDER BY invoice_id LIMIT ?", rs -> {
                    String currency = rs.getString(4);
                    InvoiceLine invoice = new InvoiceLine(rs.getString(1), rs.getString(2), rs.getString(3),
                            Money.ofMinor(rs.getLong(5), currency), Money.ofMinor(rs.getLong(6), currency),
                            InvoiceStatus.valueOf(rs.getString(7)), rs.getDate(8).toLocalDate(), rs.getString(9));
                    // (found by an amount only in another currency's decimals: 17644 is not 176.44 SEK)
                    if (rs.getBoolean(10) || decimal != null && invoice.outstanding().toBigDecimal().compareTo(decimal) == 0) {
                        found.add(invoice);
                    }
                }, term, term, like, term, term, like, minors.get(0), minors.get(1), minors.get(2), limit);
        return found;
    }

    public List<UnallocatedPayment> unallocated() {
        // with the payments a sanctions hit holds: their money is in UNALLOCATED too, waiting for compliance
        // (and those held after their allocation found no invoice: the hold is their reason while it lasts)
        return jdbc.query("SELECT account_iban, bank_reference, booking_date, currency, amount_minor, unallocated_minor,"
                + " COALESCE((SELECT h.reason FROM payment_hold h WHERE h.account_iban = payment_allocation.account_iban"
                + "   AND h.bank_reference = payment_allocation.bank_reference AND h.released_on IS NULL), reason),"
                + " debtor_name, payment_references FROM payment_allocation WHERE unallocated_minor > 0"
                + " UNION ALL SELECT h.account_iban, h.bank_reference, h.booking_date, h.currency, h.amount_minor, h.amount_minor,"
                + " CASE WHEN h.released_on IS NULL THEN h.reason ELSE CONCAT('released from its sanctions hold on ', h.released_on,"
                + " ' by ', h.released_by, ' and ', h.approved_by, ': the next allocation takes it') END,"
                + " h.payer_name, h.payment_references FROM payment_hold h WHERE NOT EXISTS (SELECT 1 FROM payment_allocation p"
                + "   WHERE p.account_iban = h.account_iban AND p.bank_reference = h.bank_reference)"
                + " ORDER BY booking_date, account_iban, bank_reference", (rs, row) -> {
                    String currency = rs.getString(4);
                    return new UnallocatedPayment(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                            Money.ofMinor(rs.getLong(5), currency), Money.ofMinor(rs.getLong(6), currency), rs.getString(7),
                            rs.getString(8), rs.getString(9));
                });
    }

    /** Payments a sanctions hit holds, in words: each waits for a compliance decision by two people. */
    public List<String> holdsWaiting() {
        return jdbc.query("SELECT account_iban, bank_reference, currency, amount_minor, payer_name, alert_id FROM payment_hold"
                + " WHERE released_on IS NULL ORDER BY held_on, account_iban, bank_reference",
                (rs, row) -> "payment " + rs.getString(1) + "/" + rs.getString(2) + " of "
                        + Money.ofMinor(rs.getLong(4), rs.getString(3)) + " from \"" + rs.getString(5) + "\" is held by a"
                        + " sanctions hit (alert " + rs.getLong(6) + ") until compliance decides: settle alerts show "
                        + rs.getLong(6));
    }

    /** Deductions (BGMax TK21) waiting for an operator, in words: each leaves UNALLOCATED short. */
    public List<String> deductionsWaiting() {
        return jdbc.query("SELECT account_iban, bank_reference, currency, unallocated_minor, booking_date FROM payment_allocation"
                + " WHERE outcome = 'DEDUCTION' AND unallocated_minor > 0 ORDER BY booking_date, bank_reference",
                (rs, row) -> "deduction " + rs.getString(1) + "/" + rs.getString(2) + " of "
                        + Money.ofMinor(rs.getLong(4), rs.getString(3)) + " booked " + rs.getDate(5).toLocalDate()
                        + " leaves UNALLOCATED short until it is booked against its client");
    }

    /** The payments allocated on a date, for reports and tests. */
    public long allocatedOn(LocalDate date) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM payment_allocation WHERE allocated_on = ?", Long.class, Date.valueOf(date));
    }
}
