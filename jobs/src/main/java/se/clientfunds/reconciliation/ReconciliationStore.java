package se.clientfunds.reconciliation;

import static se.clientfunds.jobs.ColumnText.fit;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import se.clientfunds.money.Money;

/**
 * The reconciliation's own tables: matches, the items' state, breaks with their history, the breaks open at the end
 * of each run, each account's figures per run ({@code reconciliation_day}) and the runs; and the statements' balances
 * the chain is checked on. Rows come back as records. Writes happen in the caller's transaction (one account of one run
 * at a time).
 */
@Repository
class ReconciliationStore {

    /** Where an item ended: matched, in an amount difference, left in a break of its own, or written off by an operator. */
    enum ItemState { MATCHED, DIFFERENCE, BREAK, RESOLVED }

    /** A break's amount and whether it is resolved (by a match or an operator). */
    record BreakAmount(Money amount, boolean resolved) {
    }

    /** A break as it is first written: what it is, which side it came from and whom it concerns. */
    record NewBreak(String iban, String currency, BreakType type, long signedDifference, long bankMinor, long booksMinor,
                    String reference, String counterparty, String bookEvent, LocalDate bookingDate, String bankItem,
                    String booksItem) {

        /** A bank entry and a posting with the same reference whose amounts differ: one break of both. */
        static NewBreak amountDifference(String iban, String currency, Reconciler.Difference difference) {
            BankItem item = difference.bank();
            BookItem posting = difference.books();
            return new NewBreak(iban, currency, BreakType.AMOUNT_DIFFERENCE, difference.bankMinusBooks().minorUnits(),
                    item.amount().minorUnits(), posting.amount().minorUnits(), item.displayReference(),
                    item.counterparty() != null ? item.counterparty() : posting.counterparty(), posting.event(), item.bookingDate(),
                    item.key(), posting.key());
        }

        /** A statement entry the books do not have. */
        static NewBreak missingInBooks(String iban, String currency, BankItem item) {
            return new NewBreak(iban, currency, BreakType.MISSING_IN_BOOKS, item.amount().minorUnits(), item.amount().minorUnits(),
                    0, item.displayReference(), item.counterparty(), null, item.bookingDate(), item.key(), null);
        }

        /** A posting the statement does not have. */
        static NewBreak missingInBank(String iban, String currency, BookItem item) {
            return new NewBreak(iban, currency, BreakType.MISSING_IN_BANK, item.amount().minorUnits(), 0, item.amount().minorUnits(),
                    item.reference(), item.counterparty(), item.event(), item.bookingDate(), null, item.key());
        }

        /** Money into the account or out of it, as the bank side says it (the books side when there is none). */
        String direction() {
            long signed = bankItem != null ? bankMinor : booksMinor;
            return signed >= 0 ? "IN" : "OUT";
        }
    }

    /** A reconciliation run of a business day. */
    record RunOfDay(LocalDate day, int run) {
    }

    /** A break open at the end of a run, with what it looked like then. */
    record OpenBreak(long id, String iban, BreakType type, String direction, long amountMinor, long bankMinor, long booksMinor,
                     String currency, String reference, String counterparty, String bookEvent, LocalDate bookingDate,
                     LocalDate openedOn, String status, String explanation) {
    }

    /** Matches written per multi-row insert: the reconciliation keeps its matches a chunk at a time. */
    static final int MATCH_CHUNK = 1000;

    private final JdbcTemplate jdbc;

    ReconciliationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- matches and items

    /**
     * Inserts the matches (a chunk of at most {@value #MATCH_CHUNK}) with one multi-row insert and returns their ids in
     * the order given, read back by their bank items, which no two matches of a run share (a bank item matches once).
     * The caller's transaction is the only writer of the account's matches in the run.
     */
    List<Long> insertMatches(LocalDate day, int run, String iban, String currency, List<Match> matches) {
        if (matches.size() > MATCH_CHUNK) {
            throw new IllegalArgumentException(matches.size() + " matches at once, at most " + MATCH_CHUNK);
        }
        jdbc.batchUpdate("INSERT INTO reconciliation_match (business_date, run_no, account_iban, currency, match_rule, reference,"
                + " bank_minor, books_minor, residual_minor, bank_items, books_items) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                matches, matches.size(), (statement, match) -> {
                    statement.setDate(1, Date.valueOf(day));
                    statement.setInt(2, run);
                    statement.setString(3, iban);
                    statement.setString(4, currency);
                    statement.setString(5, match.rule().name());
                    statement.setString(6, fit(match.bank().get(0).displayReference(), 140));
                    statement.setLong(7, match.bankTotal().minorUnits());
                    statement.setLong(8, match.booksTotal().minorUnits());
                    statement.setLong(9, match.residual().minorUnits());
                    statement.setString(10, bankItems(match));
                    statement.setString(11, String.join(",", match.books().stream().map(BookItem::key).toList()));
                });
        // the matches just written: the account's newest in the run
        Map<String, Long> byBankItems = new HashMap<>(matches.size() * 2);
        jdbc.query("SELECT id, bank_items FROM reconciliation_match WHERE business_date = ? AND account_iban = ? AND run_no = ?"
                + " ORDER BY id DESC LIMIT ?", rs -> {
                    byBankItems.put(rs.getString(2), rs.getLong(1));
                }, Date.valueOf(day), iban, run, matches.size());
        List<Long> ids = new ArrayList<>(matches.size());
        for (Match match : matches) {
            Long id = byBankItems.get(bankItems(match));
            if (id == null) {
                throw new IllegalStateException("the match of " + bankItems(match) + " on " + iban + " was not found after it was"
                        + " written (run " + run + " of " + day + ")");
            }
            ids.add(id);
        }
        return ids;
    }

    private static String bankItems(Match match) {
        return String.join(",", match.bank().stream().map(BankItem::key).toList());
    }

    /** Items that ended in a state with no open break to clear (none was carried), with multi-row inserts. */
    void insertItems(String iban, ItemState state, List<String> keys, List<Long> matchIds) {
        List<Object[]> rows = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            rows.add(new Object[] {keys.get(i), iban, state.name(), matchIds.get(i)});
        }
        jdbc.batchUpdate("INSERT INTO reconciliation_item (item_key, account_iban, state, match_id, break_id) VALUES (?, ?, ?, ?, NULL)",
                rows);
    }

    /** Records where an item ended; an open break it was in is cleared by the rule that settled it, on this run. */
    void settle(String key, String iban, ItemState state, Long matchId, Long carriedBreak, LocalDate day, int run, String rule) {
        if (carriedBreak == null) {
            insertItem(key, iban, state, matchId, null);
            return;
        }
        jdbc.update("UPDATE reconciliation_item SET state = ?, match_id = ? WHERE item_key = ?", state.name(), matchId, key);
        int cleared = jdbc.update("UPDATE reconciliation_break SET status = 'RESOLVED', cleared_on = ?, cleared_run = ?,"
                + " cleared_by_rule = ?, match_id = ? WHERE id = ? AND status <> 'RESOLVED'", Date.valueOf(day), run, rule, matchId,
                carriedBreak);
        if (cleared > 0) {
            event(carriedBreak, day, run, "CLEARED", rule, null, null);
        } else if (jdbc.queryForObject("SELECT status = 'RESOLVED' AND cleared_by_rule IS NULL FROM reconciliation_break"
                + " WHERE id = ?", Boolean.class, carriedBreak)) {
            // an operator resolved it while this run matched it: counting it as both written off and matched would put
            // its amount in the proof twice; the run is done again from the break as it now stands
            throw new IllegalStateException("break " + carriedBreak + " was resolved by an operator while it was being reconciled;"
                    + " run the reconciliation again");
        }
    }

    void insertItem(String key, String iban, ItemState state, Long matchId, Long breakId) {
        jdbc.update("INSERT INTO reconciliation_item (item_key, account_iban, state, match_id, break_id) VALUES (?, ?, ?, ?, ?)",
                key, iban, state.name(), matchId, breakId);
    }

    void linkItems(long breakId, String... keys) {
        for (String key : keys) {
            jdbc.update("UPDATE reconciliation_item SET break_id = ? WHERE item_key = ?", breakId, key);
        }
    }

    // --- breaks

    long insertBreak(NewBreak item, LocalDate day, int run) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("INSERT INTO reconciliation_break (account_iban, currency,"
                    + " type, direction, amount_minor, bank_minor, books_minor, reference, counterparty, book_event, booking_date,"
                    + " opened_on, opened_run, bank_item, books_item, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " 'OPEN')", Statement.RETURN_GENERATED_KEYS);
            statement.setString(1, item.iban());
            statement.setString(2, item.currency());
            statement.setString(3, item.type().name());
            statement.setString(4, item.direction());
            statement.setLong(5, Math.abs(item.signedDifference()));
            statement.setLong(6, item.bankMinor());
            statement.setLong(7, item.booksMinor());
            statement.setString(8, fit(item.reference(), 140));
            statement.setString(9, item.counterparty() == null ? null : fit(item.counterparty(), 140));
            statement.setString(10, item.bookEvent());
            statement.setDate(11, Date.valueOf(item.bookingDate()));
            statement.setDate(12, Date.valueOf(day));
            statement.setInt(13, run);
            statement.setString(14, item.bankItem());
            statement.setString(15, item.booksItem());
            return statement;
        }, key);
        long id = key.getKey().longValue();
        event(id, day, run, "OPENED", null, null, null);
        return id;
    }

    void event(long breakId, LocalDate day, Integer run, String event, String rule, String operator, String reason) {
        jdbc.update("INSERT INTO reconciliation_break_event (break_id, business_date, run_no, event, match_rule, operator, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", breakId, Date.valueOf(day), run, event, rule,
                operator == null ? null : fit(operator, 100), reason == null ? null : fit(reason, 1000));
    }

    /**
     * The account's breaks open at the end of the day as it stands now: opened on or before it and not cleared by then
     * (by a match of a run of the day or before, or by an operator's resolution belonging to the day or before), with
     * the explanations given up to the day.
     */
    List<OpenBreak> openAt(LocalDate day, String iban) {
        Date date = Date.valueOf(day);
        return jdbc.query("SELECT b.id, b.account_iban, b.type, b.direction, b.amount_minor, b.bank_minor, b.books_minor,"
                + " b.currency, b.reference, b.counterparty, b.book_event, b.booking_date, b.opened_on,"
                + " (SELECT GROUP_CONCAT(CONCAT(v.operator, ' (', v.business_date, '): ', v.reason) ORDER BY v.id SEPARATOR '; ')"
                + "    FROM reconciliation_break_event v WHERE v.break_id = b.id AND v.event = 'EXPLAINED' AND v.business_date <= ?)"
                + " FROM reconciliation_break b WHERE b.account_iban = ? AND b.opened_on <= ?"
                + " AND (b.cleared_on IS NULL OR b.cleared_on > ?) ORDER BY b.booking_date, b.id",
                (rs, row) -> {
                    String explanation = rs.getString(14);
                    return new OpenBreak(rs.getLong(1), rs.getString(2), BreakType.valueOf(rs.getString(3)),
                            direction(rs.getString(4), rs.getLong(6), rs.getLong(7)), rs.getLong(5), rs.getLong(6),
                            rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getDate(12).toLocalDate(), rs.getDate(13).toLocalDate(), explanation == null ? "OPEN" : "EXPLAINED",
                            explanation == null ? null : fit(explanation, 2000));
                }, date, iban, date, date);
    }

    /**
     * Every account's breaks open at the end of a run of the day, as they stood then (status and explanations from the
     * run's snapshot), oldest first.
     */
    List<OpenBreak> openAtEndOf(LocalDate day, int run) {
        return jdbc.query("SELECT b.id, b.account_iban, b.type, b.direction, b.amount_minor, b.currency, b.reference,"
                + " b.counterparty, b.book_event, b.booking_date, o.status, b.opened_on, o.explanation, b.bank_minor, b.books_minor"
                + " FROM reconciliation_open_break o JOIN reconciliation_break b ON b.id = o.break_id"
                + " WHERE o.business_date = ? AND o.run_no = ? ORDER BY b.booking_date, b.id", (rs, row) -> new OpenBreak(
                rs.getLong(1), rs.getString(2), BreakType.valueOf(rs.getString(3)), direction(rs.getString(4), rs.getLong(14),
                rs.getLong(15)), rs.getLong(5), rs.getLong(14), rs.getLong(15), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getDate(10).toLocalDate(), rs.getDate(12).toLocalDate(), rs.getString(11), rs.getString(13)),
                Date.valueOf(day), run);
    }

    /** A break's amount, locked for the caller's transaction when asked; empty when there is no such break. */
    Optional<BreakAmount> amount(long breakId, boolean lock) {
        return jdbc.query("SELECT status, amount_minor, currency FROM reconciliation_break WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                (rs, row) -> new BreakAmount(Money.ofMinor(rs.getLong(2), rs.getString(3)), "RESOLVED".equals(rs.getString(1))),
                breakId).stream().findFirst();
    }

    /** An operator writes a break off on the business day given: no longer open from that day, its items resolved. */
    void resolveByOperator(long breakId, String operator, String reason, LocalDate concerns) {
        jdbc.update("UPDATE reconciliation_break SET status = 'RESOLVED', operator = ?, reason = ?, acted_at = CURRENT_TIMESTAMP(6),"
                + " cleared_on = ? WHERE id = ?", operator, reason, Date.valueOf(concerns), breakId);
        jdbc.update("UPDATE reconciliation_item SET state = ? WHERE break_id = ?", ItemState.RESOLVED.name(), breakId);
    }

    /** An operator explains a break: the latest explanation on the break, every one of them in its history. */
    void explain(long breakId, String operator, String reason) {
        jdbc.update("UPDATE reconciliation_break SET status = 'EXPLAINED', operator = ?, reason = ?, acted_at = CURRENT_TIMESTAMP(6)"
                + " WHERE id = ?", operator, reason, breakId);
    }

    /** A break's history, oldest first. */
    List<ReconciliationQueries.BreakEvent> history(long breakId) {
        return jdbc.query("SELECT break_id, business_date, run_no, event, match_rule, operator, reason, acted_at"
                + " FROM reconciliation_break_event WHERE break_id = ? ORDER BY id", (rs, row) -> new ReconciliationQueries.BreakEvent(
                rs.getLong(1), rs.getDate(2).toLocalDate(), (Integer) rs.getObject(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toLocalDateTime()), breakId);
    }

    /** Keeps the breaks open at the end of a run of an account, as they stood. */
    void snapshot(LocalDate day, int run, String iban, List<OpenBreak> open) {
        jdbc.update("DELETE FROM reconciliation_open_break WHERE business_date = ? AND run_no = ? AND account_iban = ?",
                Date.valueOf(day), run, iban);
        jdbc.batchUpdate("INSERT INTO reconciliation_open_break (business_date, run_no, account_iban, break_id, status, explanation)"
                + " VALUES (?, ?, ?, ?, ?, ?)", open, 1000, (statement, item) -> {
                    statement.setDate(1, Date.valueOf(day));
                    statement.setInt(2, run);
                    statement.setString(3, iban);
                    statement.setLong(4, item.id());
                    statement.setString(5, item.status());
                    statement.setString(6, item.explanation());
                });
    }

    /** The break ids open at the end of the account's reconciliation run before (day, run), and when that was. */
    Optional<Set<Long>> previousSnapshot(LocalDate day, int run, String iban) {
        Optional<RunOfDay> previous = jdbc.query("SELECT business_date, run_no FROM reconciliation_day WHERE account_iban = ?"
                + " AND (business_date < ? OR (business_date = ? AND run_no < ?)) ORDER BY business_date DESC, run_no DESC LIMIT 1",
                (rs, row) -> new RunOfDay(rs.getDate(1).toLocalDate(), rs.getInt(2)), iban, Date.valueOf(day), Date.valueOf(day), run)
                .stream().findFirst();
        return previous.map(before -> new LinkedHashSet<>(jdbc.queryForList("SELECT break_id FROM reconciliation_open_break"
                + " WHERE business_date = ? AND run_no = ? AND account_iban = ?", Long.class, Date.valueOf(before.day()),
                before.run(), iban)));
    }

    /** Tolerance residuals (bank − books) of the account's matches up to the day, of every run. */
    long residuals(LocalDate day, String iban) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(residual_minor), 0) FROM reconciliation_match WHERE account_iban = ?"
                + " AND business_date <= ?", Long.class, iban, Date.valueOf(day));
    }

    /** What breaks operators wrote off (resolved without a match) up to the day stand for: bank − books. */
    long resolvedByOperators(LocalDate day, String iban) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(bank_minor - books_minor), 0) FROM reconciliation_break"
                // resolved by an operator: cleared by no rule (an explanation alone leaves an operator on the row too)
                + " WHERE account_iban = ? AND status = 'RESOLVED' AND cleared_by_rule IS NULL AND cleared_on <= ?",
                Long.class, iban, Date.valueOf(day));
    }

    // --- statements and the run's figures per account

    /** The account's latest statements (camt.053, MT940) closing on or before the day, newest first: at most two. */
    List<StatementContinuity.Statement> latestStatements(String iban, LocalDate day) {
        return jdbc.query("SELECT s.closing_date, s.opening_minor, s.closing_minor, s.sequence_number"
                + " FROM imported_bank_section s WHERE s.account_iban = ? AND s.format IN ('CAMT_053', 'MT940')"
                + " AND s.closing_date <= ? ORDER BY s.closing_date DESC, s.import_id DESC, s.section_no DESC LIMIT 2",
                (rs, row) -> new StatementContinuity.Statement(rs.getDate(1).toLocalDate(), rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class), rs.getObject(4, Long.class)),
                iban, Date.valueOf(day));
    }

    /** Writes an account's figures of a run: what marks the account's part of the run as done. */
    void insertDay(int run, ReconciliationDay day) {
        BalanceProof proof = day.proof();
        BreakRollForward rollForward = day.rollForward();
        BreakAgeing ageing = day.breakAgeing();
        jdbc.update("INSERT INTO reconciliation_day (business_date, account_iban, run_no, currency, statement_closing_minor,"
                + " ledger_closing_minor, bank_only_minor, books_only_minor, residual_minor, resolved_minor, unexplained_minor,"
                + " matched_reference,"
                + " matched_batch, matched_counterparty, matched_tolerance, opening_breaks, new_breaks, cleared_breaks,"
                + " closing_breaks, aged_0_1, aged_2_5, aged_6_10, aged_over_10, continuity, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Date.valueOf(day.businessDate()), day.accountIban(), run, proof.ledgerClosing().currency().getCurrencyCode(),
                minor(proof.statementClosing()), proof.ledgerClosing().minorUnits(), proof.bankOnly().minorUnits(),
                proof.booksOnly().minorUnits(), proof.residuals().minorUnits(), proof.resolvedByOperators().minorUnits(),
                minor(proof.unexplained()), day.matches().get(MatchRule.REFERENCE), day.matches().get(MatchRule.BATCH_TOTAL),
                day.matches().get(MatchRule.AMOUNT_AND_COUNTERPARTY), day.matches().get(MatchRule.TOLERANCE),
                rollForward.opening(), rollForward.opened(), rollForward.cleared(), rollForward.closing(), ageing.upToOne(),
                ageing.twoToFive(), ageing.sixToTen(), ageing.overTen(), ContinuityFinding.encode(day.continuity()),
                day.failed() ? "FAILED_RECONCILIATION" : "RECONCILED");
    }

    /** The accounts' figures of a run of the day, in IBAN order. */
    List<ReconciliationDay> days(LocalDate day, int run) {
        return jdbc.query("SELECT * FROM reconciliation_day WHERE business_date = ? AND run_no = ? ORDER BY account_iban", (rs, row) -> {
            String currency = rs.getString("currency");
            Map<MatchRule, Integer> matches = new EnumMap<>(MatchRule.class);
            matches.put(MatchRule.REFERENCE, rs.getInt("matched_reference"));
            matches.put(MatchRule.BATCH_TOTAL, rs.getInt("matched_batch"));
            matches.put(MatchRule.AMOUNT_AND_COUNTERPARTY, rs.getInt("matched_counterparty"));
            matches.put(MatchRule.TOLERANCE, rs.getInt("matched_tolerance"));
            Long statement = rs.getObject("statement_closing_minor", Long.class);
            Long unexplained = rs.getObject("unexplained_minor", Long.class);
            BalanceProof proof = new BalanceProof(money(statement, currency),
                    Money.ofMinor(rs.getLong("ledger_closing_minor"), currency), Money.ofMinor(rs.getLong("bank_only_minor"), currency),
                    Money.ofMinor(rs.getLong("books_only_minor"), currency), Money.ofMinor(rs.getLong("residual_minor"), currency),
                    Money.ofMinor(rs.getLong("resolved_minor"), currency), money(unexplained, currency));
            return new ReconciliationDay(day, rs.getString("account_iban"), matches,
                    new BreakRollForward(rs.getInt("opening_breaks"), rs.getInt("new_breaks"), rs.getInt("cleared_breaks"),
                            rs.getInt("closing_breaks")),
                    new BreakAgeing(rs.getInt("aged_0_1"), rs.getInt("aged_2_5"), rs.getInt("aged_6_10"), rs.getInt("aged_over_10")),
                    proof, ContinuityFinding.decode(rs.getString("continuity")));
        }, Date.valueOf(day), run);
    }

    // --- what safeguarding counts of a run

    /** Each account's part of a run of the day: its statement's closing, residuals, write-offs, unexplained rest and books. */
    List<SafeguardingCalculation.AccountRun> accountRuns(LocalDate day, int run) {
        return jdbc.query("SELECT account_iban, currency, statement_closing_minor, residual_minor, resolved_minor, unexplained_minor,"
                + " ledger_closing_minor FROM reconciliation_day WHERE business_date = ? AND run_no = ?", (rs, row) ->
                new SafeguardingCalculation.AccountRun(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class), rs.getLong(4),
                        rs.getLong(5), rs.getObject(6, Long.class), rs.getLong(7)), Date.valueOf(day), run);
    }

    /** The breaks open at the end of a run of the day, every account's, with their signed sides. */
    List<SafeguardingCalculation.OpenItem> openItems(LocalDate day, int run) {
        return jdbc.query("SELECT b.account_iban, b.type, b.bank_minor, b.books_minor, b.book_event"
                + " FROM reconciliation_open_break o JOIN reconciliation_break b ON b.id = o.break_id"
                + " WHERE o.business_date = ? AND o.run_no = ?", (rs, row) -> new SafeguardingCalculation.OpenItem(rs.getString(1),
                BreakType.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getString(5)), Date.valueOf(day), run);
    }

    // --- runs

    /** The latest completed run of the day, if it was reconciled. */
    Optional<Integer> latestRun(LocalDate day) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(run_no) FROM reconciliation_run WHERE business_date = ?",
                Integer.class, Date.valueOf(day)));
    }

    /** The last imported file the latest completed run of the day had (a later one it did not see). */
    Optional<Long> importsSeen(LocalDate day) {
        return jdbc.query("SELECT import_upto FROM reconciliation_run WHERE business_date = ? ORDER BY run_no DESC LIMIT 1",
                (rs, row) -> rs.getLong(1), Date.valueOf(day)).stream().findFirst();
    }

    /**
     * Whether the breaks the latest run of the day left open include some a later run of an earlier day has cleared on or
     * before it since: the day's balance proof would come out otherwise now.
     */
    boolean openBreaksClearedSince(LocalDate day) {
        return jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM reconciliation_open_break o JOIN reconciliation_break b"
                + " ON b.id = o.break_id WHERE o.business_date = ? AND o.run_no = (SELECT MAX(r.run_no) FROM reconciliation_run r"
                + " WHERE r.business_date = o.business_date) AND b.cleared_on IS NOT NULL AND b.cleared_on <= ?"
                + " AND b.cleared_by_rule IS NOT NULL)", Boolean.class, Date.valueOf(day), Date.valueOf(day));
    }

    /**
     * The closed days, oldest first, whose latest run another day's later run has made stale: some of the breaks it
     * left open have been cleared on or before it since.
     */
    List<LocalDate> daysWithBreaksClearedSince() {
        return jdbc.queryForList("SELECT DISTINCT o.business_date FROM reconciliation_open_break o JOIN reconciliation_break b"
                + " ON b.id = o.break_id WHERE o.run_no = (SELECT MAX(r.run_no) FROM reconciliation_run r"
                + " WHERE r.business_date = o.business_date) AND b.cleared_on IS NOT NULL AND b.cleared_on <= o.business_date"
                + " AND b.cleared_by_rule IS NOT NULL ORDER BY o.business_date", Date.class).stream().map(Date::toLocalDate).toList();
    }

    /** The days, oldest first, whose latest completed reconciliation run had no statement for some account. */
    List<LocalDate> daysReconciledWithoutAStatement() {
        return jdbc.queryForList("SELECT DISTINCT d.business_date FROM reconciliation_day d JOIN reconciliation_run r"
                + " ON r.business_date = d.business_date AND r.run_no = d.run_no WHERE d.statement_closing_minor IS NULL"
                + " AND d.run_no = (SELECT MAX(l.run_no) FROM reconciliation_run l WHERE l.business_date = d.business_date)"
                + " ORDER BY d.business_date", Date.class).stream().map(Date::toLocalDate).toList();
    }

    void completeRun(LocalDate day, int run, long jobExecutionId, String reason) {
        jdbc.update("DELETE FROM reconciliation_run WHERE business_date = ? AND run_no = ?", Date.valueOf(day), run);
        // the imported files the run had: a statement imported after it is one the run did not see
        jdbc.update("INSERT INTO reconciliation_run (business_date, run_no, job_execution_id, reason, import_upto)"
                + " VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(id), 0) FROM imported_file))", Date.valueOf(day), run, jobExecutionId,
                fit(reason, 500));
    }

    boolean accountDone(LocalDate day, int run, String iban) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_day WHERE business_date = ? AND run_no = ?"
                + " AND account_iban = ?", Integer.class, Date.valueOf(day), run, iban) > 0;
    }

    private static Long minor(Money money) {
        return money == null ? null : money.minorUnits();
    }

    private static Money money(Long minor, String currency) {
        return minor == null ? null : Money.ofMinor(minor, currency);
    }

    private static String direction(String stored, long bankMinor, long booksMinor) {
        if (stored != null) {
            return stored;
        }
        // a break written before directions were kept: told from its signed amounts
        long signed = bankMinor != 0 ? bankMinor : booksMinor;
        return signed >= 0 ? "IN" : "OUT";
    }

    static List<Long> ids(List<OpenBreak> open) {
        List<Long> ids = new ArrayList<>();
        open.forEach(item -> ids.add(item.id()));
        return ids;
    }
}
