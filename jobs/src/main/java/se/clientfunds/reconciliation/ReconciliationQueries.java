package se.clientfunds.reconciliation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.money.Money;

/** What operators and finance ask of reconciliation: the day per account, its breaks, what needs attention. */
@Repository
public class ReconciliationQueries {

    /** A break as operators see it, with its age in banking days at the date asked about. */
    public record Break(long id, String accountIban, BreakType type, Money amount, String reference, LocalDate bookingDate,
                        long ageDays, String status, LocalDate openedOn, LocalDate clearedOn, String clearedByRule) {
    }

    private final JdbcTemplate jdbc;
    private final BankingCalendar calendar;

    public ReconciliationQueries(JdbcTemplate jdbc, BankingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public List<ReconciliationDay> days(LocalDate day) {
        return jdbc.query("SELECT * FROM reconciliation_day WHERE business_date = ? ORDER BY account_iban", (rs, row) -> {
            String currency = rs.getString("currency");
            Map<MatchRule, Integer> matches = new EnumMap<>(MatchRule.class);
            matches.put(MatchRule.REFERENCE, rs.getInt("matched_reference"));
            matches.put(MatchRule.BATCH_TOTAL, rs.getInt("matched_batch"));
            matches.put(MatchRule.AMOUNT_AND_COUNTERPARTY, rs.getInt("matched_counterparty"));
            matches.put(MatchRule.TOLERANCE, rs.getInt("matched_tolerance"));
            long statement = rs.getLong("statement_closing_minor");
            boolean noStatement = rs.wasNull();
            long unexplained = rs.getLong("unexplained_minor");
            boolean noProof = rs.wasNull();
            String continuity = rs.getString("continuity");
            return new ReconciliationDay(day, rs.getString("account_iban"), noStatement ? null : Money.ofMinor(statement, currency),
                    Money.ofMinor(rs.getLong("ledger_closing_minor"), currency), Money.ofMinor(rs.getLong("bank_only_minor"), currency),
                    Money.ofMinor(rs.getLong("books_only_minor"), currency), Money.ofMinor(rs.getLong("residual_minor"), currency),
                    Money.ofMinor(rs.getLong("resolved_minor"), currency),
                    noProof ? null : Money.ofMinor(unexplained, currency), matches, rs.getInt("opening_breaks"),
                    rs.getInt("new_breaks"), rs.getInt("cleared_breaks"), rs.getInt("closing_breaks"),
                    new int[] {rs.getInt("aged_0_1"), rs.getInt("aged_2_5"), rs.getInt("aged_6_10"), rs.getInt("aged_over_10")},
                    continuity == null ? List.of() : List.of(continuity.split("; ")));
        }, Date.valueOf(day));
    }

    /** Unexplained differences, missing statements, gaps and safeguarding shortfalls of the day, in words. */
    public List<String> attention(LocalDate day) {
        List<String> attention = new ArrayList<>();
        days(day).forEach(reconciled -> attention.addAll(reconciled.attention()));
        jdbc.query("SELECT currency, difference_minor, resource_complete FROM safeguarding WHERE business_date = ?"
                + " AND status = 'SHORTFALL' ORDER BY currency", rs -> {
                    attention.add("safeguarding shortfall of " + Money.ofMinor(-rs.getLong(2), rs.getString(1))
                            + (rs.getInt(3) == 1 ? "" : " (a statement is missing, the resource is incomplete)"));
                }, Date.valueOf(day));
        return attention;
    }

    public String summary(LocalDate day) {
        List<String> parts = new ArrayList<>();
        for (ReconciliationDay reconciled : days(day)) {
            parts.add(reconciled.accountIban() + " " + reconciled.matches().values().stream().mapToInt(Integer::intValue).sum()
                    + " matched, breaks " + reconciled.openingBreaks() + " + " + reconciled.newBreaks() + " − "
                    + reconciled.clearedBreaks() + " = " + reconciled.closingBreaks()
                    + (reconciled.unexplained() == null ? ", no statement" : ", unexplained " + reconciled.unexplained()));
        }
        return String.join("; ", parts);
    }

    /** Breaks that were open at the end of the day (opened on or before it, not cleared by then), oldest first. */
    public List<Break> breaks(LocalDate day) {
        return jdbc.query("SELECT id, account_iban, type, amount_minor, currency, reference, booking_date, status, opened_on,"
                + " cleared_on, cleared_by_rule FROM reconciliation_break WHERE opened_on <= ?"
                + " AND (cleared_on IS NULL OR cleared_on > ?)"
                + " ORDER BY booking_date, id", (rs, row) -> {
                    LocalDate booked = rs.getDate(7).toLocalDate();
                    LocalDate cleared = rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate();
                    return new Break(rs.getLong(1), rs.getString(2), BreakType.valueOf(rs.getString(3)),
                            Money.ofMinor(rs.getLong(4), rs.getString(5)), rs.getString(6), booked,
                            calendar.bankingDaysBetween(booked, day), cleared == null ? rs.getString(8) : "OPEN",
                            rs.getDate(9).toLocalDate(), cleared, rs.getString(11));
                }, Date.valueOf(day), Date.valueOf(day));
    }

    /**
     * An operator explains a break (it stays open and carried, with the explanation) or resolves it (it is closed and
     * no longer offered to matching); who and why are kept. The ledger is never changed: a correction is a posting.
     */
    @Transactional
    public void act(long breakId, boolean resolve, String operator, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a break is " + (resolve ? "resolved" : "explained") + " with a reason (--reason TEXT)");
        }
        List<String> status = jdbc.queryForList("SELECT status FROM reconciliation_break WHERE id = ? FOR UPDATE", String.class, breakId);
        if (status.isEmpty()) {
            throw new IllegalArgumentException("break " + breakId + ": no such break (see ./settle breaks DATE)");
        }
        if ("RESOLVED".equals(status.get(0))) {
            throw new IllegalArgumentException("break " + breakId + " is resolved already");
        }
        jdbc.update("UPDATE reconciliation_break SET status = ?, operator = ?, reason = ?, acted_at = CURRENT_TIMESTAMP(6)"
                + " WHERE id = ?", resolve ? "RESOLVED" : "EXPLAINED", operator, reason, breakId);
        if (resolve) {
            jdbc.update("UPDATE reconciliation_item SET state = 'RESOLVED' WHERE break_id = ?", breakId);
        }
        jdbc.update("INSERT INTO operator_action (operator, action, subject, reason) VALUES (?, ?, ?, ?)", operator,
                resolve ? "RESOLVE_BREAK" : "EXPLAIN_BREAK", "break " + breakId, reason);
    }
}
