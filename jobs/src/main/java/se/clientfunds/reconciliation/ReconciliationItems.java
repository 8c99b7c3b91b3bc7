package se.clientfunds.reconciliation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import se.clientfunds.ledger.JournalQueries;
import se.clientfunds.ledger.LedgerAccount;
import se.clientfunds.ledger.LedgerEvent;
import se.clientfunds.money.Money;

/**
 * The two sides reconciliation matches, read for one account up to a business date: the statement entries and the
 * BANK postings not reconciled yet, and those of open breaks (carried forward, offered to the rules again).
 * {@code carriedBreaks} receives the open break each carried item is in.
 */
@Repository
class ReconciliationItems {

    private final JdbcTemplate jdbc;

    ReconciliationItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Booked statement entries up to the day not reconciled yet, and those in open breaks. */
    List<BankItem> bankItems(LocalDate day, String iban, String currency, Map<String, Long> carriedBreaks) {
        Map<String, List<String[]>> transactions = new HashMap<>();
        jdbc.query("SELECT t.import_id, t.entry_no, t.bank_reference, t.end_to_end_id, t.counterparty_name"
                + " FROM imported_bank_transaction t JOIN bank_section s ON s.import_id = t.import_id"
                + " JOIN bank_entry e ON e.import_id = t.import_id AND e.entry_no = t.entry_no AND e.section_no = s.section_no"
                + " LEFT JOIN reconciliation_item i ON i.item_key = CONCAT('B:', t.import_id, ':', t.entry_no)"
                + " LEFT JOIN reconciliation_break b ON b.id = i.break_id"
                + " WHERE s.format IN ('CAMT_053', 'MT940') AND t.account_iban = ? AND e.booking_date <= ?"
                + " AND (i.item_key IS NULL OR (i.state = 'BREAK' AND b.opened_on <= ?))"
                + " ORDER BY t.import_id, t.entry_no, t.transaction_no",
                rs -> {
                    transactions.computeIfAbsent(rs.getLong(1) + ":" + rs.getLong(2), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(3), rs.getString(4), rs.getString(5)});
                }, iban, Date.valueOf(day), Date.valueOf(day));
        List<BankItem> items = new ArrayList<>();
        jdbc.query("SELECT e.import_id, e.entry_no, e.booking_date, e.value_date, e.direction, e.amount_minor,"
                + " e.entry_reference, e.payment_information_id, i.break_id"
                + " FROM imported_bank_entry e JOIN bank_section s ON s.import_id = e.import_id AND s.section_no = e.section_no"
                + " LEFT JOIN reconciliation_item i ON i.item_key = CONCAT('B:', e.import_id, ':', e.entry_no)"
                + " LEFT JOIN reconciliation_break b ON b.id = i.break_id"
                + " WHERE s.format IN ('CAMT_053', 'MT940') AND e.account_iban = ? AND e.booking_date <= ?"
                + " AND (e.status IS NULL OR e.status = 'BOOK')"
                // an item in a break a later day opened is that day's, not this (earlier) day's to clear
                + " AND (i.item_key IS NULL OR (i.state = 'BREAK' AND b.opened_on <= ?))"
                + " ORDER BY e.booking_date, e.import_id, e.entry_no",
                rs -> {
                    String key = "B:" + rs.getLong(1) + ":" + rs.getLong(2);
                    List<String[]> details = transactions.getOrDefault(rs.getLong(1) + ":" + rs.getLong(2), List.of());
                    List<String> references = new ArrayList<>();
                    references.add(rs.getString(7));
                    List<String> members = new ArrayList<>();
                    String counterparty = null;
                    if (details.size() == 1) {
                        references.add(details.get(0)[0]);
                        references.add(details.get(0)[1]);
                        counterparty = details.get(0)[2];
                    } else {
                        details.forEach(detail -> members.add(detail[0]));
                    }
                    long minor = rs.getLong(6);
                    Money amount = Money.ofMinor("C".equals(rs.getString(5)) ? minor : -minor, currency);
                    LocalDate valueDate = rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate();
                    items.add(new BankItem(key, rs.getDate(3).toLocalDate(), valueDate, amount,
                            references.stream().distinct().toList(), members, rs.getString(8), counterparty));
                    long breakId = rs.getLong(9);
                    if (!rs.wasNull()) {
                        carriedBreaks.put(key, breakId);
                    }
                }, iban, Date.valueOf(day), Date.valueOf(day));
        return items;
    }

    /**
     * BANK postings up to the day not reconciled yet, and those in open breaks, with the reference the bank will show:
     * a payment's bank reference, a payout's or refund's EndToEndId; and the batch it travels in.
     */
    List<BookItem> bookItems(LocalDate day, String iban, String currency, Map<String, Long> carriedBreaks) {
        List<BookItem> items = new ArrayList<>();
        String prefix = iban + "/";
        // the account's posted lines as the ledger gives them (a derived table the optimizer merges into this join)
        jdbc.query("SELECT e.entry_id, e.line_no, e.booking_date, e.event_type, e.reference, e.description, e.side, e.amount_minor,"
                + " p.payment_batch, p.to_name, r.end_to_end_id, r.payment_batch, r.to_name, i.break_id,"
                + " CASE WHEN ne.transaction_count > 1 THEN ne.entry_reference ELSE bs.section_id END"
                + " FROM (" + JournalQueries.postedLinesOfAccount() + ") e"
                + " LEFT JOIN reconciliation_item i ON i.item_key = CONCAT('L:', e.entry_id, ':', e.line_no)"
                + " LEFT JOIN payout p ON e.event_type = 'PAYOUT' AND p.end_to_end_id = e.reference"
                + " LEFT JOIN refund_payment r ON e.event_type = 'REFUND_PAID' AND r.refund_id = e.reference"
                // a payment that came in a batch of a notification travels with that batch's reference
                + " LEFT JOIN accepted_bank_reference a ON e.event_type = 'PAYMENT_RECEIVED' AND a.account_iban = ?"
                + "   AND a.bank_reference = SUBSTRING(e.reference, ?)"
                // by its reference: right after a bulk import the statistics can still say one row per import, and the
                // optimizer then scans the whole import for every payment (40 s instead of 0.2 s for 10,000 payments)
                + " LEFT JOIN bank_transaction t FORCE INDEX (ix_bank_transaction_reference) ON t.import_id = a.import_id"
                + "   AND t.account_iban = a.account_iban"
                + "   AND t.bank_reference = a.bank_reference AND t.is_payment = 1"
                + " LEFT JOIN bank_entry ne ON ne.import_id = t.import_id AND ne.entry_no = t.entry_no"
                // a BGMax payment travels in its deposit (TK15), named by the deposit's serial number
                + " LEFT JOIN bank_section bs ON bs.import_id = ne.import_id AND bs.section_no = ne.section_no AND bs.format = 'BGMAX'"
                + " LEFT JOIN reconciliation_break rb ON rb.id = i.break_id"
                + " WHERE (i.item_key IS NULL OR (i.state = 'BREAK' AND rb.opened_on <= ?))"
                + " ORDER BY e.booking_date, e.entry_id, e.line_no",
                rs -> {
                    String key = "L:" + rs.getLong(1) + ":" + rs.getInt(2);
                    String event = rs.getString(4);
                    String reference = rs.getString(5);
                    String batch = null;
                    String counterparty = rs.getString(6);
                    // an allocation, or an event this release does not post (a correction entered by hand), keeps its own
                    LedgerEvent known = LedgerEvent.of(event).orElse(null);
                    if (known == LedgerEvent.PAYMENT_RECEIVED || known == LedgerEvent.PAYMENT_DEDUCTED) {
                        reference = reference.startsWith(prefix) ? reference.substring(prefix.length()) : reference;
                        batch = rs.getString(15);
                    } else if (known == LedgerEvent.PAYOUT) {
                        batch = rs.getString(9);
                        counterparty = rs.getString(10);
                    } else if (known == LedgerEvent.REFUND_PAID) {
                        reference = rs.getString(11) == null ? reference : rs.getString(11);
                        batch = rs.getString(12);
                        counterparty = rs.getString(13);
                    }
                    long minor = rs.getLong(8);
                    Money amount = Money.ofMinor("D".equals(rs.getString(7)) ? minor : -minor, currency);
                    items.add(new BookItem(key, rs.getDate(3).toLocalDate(), amount, reference, batch, counterparty, event));
                    long breakId = rs.getLong(14);
                    if (!rs.wasNull()) {
                        carriedBreaks.put(key, breakId);
                    }
                }, LedgerAccount.bank(iban).name(), Date.valueOf(day), iban, prefix.length() + 1, Date.valueOf(day));
        return items;
    }
}
