package se.clientfunds.ledger;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.clientfunds.money.CurrencyCodes;
import se.clientfunds.money.Money;

/**
 * The append-only double-entry journal in MariaDB. Entries are checked here and again by the database's
 * triggers (balance per currency, closed business days, no updates or deletes).
 */
@Repository
public class Ledger {

    private final JdbcTemplate jdbc;

    public Ledger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Posts the entries in the caller's transaction (or a new one) and returns how many were new: an entry whose
     * event type and reference are already in the journal is the same event offered again and is not posted twice.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public int post(List<JournalEntry> entries) {
        Set<String> known = alreadyPosted(entries);
        List<JournalEntry> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JournalEntry entry : entries) {
            String key = key(entry.eventType(), entry.reference());
            if (!known.contains(key) && seen.add(key)) {
                fresh.add(entry);
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        try {
            List<Object[]> entryRows = new ArrayList<>(fresh.size());
            List<Object[]> lineRows = new ArrayList<>();
            long[] ids = new long[fresh.size()];
            for (int i = 0; i < fresh.size(); i++) {
                JournalEntry entry = fresh.get(i);
                ids[i] = jdbc.queryForObject("SELECT NEXTVAL(journal_entry_seq)", Long.class);
                entryRows.add(new Object[] {ids[i], Date.valueOf(entry.bookingDate()), entry.eventType(),
                        entry.reference(), entry.description()});
                int lineNo = 1;
                for (JournalLine line : entry.lines()) {
                    lineRows.add(new Object[] {ids[i], lineNo++, line.account().name(), line.account().kind().name(),
                            line.amount().currency().getCurrencyCode(), line.side() == JournalLine.Side.DEBIT ? "D" : "C",
                            line.amount().minorUnits()});
                }
            }
            jdbc.batchUpdate("INSERT INTO journal_entry (id, booking_date, event_type, reference, description, posted)"
                    + " VALUES (?, ?, ?, ?, ?, 0)", entryRows);
            jdbc.batchUpdate("INSERT INTO journal_line (entry_id, line_no, account, account_kind, currency, side, amount_minor)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", lineRows);
            List<Object[]> postRows = new ArrayList<>(ids.length);
            for (long id : ids) {
                postRows.add(new Object[] {id});
            }
            jdbc.batchUpdate("UPDATE journal_entry SET posted = 1 WHERE id = ?", postRows);
            return fresh.size();
        } catch (DataAccessException e) {
            throw new LedgerRefusedException(rootMessage(e), e);
        }
    }

    public int post(JournalEntry entry) {
        return post(List.of(entry));
    }

    /** The balance of an account in a currency over all posted entries up to and including a date, debit positive. */
    public Money debitBalance(LedgerAccount account, String currency, LocalDate upTo) {
        Long sum = jdbc.queryForObject("SELECT COALESCE(SUM(CASE l.side WHEN 'D' THEN l.amount_minor ELSE -l.amount_minor END), 0)"
                + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " WHERE e.posted = 1 AND l.account = ? AND l.currency = ? AND e.booking_date <= ?",
                Long.class, account.name(), currency, Date.valueOf(upTo));
        return Money.ofMinor(sum, currency);
    }

    /** Balances of every account up to a date, in the account's normal direction (assets debit − credit). */
    public Map<String, Money> balances(LocalDate upTo) {
        Map<String, Money> balances = new TreeMap<>();
        jdbc.query("SELECT l.account, l.account_kind, l.currency,"
                + " SUM(CASE l.side WHEN 'D' THEN l.amount_minor ELSE -l.amount_minor END) AS debit_minus_credit"
                + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " WHERE e.posted = 1 AND e.booking_date <= ? GROUP BY l.account, l.account_kind, l.currency",
                rs -> {
                    long signed = rs.getLong("debit_minus_credit");
                    boolean asset = AccountKind.valueOf(rs.getString("account_kind")).isAsset();
                    balances.put(rs.getString("account") + " " + rs.getString("currency"),
                            new Money(asset ? signed : -signed, CurrencyCodes.parse(rs.getString("currency"))));
                }, Date.valueOf(upTo));
        return balances;
    }

    public long postedEntryCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE posted = 1", Long.class);
    }

    private Set<String> alreadyPosted(List<JournalEntry> entries) {
        Set<String> known = new HashSet<>();
        if (entries.isEmpty()) {
            return known;
        }
        StringBuilder sql = new StringBuilder("SELECT event_type, reference FROM journal_entry WHERE (event_type, reference) IN (");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
            args.add(entries.get(i).eventType());
            args.add(entries.get(i).reference());
        }
        sql.append(")");
        jdbc.query(sql.toString(), rs -> {
            known.add(key(rs.getString(1), rs.getString(2)));
        }, args.toArray());
        return known;
    }

    private static String key(String eventType, String reference) {
        return eventType + '\u0000' + reference;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        // the driver prefixes the server's message with its own context; the server's words are what matter
        int start = message.lastIndexOf("45000");
        return start >= 0 ? message.substring(message.indexOf(' ', start) + 1).trim() : message;
    }
}
