package se.clientfunds.ledger;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.clientfunds.database.TableStatistics;
import se.clientfunds.jobs.Causes;
import se.clientfunds.money.CurrencyCodes;
import se.clientfunds.money.Money;

/**
 * The append-only double-entry journal in MariaDB. Entries are checked here and again by the database's
 * triggers (balance per currency, closed business days, no updates or deletes).
 */
@Repository
public class Ledger {

    /** The increment of {@code journal_entry_seq}: each value it gives starts a block of this many ids. */
    private static final int ID_BLOCK = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public Ledger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        // explicit, not @Transactional: the single-entry overload calls this one directly, past any proxy
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    /** Refreshes the optimizer's statistics of the journal once a job that posted in bulk has completed. */
    public TableStatistics statistics() {
        return new TableStatistics(jdbc, "journal_batch", "journal_entry", "journal_line");
    }

    /**
     * Posts the entries in the caller's transaction (or a new one, all or nothing) and returns how many were new.
     * An entry whose event type and reference are already in the journal with the same lines is the same event
     * offered again (a restarted job) and is not posted twice; with different lines it is refused.
     */
    public int post(List<JournalEntry> entries) {
        Integer posted = transaction.execute(status -> postInTransaction(entries));
        return posted == null ? 0 : posted;
    }

    private int postInTransaction(List<JournalEntry> entries) {
        Map<String, List<String>> known = alreadyPosted(entries);
        List<JournalEntry> fresh = new ArrayList<>();
        Map<String, JournalEntry> seen = new HashMap<>();
        for (JournalEntry entry : entries) {
            String key = key(entry.eventType(), entry.reference());
            JournalEntry earlier = seen.putIfAbsent(key, entry);
            if (earlier != null && !earlier.lines().equals(entry.lines())) {
                throw new LedgerRefusedException("event " + entry.eventType() + " " + entry.reference()
                        + " offered twice with different lines", null);
            }
            if (known.containsKey(key)) {
                if (!known.get(key).equals(lineKeys(entry))) {
                    throw new LedgerRefusedException("event " + entry.eventType() + " " + entry.reference()
                            + " is already posted with other lines " + known.get(key) + "; offered " + lineKeys(entry), null);
                }
            } else if (earlier == null) {
                fresh.add(entry);
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        try {
            // ids in the order offered; one batch per booking date, in the order the dates first come (a chunk is one
            // batch in practice)
            long[] ids = nextIds(fresh.size());
            Map<LocalDate, List<Integer>> byDate = new LinkedHashMap<>();
            for (int i = 0; i < fresh.size(); i++) {
                byDate.computeIfAbsent(fresh.get(i).bookingDate(), date -> new ArrayList<>()).add(i);
            }
            byDate.forEach((date, positions) -> postBatch(date, positions.stream().map(fresh::get).toList(),
                    positions.stream().mapToLong(i -> ids[i]).toArray()));
            return fresh.size();
        } catch (DataAccessException e) {
            throw new LedgerRefusedException(Causes.rootMessage(e), e);
        }
    }

    /**
     * Writes the entries (all of one booking date, with their ids) into a new open batch with multi-row inserts, then
     * posts the batch: its trigger checks in one grouped query that every entry balances.
     */
    private void postBatch(LocalDate bookingDate, List<JournalEntry> entries, long[] ids) {
        long batchId = jdbc.queryForObject("SELECT NEXTVAL(journal_batch_seq)", Long.class);
        Date date = Date.valueOf(bookingDate);
        jdbc.update("INSERT INTO journal_batch (id, booking_date, posted) VALUES (?, ?, 0)", batchId, date);
        List<Object[]> entryRows = new ArrayList<>(entries.size());
        List<Object[]> lineRows = new ArrayList<>(entries.size() * 2);
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            long id = ids[i];
            entryRows.add(new Object[] {id, batchId, date, entry.eventType(), entry.reference(), entry.description()});
            int lineNo = 1;
            for (JournalLine line : entry.lines()) {
                lineRows.add(new Object[] {id, lineNo++, line.account().name(), line.account().kind().name(),
                        line.amount().currency().getCurrencyCode(), line.side() == JournalLine.Side.DEBIT ? "D" : "C",
                        line.amount().minorUnits()});
            }
        }
        jdbc.batchUpdate("INSERT INTO journal_entry (id, batch_id, booking_date, event_type, reference, description, posted)"
                + " VALUES (?, ?, ?, ?, ?, ?, 0)", entryRows);
        jdbc.batchUpdate("INSERT INTO journal_line (entry_id, line_no, account, account_kind, currency, side, amount_minor)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", lineRows);
        jdbc.update("UPDATE journal_batch SET posted = 1 WHERE id = ?", batchId);
    }

    /** Fresh entry ids, taken from the sequence in blocks of {@value #ID_BLOCK}. */
    private long[] nextIds(int count) {
        long[] ids = new long[count];
        long next = 0;
        long blockEnd = 0;
        for (int i = 0; i < count; i++) {
            if (next == blockEnd) {
                next = jdbc.queryForObject("SELECT NEXTVAL(journal_entry_seq)", Long.class);
                blockEnd = next + ID_BLOCK;
            }
            ids[i] = next++;
        }
        return ids;
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

    /** Balances of every account up to a date, in the account's normal direction ({@link AccountKind#closing}). */
    public Map<AccountInCurrency, Money> balances(LocalDate upTo) {
        Map<AccountInCurrency, Money> balances = new TreeMap<>();
        jdbc.query("SELECT l.account, l.account_kind, l.currency,"
                + " SUM(CASE l.side WHEN 'D' THEN l.amount_minor ELSE 0 END) AS debit,"
                + " SUM(CASE l.side WHEN 'C' THEN l.amount_minor ELSE 0 END) AS credit"
                + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " WHERE e.posted = 1 AND e.booking_date <= ? GROUP BY l.account, l.account_kind, l.currency",
                rs -> {
                    AccountKind kind = AccountKind.valueOf(rs.getString("account_kind"));
                    String currency = rs.getString("currency");
                    balances.put(new AccountInCurrency(rs.getString("account"), kind, currency), new Money(kind.closing(0,
                            rs.getLong("debit"), rs.getLong("credit")), CurrencyCodes.parse(currency)));
                }, Date.valueOf(upTo));
        return balances;
    }

    /** Whether anything is posted on the account with a booking date up to the day. */
    public boolean hasPostings(LedgerAccount account, LocalDate upTo) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM journal_line l JOIN journal_entry e"
                + " ON e.id = l.entry_id WHERE l.account = ? AND e.posted = 1 AND e.booking_date <= ?)", Boolean.class,
                account.name(), Date.valueOf(upTo)));
    }

    /** The posted lines booked after one day up to another, per currency: how many, and what their debits add up to. */
    public record PostingTotal(String currency, long lines, long debitMinor) {
    }

    /** {@link PostingTotal}s of the lines booked after {@code after} up to {@code upTo}, by currency. */
    public List<PostingTotal> postingTotals(LocalDate after, LocalDate upTo) {
        return jdbc.query("SELECT l.currency, COUNT(*), COALESCE(SUM(CASE WHEN l.side = 'D' THEN l.amount_minor ELSE 0 END), 0)"
                + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " WHERE e.posted = 1 AND e.booking_date > ? AND e.booking_date <= ? GROUP BY l.currency ORDER BY l.currency",
                (rs, row) -> new PostingTotal(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                Date.valueOf(after), Date.valueOf(upTo));
    }

    public long postedEntryCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE posted = 1", Long.class);
    }

    /** The posted lines of the events among these entries that are already in the journal, keyed by event. */
    private Map<String, List<String>> alreadyPosted(List<JournalEntry> entries) {
        Map<String, List<String>> known = new HashMap<>();
        // one query per event type with "reference IN (...)": a row-constructor IN list would not use the unique
        // index on (event_type, reference) and would scan the whole journal for every chunk
        Map<String, List<String>> referencesByType = new TreeMap<>();
        for (JournalEntry entry : entries) {
            referencesByType.computeIfAbsent(entry.eventType(), type -> new ArrayList<>()).add(entry.reference());
        }
        referencesByType.forEach((eventType, references) -> {
            String placeholders = String.join(", ", Collections.nCopies(references.size(), "?"));
            List<Object> args = new ArrayList<>(references.size() + 1);
            args.add(eventType);
            args.addAll(references);
            jdbc.query("SELECT e.event_type, e.reference, l.account, l.side, l.currency, l.amount_minor"
                    + " FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id"
                    + " WHERE e.posted = 1 AND e.event_type = ? AND e.reference IN (" + placeholders + ")"
                    + " ORDER BY e.id, l.line_no", rs -> {
                        known.computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                                .add(lineKey(rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6)));
                    }, args.toArray());
        });
        return known;
    }

    private static List<String> lineKeys(JournalEntry entry) {
        return entry.lines().stream().map(line -> lineKey(line.account().name(),
                line.side() == JournalLine.Side.DEBIT ? "D" : "C", line.amount().currency().getCurrencyCode(),
                line.amount().minorUnits())).toList();
    }

    private static String lineKey(String account, String side, String currency, long minor) {
        return side + " " + account + " " + currency + " " + minor;
    }

    private static String key(String eventType, String reference) {
        return eventType + '\u0000' + reference;
    }
}
