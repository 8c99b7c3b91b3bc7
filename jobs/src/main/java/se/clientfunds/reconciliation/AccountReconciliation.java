package se.clientfunds.reconciliation;

import static se.clientfunds.jobs.ColumnText.fit;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.money.CurrencyCodes;
import se.clientfunds.money.Money;
import se.clientfunds.settings.ClientFundsAccount;
import se.clientfunds.settings.SettlementProperties;

/**
 * Reconciles one client-funds account for one business date, in the caller's transaction: the statement entries and
 * BANK postings not reconciled yet, plus those of open breaks (carried forward), go through the {@link Reconciler};
 * matches clear the breaks they settle, what is left opens new breaks; then the roll-forward, the ageing, the balance
 * proof and the statement continuity are written to {@code reconciliation_day}.
 */
@Service
public class AccountReconciliation {

    private final JdbcTemplate jdbc;
    private final BankingCalendar calendar;
    private final SettlementProperties properties;

    public AccountReconciliation(JdbcTemplate jdbc, BankingCalendar calendar, SettlementProperties properties) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.properties = properties;
    }

    /** Whether the account's day is reconciled already (a restarted job skips it). */
    public boolean done(LocalDate day, String iban) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_day WHERE business_date = ? AND account_iban = ?",
                Integer.class, Date.valueOf(day), iban) > 0;
    }

    /**
     * An account with no statement ever and nothing on it in the books is not in use yet: there is nothing to
     * reconcile, and no statement is missing.
     */
    public boolean inUse(LocalDate day, String iban) {
        return jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM imported_bank_section WHERE account_iban = ?"
                + " AND format IN ('CAMT_053', 'MT940') AND closing_date <= ?) OR EXISTS (SELECT 1 FROM journal_line l"
                + " JOIN journal_entry e ON e.id = l.entry_id WHERE l.account = ? AND e.posted = 1 AND e.booking_date <= ?)",
                Boolean.class, iban, Date.valueOf(day), "BANK:" + iban, Date.valueOf(day));
    }

    public ReconciliationDay reconcile(LocalDate day, ClientFundsAccount account) {
        String iban = account.iban();
        String currency = account.currency();
        Map<String, Long> carriedBreaks = new HashMap<>();
        List<BankItem> bank = bankItems(day, iban, currency, carriedBreaks);
        List<BookItem> books = bookItems(day, iban, currency, carriedBreaks);
        Reconciler reconciler = new Reconciler(new Reconciler.Settings(tolerance(currency), properties.reconciliation().windowDays()),
                calendar);
        Reconciler.Result result = reconciler.reconcile(bank, books);

        Map<MatchRule, Integer> counts = new EnumMap<>(MatchRule.class);
        for (MatchRule rule : MatchRule.values()) {
            counts.put(rule, 0);
        }
        for (Match match : result.matches()) {
            counts.merge(match.rule(), 1, Integer::sum);
            long matchId = insertMatch(day, iban, currency, match);
            for (BankItem item : match.bank()) {
                settle(item.key(), iban, "MATCHED", matchId, carriedBreaks.get(item.key()), day, match.rule().name());
            }
            for (BookItem item : match.books()) {
                settle(item.key(), iban, "MATCHED", matchId, carriedBreaks.get(item.key()), day, match.rule().name());
            }
        }
        for (Reconciler.Difference difference : result.differences()) {
            BankItem item = difference.bank();
            long breakId = insertBreak(iban, currency, BreakType.AMOUNT_DIFFERENCE, difference.bankMinusBooks().minorUnits(),
                    item.amount().minorUnits(), difference.books().amount().minorUnits(), item.displayReference(),
                    item.bookingDate(), day, item.key(), difference.books().key());
            settle(item.key(), iban, "DIFFERENCE", null, carriedBreaks.get(item.key()), day, "AMOUNT_DIFFERENCE");
            settle(difference.books().key(), iban, "DIFFERENCE", null, carriedBreaks.get(difference.books().key()), day,
                    "AMOUNT_DIFFERENCE");
            jdbc.update("UPDATE reconciliation_item SET break_id = ? WHERE item_key IN (?, ?)", breakId, item.key(),
                    difference.books().key());
        }
        for (BankItem item : result.unmatchedBank()) {
            if (!carriedBreaks.containsKey(item.key())) {
                long breakId = insertBreak(iban, currency, BreakType.MISSING_IN_BOOKS, item.amount().minorUnits(),
                        item.amount().minorUnits(), 0, item.displayReference(), item.bookingDate(), day, item.key(), null);
                insertItem(item.key(), iban, "BREAK", null, breakId);
            }
        }
        for (BookItem item : result.unmatchedBooks()) {
            if (!carriedBreaks.containsKey(item.key())) {
                long breakId = insertBreak(iban, currency, BreakType.MISSING_IN_BANK, item.amount().minorUnits(), 0,
                        item.amount().minorUnits(), item.reference(), item.bookingDate(), day, null, item.key());
                insertItem(item.key(), iban, "BREAK", null, breakId);
            }
        }
        return summarise(day, account, counts);
    }

    // --- the two sides

    /** Booked statement entries up to the day not reconciled yet, and those in open breaks. */
    private List<BankItem> bankItems(LocalDate day, String iban, String currency, Map<String, Long> carriedBreaks) {
        Map<String, List<String[]>> transactions = new HashMap<>();
        jdbc.query("SELECT t.import_id, t.entry_no, t.bank_reference, t.end_to_end_id, t.counterparty_name"
                + " FROM imported_bank_transaction t JOIN bank_section s ON s.import_id = t.import_id"
                + " JOIN bank_entry e ON e.import_id = t.import_id AND e.entry_no = t.entry_no AND e.section_no = s.section_no"
                + " LEFT JOIN reconciliation_item i ON i.item_key = CONCAT('B:', t.import_id, ':', t.entry_no)"
                + " WHERE s.format IN ('CAMT_053', 'MT940') AND t.account_iban = ? AND e.booking_date <= ?"
                + " AND (i.item_key IS NULL OR i.state = 'BREAK') ORDER BY t.import_id, t.entry_no, t.transaction_no",
                rs -> {
                    transactions.computeIfAbsent(rs.getLong(1) + ":" + rs.getLong(2), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(3), rs.getString(4), rs.getString(5)});
                }, iban, Date.valueOf(day));
        List<BankItem> items = new ArrayList<>();
        jdbc.query("SELECT e.import_id, e.entry_no, e.booking_date, e.value_date, e.direction, e.amount_minor,"
                + " e.entry_reference, e.payment_information_id, i.break_id"
                + " FROM imported_bank_entry e JOIN bank_section s ON s.import_id = e.import_id AND s.section_no = e.section_no"
                + " LEFT JOIN reconciliation_item i ON i.item_key = CONCAT('B:', e.import_id, ':', e.entry_no)"
                + " WHERE s.format IN ('CAMT_053', 'MT940') AND e.account_iban = ? AND e.booking_date <= ?"
                + " AND (e.status IS NULL OR e.status = 'BOOK') AND (i.item_key IS NULL OR i.state = 'BREAK')"
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
                }, iban, Date.valueOf(day));
        return items;
    }

    /**
     * BANK postings up to the day not reconciled yet, and those in open breaks, with the reference the bank will show:
     * a payment's bank reference, a payout's or refund's EndToEndId; and the batch it travels in.
     */
    private List<BookItem> bookItems(LocalDate day, String iban, String currency, Map<String, Long> carriedBreaks) {
        List<BookItem> items = new ArrayList<>();
        String prefix = iban + "/";
        jdbc.query("SELECT e.id, l.line_no, e.booking_date, e.event_type, e.reference, e.description, l.side, l.amount_minor,"
                + " p.payment_batch, p.to_name, r.end_to_end_id, r.payment_batch, r.to_name, i.break_id,"
                + " CASE WHEN ne.transaction_count > 1 THEN ne.entry_reference ELSE bs.section_id END"
                + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " LEFT JOIN reconciliation_item i ON i.item_key = CONCAT('L:', e.id, ':', l.line_no)"
                + " LEFT JOIN payout p ON e.event_type = 'PAYOUT' AND p.end_to_end_id = e.reference"
                + " LEFT JOIN refund_payment r ON e.event_type = 'REFUND_PAID' AND r.refund_id = e.reference"
                // a payment that came in a batch of a notification travels with that batch's reference
                + " LEFT JOIN accepted_bank_reference a ON e.event_type = 'PAYMENT_RECEIVED' AND a.account_iban = ?"
                + "   AND a.bank_reference = SUBSTRING(e.reference, ?)"
                + " LEFT JOIN bank_transaction t ON t.import_id = a.import_id AND t.account_iban = a.account_iban"
                + "   AND t.bank_reference = a.bank_reference AND t.is_payment = 1"
                + " LEFT JOIN bank_entry ne ON ne.import_id = t.import_id AND ne.entry_no = t.entry_no"
                // a BGMax payment travels in its deposit (TK15), named by the deposit's serial number
                + " LEFT JOIN bank_section bs ON bs.import_id = ne.import_id AND bs.section_no = ne.section_no AND bs.format = 'BGMAX'"
                + " WHERE l.account = ? AND e.posted = 1 AND e.booking_date <= ? AND (i.item_key IS NULL OR i.state = 'BREAK')"
                + " ORDER BY e.booking_date, e.id, l.line_no",
                rs -> {
                    String key = "L:" + rs.getLong(1) + ":" + rs.getInt(2);
                    String event = rs.getString(4);
                    String reference = rs.getString(5);
                    String batch = null;
                    String counterparty = rs.getString(6);
                    switch (event) {
                        case "PAYMENT_RECEIVED", "PAYMENT_DEDUCTED" -> {
                            reference = reference.startsWith(prefix) ? reference.substring(prefix.length()) : reference;
                            batch = rs.getString(15);
                        }
                        case "PAYOUT" -> {
                            batch = rs.getString(9);
                            counterparty = rs.getString(10);
                        }
                        case "REFUND_PAID" -> {
                            reference = rs.getString(11) == null ? reference : rs.getString(11);
                            batch = rs.getString(12);
                            counterparty = rs.getString(13);
                        }
                        default -> {
                            // a correction or another event: its own reference
                        }
                    }
                    long minor = rs.getLong(8);
                    Money amount = Money.ofMinor("D".equals(rs.getString(7)) ? minor : -minor, currency);
                    items.add(new BookItem(key, rs.getDate(3).toLocalDate(), amount, reference, batch, counterparty));
                    long breakId = rs.getLong(14);
                    if (!rs.wasNull()) {
                        carriedBreaks.put(key, breakId);
                    }
                }, iban, prefix.length() + 1, "BANK:" + iban, Date.valueOf(day));
        return items;
    }

    // --- writing down what happened

    private long insertMatch(LocalDate day, String iban, String currency, Match match) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String reference = match.bank().get(0).displayReference();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("INSERT INTO reconciliation_match (business_date,"
                    + " account_iban, currency, match_rule, reference, bank_minor, books_minor, residual_minor, bank_items,"
                    + " books_items) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            statement.setDate(1, Date.valueOf(day));
            statement.setString(2, iban);
            statement.setString(3, currency);
            statement.setString(4, match.rule().name());
            statement.setString(5, fit(reference, 140));
            statement.setLong(6, match.bankTotal().minorUnits());
            statement.setLong(7, match.booksTotal().minorUnits());
            statement.setLong(8, match.residual().minorUnits());
            statement.setString(9, String.join(",", match.bank().stream().map(BankItem::key).toList()));
            statement.setString(10, String.join(",", match.books().stream().map(BookItem::key).toList()));
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    private long insertBreak(String iban, String currency, BreakType type, long signedDifference, long bankMinor, long booksMinor,
                             String reference, LocalDate bookingDate, LocalDate day, String bankItem, String booksItem) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("INSERT INTO reconciliation_break (account_iban, currency,"
                    + " type, amount_minor, bank_minor, books_minor, reference, booking_date, opened_on, bank_item, books_item,"
                    + " status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')", Statement.RETURN_GENERATED_KEYS);
            statement.setString(1, iban);
            statement.setString(2, currency);
            statement.setString(3, type.name());
            statement.setLong(4, Math.abs(signedDifference));
            statement.setLong(5, bankMinor);
            statement.setLong(6, booksMinor);
            statement.setString(7, fit(reference, 140));
            statement.setDate(8, Date.valueOf(bookingDate));
            statement.setDate(9, Date.valueOf(day));
            statement.setString(10, bankItem);
            statement.setString(11, booksItem);
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    private void insertItem(String key, String iban, String state, Long matchId, Long breakId) {
        jdbc.update("INSERT INTO reconciliation_item (item_key, account_iban, state, match_id, break_id) VALUES (?, ?, ?, ?, ?)",
                key, iban, state, matchId, breakId);
    }

    /** Records where an item ended; an open break it was in is cleared by the rule that settled it. */
    private void settle(String key, String iban, String state, Long matchId, Long carriedBreak, LocalDate day, String rule) {
        if (carriedBreak == null) {
            insertItem(key, iban, state, matchId, null);
            return;
        }
        jdbc.update("UPDATE reconciliation_item SET state = ?, match_id = ? WHERE item_key = ?", state, matchId, key);
        jdbc.update("UPDATE reconciliation_break SET status = 'RESOLVED', cleared_on = ?, cleared_by_rule = ?, match_id = ?"
                + " WHERE id = ? AND status <> 'RESOLVED'", Date.valueOf(day), rule, matchId, carriedBreak);
    }

    // --- the day's figures

    private ReconciliationDay summarise(LocalDate day, ClientFundsAccount account, Map<MatchRule, Integer> counts) {
        String iban = account.iban();
        String currency = account.currency();
        Date date = Date.valueOf(day);
        int opening = jdbc.query("SELECT closing_breaks FROM reconciliation_day WHERE account_iban = ? AND business_date < ?"
                + " ORDER BY business_date DESC LIMIT 1", (rs, row) -> rs.getInt(1), iban, date).stream().findFirst().orElse(0);
        int opened = jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_break WHERE account_iban = ? AND opened_on = ?",
                Integer.class, iban, date);
        // cleared: settled by a match today, or resolved by an operator since the last reconciliation counted it
        int cleared = jdbc.update("UPDATE reconciliation_break SET counted_on = ?, cleared_on = COALESCE(cleared_on, ?)"
                + " WHERE account_iban = ? AND status = 'RESOLVED' AND counted_on IS NULL", date, date, iban);
        int closing = jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_break WHERE account_iban = ?"
                + " AND status IN ('OPEN', 'EXPLAINED')", Integer.class, iban);
        if (opening + opened - cleared != closing) {
            throw new IllegalStateException("breaks of " + iban + " on " + day + " do not roll forward: opening " + opening
                    + " + new " + opened + " − cleared " + cleared + " ≠ closing " + closing);
        }
        int[] ageing = new int[4];
        long[] open = {0, 0};
        jdbc.query("SELECT booking_date, bank_minor, books_minor FROM reconciliation_break WHERE account_iban = ?"
                + " AND status IN ('OPEN', 'EXPLAINED')", rs -> {
                    long age = calendar.bankingDaysBetween(rs.getDate(1).toLocalDate(), day);
                    ageing[age <= 1 ? 0 : age <= 5 ? 1 : age <= 10 ? 2 : 3]++;
                    open[0] += rs.getLong(2);
                    open[1] += rs.getLong(3);
                }, iban);
        Money bankOnly = Money.ofMinor(open[0], currency);
        Money booksOnly = Money.ofMinor(open[1], currency);
        Money residuals = Money.ofMinor(jdbc.queryForObject("SELECT COALESCE(SUM(residual_minor), 0) FROM reconciliation_match"
                + " WHERE account_iban = ? AND business_date <= ?", Long.class, iban, date), currency);
        Money resolved = Money.ofMinor(jdbc.queryForObject("SELECT COALESCE(SUM(bank_minor - books_minor), 0)"
                + " FROM reconciliation_break WHERE account_iban = ? AND status = 'RESOLVED' AND match_id IS NULL"
                + " AND operator IS NOT NULL AND cleared_on <= ?", Long.class, iban, date), currency);
        // the books' closing as the close wrote it (reconciliation runs after the close); a day without it has not closed
        List<Long> closed = jdbc.queryForList("SELECT closing_minor FROM account_position WHERE business_date = ? AND account = ?"
                + " AND currency = ?", Long.class, date, "BANK:" + iban, currency);
        if (closed.isEmpty() && !jdbc.queryForList("SELECT status FROM business_day WHERE business_date = ? AND status = 'CLOSED'",
                String.class, date).isEmpty()) {
            closed = List.of(0L);
        }
        if (closed.isEmpty()) {
            throw new IllegalStateException("reconciliation of " + iban + " on " + day + " needs the day closed first");
        }
        Money ledger = Money.ofMinor(closed.get(0), currency);
        List<String> continuity = new ArrayList<>();
        Optional<Money> statementClosing = statementClosing(day, iban, currency, continuity);
        Money unexplained = statementClosing.map(bankClosing -> bankClosing.minus(ledger)
                .minus(bankOnly.minus(booksOnly).plus(residuals).plus(resolved)))
                .orElse(null);
        ReconciliationDay result = new ReconciliationDay(day, iban, statementClosing.orElse(null), ledger, bankOnly, booksOnly,
                residuals, resolved, unexplained, counts, opening, opened, cleared, closing, ageing, continuity);
        jdbc.update("INSERT INTO reconciliation_day (business_date, account_iban, currency, statement_closing_minor,"
                + " ledger_closing_minor, bank_only_minor, books_only_minor, residual_minor, resolved_minor, unexplained_minor,"
                + " matched_reference,"
                + " matched_batch, matched_counterparty, matched_tolerance, opening_breaks, new_breaks, cleared_breaks,"
                + " closing_breaks, aged_0_1, aged_2_5, aged_6_10, aged_over_10, continuity, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                date, iban, currency, statementClosing.map(Money::minorUnits).orElse(null), ledger.minorUnits(),
                bankOnly.minorUnits(), booksOnly.minorUnits(), residuals.minorUnits(), resolved.minorUnits(),
                unexplained == null ? null : unexplained.minorUnits(), counts.get(MatchRule.REFERENCE),
                counts.get(MatchRule.BATCH_TOTAL), counts.get(MatchRule.AMOUNT_AND_COUNTERPARTY), counts.get(MatchRule.TOLERANCE),
                opening, opened, cleared, closing, ageing[0], ageing[1], ageing[2], ageing[3],
                continuity.isEmpty() ? null : fit(String.join("; ", continuity), 2000),
                result.reconciled() && continuity.isEmpty() ? "RECONCILED" : "FAILED_RECONCILIATION");
        return result;
    }

    /**
     * The closing booked balance of the day's statement, checking the chain: its opening is the previous statement's
     * closing, its sequence number follows, and no banking day in between lacks a statement.
     */
    private Optional<Money> statementClosing(LocalDate day, String iban, String currency, List<String> problems) {
        List<Object[]> statements = jdbc.query("SELECT s.closing_date, s.opening_minor, s.closing_minor, s.sequence_number,"
                + " s.opening_date FROM imported_bank_section s WHERE s.account_iban = ? AND s.format IN ('CAMT_053', 'MT940')"
                + " AND s.closing_date <= ? ORDER BY s.closing_date DESC, s.import_id DESC, s.section_no DESC LIMIT 2",
                (rs, row) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getObject(2), rs.getObject(3), rs.getObject(4)},
                iban, Date.valueOf(day));
        if (statements.isEmpty() || !statements.get(0)[0].equals(day)) {
            problems.add("no statement for " + day);
            return Optional.empty();
        }
        Object[] today = statements.get(0);
        if (statements.size() > 1) {
            Object[] previous = statements.get(1);
            LocalDate previousDate = (LocalDate) previous[0];
            for (LocalDate missing = calendar.nextBankingDay(previousDate); missing.isBefore(day);
                 missing = calendar.nextBankingDay(missing)) {
                problems.add("no statement for banking day " + missing + " (gap between the statements of " + previousDate
                        + " and " + day + ")");
            }
            if (previous[2] != null && today[1] != null && ((Number) previous[2]).longValue() != ((Number) today[1]).longValue()) {
                problems.add("the statement of " + day + " opens with " + Money.ofMinor(((Number) today[1]).longValue(), currency)
                        + " but the statement of " + previousDate + " closed with "
                        + Money.ofMinor(((Number) previous[2]).longValue(), currency));
            }
            if (previous[3] != null && today[3] != null && ((Number) today[3]).longValue() != ((Number) previous[3]).longValue() + 1) {
                problems.add("statement sequence number " + today[3] + " does not follow " + previous[3]);
            }
        }
        return today[2] == null ? Optional.empty() : Optional.of(Money.ofMinor(((Number) today[2]).longValue(), currency));
    }

    private Money tolerance(String currency) {
        BigDecimal decimal = new BigDecimal(properties.reconciliation().tolerance());
        int digits = Money.minorDigits(CurrencyCodes.parse(currency));
        return Money.ofMinor(decimal.movePointRight(digits).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact(), currency);
    }

}
