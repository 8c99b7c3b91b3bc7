package se.clientfunds.reconciliation;

import static se.clientfunds.jobs.ColumnText.fit;

import java.math.BigDecimal;
import java.sql.Date;
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
import org.springframework.stereotype.Service;

import se.clientfunds.bankfiles.BankStatements;
import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.money.CurrencyCodes;
import se.clientfunds.money.Money;
import se.clientfunds.settings.ClientFundsAccount;
import se.clientfunds.settings.SettlementProperties;

/**
 * Reconciles one client-funds account in one reconciliation run of a business date, in the caller's transaction: the
 * statement entries and BANK postings not reconciled yet, plus those of open breaks (carried forward), go through the
 * {@link Reconciler}; matches clear the breaks they settle, what is left opens new breaks; then the breaks open at the
 * end of the run are kept as they stand, and the roll-forward against the run before, the ageing, the balance proof and
 * the statement continuity are written to {@code reconciliation_day} under the run.
 */
@Service
public class AccountReconciliation {

    private final JdbcTemplate jdbc;
    private final BankingCalendar calendar;
    private final SettlementProperties properties;
    private final ReconciliationItems items;
    private final ReconciliationStore store;
    private final BankStatements bankStatements;

    AccountReconciliation(JdbcTemplate jdbc, BankingCalendar calendar, SettlementProperties properties, ReconciliationItems items,
                          ReconciliationStore store, BankStatements statements) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.properties = properties;
        this.items = items;
        this.store = store;
        this.bankStatements = statements;
    }

    /** Whether the account's part of the run is written already (a restarted job skips it). */
    public boolean done(LocalDate day, int run, String iban) {
        return store.accountDone(day, run, iban);
    }

    /**
     * An account with no statement ever and nothing on it in the books is not in use yet: there is nothing to
     * reconcile, and no statement is missing.
     */
    public boolean inUse(LocalDate day, String iban) {
        return bankStatements.inUse(iban, day);
    }

    public ReconciliationDay reconcile(LocalDate day, int run, ClientFundsAccount account) {
        String iban = account.iban();
        String currency = account.currency();
        Map<String, Long> carriedBreaks = new HashMap<>();
        List<BankItem> bank = items.bankItems(day, iban, currency, carriedBreaks);
        List<BookItem> books = items.bookItems(day, iban, currency, carriedBreaks);
        Reconciler reconciler = new Reconciler(new Reconciler.Settings(tolerance(currency), properties.reconciliation().windowDays()),
                calendar);
        Reconciler.Result result = reconciler.reconcile(bank, books);

        Map<MatchRule, Integer> counts = new EnumMap<>(MatchRule.class);
        for (MatchRule rule : MatchRule.values()) {
            counts.put(rule, 0);
        }
        for (Match match : result.matches()) {
            counts.merge(match.rule(), 1, Integer::sum);
            long matchId = store.insertMatch(day, run, iban, currency, match);
            for (BankItem item : match.bank()) {
                store.settle(item.key(), iban, "MATCHED", matchId, carriedBreaks.get(item.key()), day, run, match.rule().name());
            }
            for (BookItem item : match.books()) {
                store.settle(item.key(), iban, "MATCHED", matchId, carriedBreaks.get(item.key()), day, run, match.rule().name());
            }
        }
        for (Reconciler.Difference difference : result.differences()) {
            BankItem item = difference.bank();
            BookItem posting = difference.books();
            long breakId = store.insertBreak(new ReconciliationStore.NewBreak(iban, currency, BreakType.AMOUNT_DIFFERENCE,
                    difference.bankMinusBooks().minorUnits(), item.amount().minorUnits(), posting.amount().minorUnits(),
                    item.displayReference(), item.counterparty() != null ? item.counterparty() : posting.counterparty(),
                    posting.event(), item.bookingDate(), item.key(), posting.key()), day, run);
            store.settle(item.key(), iban, "DIFFERENCE", null, carriedBreaks.get(item.key()), day, run, "AMOUNT_DIFFERENCE");
            store.settle(posting.key(), iban, "DIFFERENCE", null, carriedBreaks.get(posting.key()), day, run, "AMOUNT_DIFFERENCE");
            store.linkItems(breakId, item.key(), posting.key());
        }
        for (BankItem item : result.unmatchedBank()) {
            if (!carriedBreaks.containsKey(item.key())) {
                long breakId = store.insertBreak(new ReconciliationStore.NewBreak(iban, currency, BreakType.MISSING_IN_BOOKS,
                        item.amount().minorUnits(), item.amount().minorUnits(), 0, item.displayReference(), item.counterparty(),
                        null, item.bookingDate(), item.key(), null), day, run);
                store.insertItem(item.key(), iban, "BREAK", null, breakId);
            }
        }
        for (BookItem item : result.unmatchedBooks()) {
            if (!carriedBreaks.containsKey(item.key())) {
                long breakId = store.insertBreak(new ReconciliationStore.NewBreak(iban, currency, BreakType.MISSING_IN_BANK,
                        item.amount().minorUnits(), 0, item.amount().minorUnits(), item.reference(), item.counterparty(),
                        item.event(), item.bookingDate(), null, item.key()), day, run);
                store.insertItem(item.key(), iban, "BREAK", null, breakId);
            }
        }
        return summarise(day, run, account, counts);
    }

    // --- the run's figures

    private ReconciliationDay summarise(LocalDate day, int run, ClientFundsAccount account, Map<MatchRule, Integer> counts) {
        String iban = account.iban();
        String currency = account.currency();
        Date date = Date.valueOf(day);
        // the breaks as they stand at the end of this run, kept so the day's reports show them so for good
        List<ReconciliationStore.OpenBreak> open = store.openAt(day, iban);
        store.snapshot(day, run, iban, open);
        Set<Long> current = new LinkedHashSet<>(ReconciliationStore.ids(open));
        BreakRollForward rollForward = BreakRollForward.between(store.previousSnapshot(day, run, iban).orElse(Set.of()), current);
        int[] ageing = new int[4];
        long[] sides = {0, 0};
        for (ReconciliationStore.OpenBreak item : open) {
            long age = calendar.bankingDaysBetween(item.bookingDate(), day);
            ageing[age <= 1 ? 0 : age <= 5 ? 1 : age <= 10 ? 2 : 3]++;
            sides[0] += item.bankMinor();
            sides[1] += item.booksMinor();
        }
        Money bankOnly = Money.ofMinor(sides[0], currency);
        Money booksOnly = Money.ofMinor(sides[1], currency);
        Money residuals = Money.ofMinor(store.residuals(day, iban), currency);
        Money resolved = Money.ofMinor(store.resolvedByOperators(day, iban), currency);
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
        List<ContinuityFinding> continuity = new ArrayList<>();
        Optional<Money> statementClosing = statementClosing(day, iban, currency, continuity);
        Money unexplained = statementClosing.map(bankClosing -> bankClosing.minus(ledger)
                .minus(bankOnly.minus(booksOnly).plus(residuals).plus(resolved)))
                .orElse(null);
        ReconciliationDay result = new ReconciliationDay(day, iban, statementClosing.orElse(null), ledger, bankOnly, booksOnly,
                residuals, resolved, unexplained, counts, rollForward.opening(), rollForward.opened(), rollForward.cleared(),
                rollForward.closing(), ageing, continuity);
        jdbc.update("INSERT INTO reconciliation_day (business_date, account_iban, run_no, currency, statement_closing_minor,"
                + " ledger_closing_minor, bank_only_minor, books_only_minor, residual_minor, resolved_minor, unexplained_minor,"
                + " matched_reference,"
                + " matched_batch, matched_counterparty, matched_tolerance, opening_breaks, new_breaks, cleared_breaks,"
                + " closing_breaks, aged_0_1, aged_2_5, aged_6_10, aged_over_10, continuity, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                date, iban, run, currency, statementClosing.map(Money::minorUnits).orElse(null), ledger.minorUnits(),
                bankOnly.minorUnits(), booksOnly.minorUnits(), residuals.minorUnits(), resolved.minorUnits(),
                unexplained == null ? null : unexplained.minorUnits(), counts.get(MatchRule.REFERENCE),
                counts.get(MatchRule.BATCH_TOTAL), counts.get(MatchRule.AMOUNT_AND_COUNTERPARTY), counts.get(MatchRule.TOLERANCE),
                rollForward.opening(), rollForward.opened(), rollForward.cleared(), rollForward.closing(), ageing[0], ageing[1],
                ageing[2], ageing[3], ContinuityFinding.encode(continuity),
                result.reconciled() && continuity.isEmpty() ? "RECONCILED" : "FAILED_RECONCILIATION");
        return result;
    }

    /**
     * The closing booked balance of the day's statement, checking the chain: its opening is the previous statement's
     * closing, its sequence number follows, and no banking day in between lacks a statement.
     */
    private Optional<Money> statementClosing(LocalDate day, String iban, String currency, List<ContinuityFinding> problems) {
        List<Object[]> statements = jdbc.query("SELECT s.closing_date, s.opening_minor, s.closing_minor, s.sequence_number,"
                + " s.opening_date FROM imported_bank_section s WHERE s.account_iban = ? AND s.format IN ('CAMT_053', 'MT940')"
                + " AND s.closing_date <= ? ORDER BY s.closing_date DESC, s.import_id DESC, s.section_no DESC LIMIT 2",
                (rs, row) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getObject(2), rs.getObject(3), rs.getObject(4)},
                iban, Date.valueOf(day));
        if (statements.isEmpty() || !statements.get(0)[0].equals(day)) {
            problems.add(ContinuityFinding.noStatement(day));
            return Optional.empty();
        }
        Object[] today = statements.get(0);
        if (statements.size() > 1) {
            Object[] previous = statements.get(1);
            LocalDate previousDate = (LocalDate) previous[0];
            for (LocalDate missing = calendar.nextBankingDay(previousDate); missing.isBefore(day);
                 missing = calendar.nextBankingDay(missing)) {
                problems.add(ContinuityFinding.gap(missing, previousDate, day));
            }
            if (previous[2] != null && today[1] != null && ((Number) previous[2]).longValue() != ((Number) today[1]).longValue()) {
                problems.add(ContinuityFinding.openingDiffers(day, previousDate, Money.ofMinor(((Number) today[1]).longValue(), currency),
                        Money.ofMinor(((Number) previous[2]).longValue(), currency)));
            }
            if (previous[3] != null && today[3] != null && ((Number) today[3]).longValue() != ((Number) previous[3]).longValue() + 1) {
                problems.add(ContinuityFinding.sequenceBreak(day, previousDate, ((Number) today[3]).longValue(),
                        ((Number) previous[3]).longValue()));
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
