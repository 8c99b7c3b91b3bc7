package se.clientfunds.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import se.clientfunds.bankfiles.BankStatements;
import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.close.Positions;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.money.CurrencyCodes;
import se.clientfunds.money.Money;
import se.clientfunds.reconciliation.ReconciliationStore.ItemState;
import se.clientfunds.reconciliation.ReconciliationStore.NewBreak;
import se.clientfunds.reconciliation.ReconciliationStore.OpenBreak;
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

    private final BankingCalendar calendar;
    private final SettlementProperties properties;
    private final ReconciliationItems items;
    private final ReconciliationStore store;
    private final BankStatements bankStatements;
    private final Positions positions;
    private final BusinessDays businessDays;

    AccountReconciliation(BankingCalendar calendar, SettlementProperties properties, ReconciliationItems items,
                          ReconciliationStore store, BankStatements statements, Positions positions, BusinessDays businessDays) {
        this.calendar = calendar;
        this.properties = properties;
        this.items = items;
        this.store = store;
        this.bankStatements = statements;
        this.positions = positions;
        this.businessDays = businessDays;
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
        RunOfAccount at = new RunOfAccount(day, run, iban, currency, new HashMap<>());

        List<BankItem> bank = items.bankItems(day, iban, currency, at.carriedBreaks());
        List<BookItem> books = items.bookItems(day, iban, currency, at.carriedBreaks());

        Reconciler.Result result = new Reconciler(new Reconciler.Settings(tolerance(currency),
                properties.reconciliation().windowDays()), calendar).reconcile(bank, books);

        Map<MatchRule, Integer> matches = keepMatches(at, result.matches());
        keepDifferences(at, result.differences());
        openBreaks(at, result.unmatchedBank(), result.unmatchedBooks());

        // the breaks as they stand at the end of this run, kept so the day's reports show them so for good
        List<OpenBreak> open = store.openAt(day, iban);
        store.snapshot(day, run, iban, open);
        BreakRollForward rollForward = BreakRollForward.between(store.previousSnapshot(day, run, iban).orElse(Set.of()),
                new LinkedHashSet<>(ReconciliationStore.ids(open)));
        BreakAgeing ageing = BreakAgeing.at(day, open.stream().map(OpenBreak::bookingDate).toList(), calendar);
        Money bankOnly = Money.ofMinor(open.stream().mapToLong(OpenBreak::bankMinor).sum(), currency);
        Money booksOnly = Money.ofMinor(open.stream().mapToLong(OpenBreak::booksMinor).sum(), currency);
        Money residuals = Money.ofMinor(store.residuals(day, iban), currency);
        Money resolved = Money.ofMinor(store.resolvedByOperators(day, iban), currency);
        Money ledger = booksClosing(day, iban, currency);
        StatementContinuity continuity = StatementContinuity.of(day, currency, store.latestStatements(iban, day), calendar);
        BalanceProof proof = BalanceProof.of(continuity.closing(), ledger, bankOnly, booksOnly, residuals, resolved);

        ReconciliationDay reconciled = new ReconciliationDay(day, iban, matches, rollForward, ageing, proof, continuity.findings());
        store.insertDay(run, reconciled);
        return reconciled;
    }

    /** One account in one run: what its items and breaks are written under, and the open break each carried item is in. */
    private record RunOfAccount(LocalDate day, int run, String iban, String currency, Map<String, Long> carriedBreaks) {

        Long carried(String key) {
            return carriedBreaks.get(key);
        }

        boolean carries(String key) {
            return carriedBreaks.containsKey(key);
        }
    }

    // --- what the rules found, kept

    /** Each match is kept with its rule and clears the breaks its items were in; the count of matches per rule. */
    private Map<MatchRule, Integer> keepMatches(RunOfAccount at, List<Match> matches) {
        Map<MatchRule, Integer> counts = new EnumMap<>(MatchRule.class);
        for (MatchRule rule : MatchRule.values()) {
            counts.put(rule, 0);
        }
        // a chunk of matches at a time, so that what is written holds no more than a chunk beside the run's items
        for (int from = 0; from < matches.size(); from += ReconciliationStore.MATCH_CHUNK) {
            List<Match> chunk = matches.subList(from, Math.min(matches.size(), from + ReconciliationStore.MATCH_CHUNK));
            List<Long> matchIds = store.insertMatches(at.day(), at.run(), at.iban(), at.currency(), chunk);
            // most items are new: written together; one carried in an open break clears that break, one by one
            List<String> fresh = new ArrayList<>();
            List<Long> freshMatches = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                Match match = chunk.get(i);
                long matchId = matchIds.get(i);
                counts.merge(match.rule(), 1, Integer::sum);
                List<String> keys = new ArrayList<>(match.bank().size() + match.books().size());
                match.bank().forEach(item -> keys.add(item.key()));
                match.books().forEach(item -> keys.add(item.key()));
                for (String key : keys) {
                    if (at.carries(key)) {
                        store.settle(key, at.iban(), ItemState.MATCHED, matchId, at.carried(key), at.day(), at.run(),
                                match.rule().name());
                    } else {
                        fresh.add(key);
                        freshMatches.add(matchId);
                    }
                }
            }
            store.insertItems(at.iban(), ItemState.MATCHED, fresh, freshMatches);
        }
        return counts;
    }

    /** A bank entry and a posting with the same reference and different amounts open one break of both. */
    private void keepDifferences(RunOfAccount at, List<Reconciler.Difference> differences) {
        for (Reconciler.Difference difference : differences) {
            String bankKey = difference.bank().key();
            String booksKey = difference.books().key();
            long breakId = store.insertBreak(NewBreak.amountDifference(at.iban(), at.currency(), difference), at.day(), at.run());
            store.settle(bankKey, at.iban(), ItemState.DIFFERENCE, null, at.carried(bankKey), at.day(), at.run(),
                    BreakType.AMOUNT_DIFFERENCE.name());
            store.settle(booksKey, at.iban(), ItemState.DIFFERENCE, null, at.carried(booksKey), at.day(), at.run(),
                    BreakType.AMOUNT_DIFFERENCE.name());
            store.linkItems(breakId, bankKey, booksKey);
        }
    }

    /** What matched nothing opens a break, unless it is in one already (carried forward). */
    private void openBreaks(RunOfAccount at, List<BankItem> unmatchedBank, List<BookItem> unmatchedBooks) {
        for (BankItem item : unmatchedBank) {
            if (!at.carries(item.key())) {
                long breakId = store.insertBreak(NewBreak.missingInBooks(at.iban(), at.currency(), item), at.day(), at.run());
                store.insertItem(item.key(), at.iban(), ItemState.BREAK, null, breakId);
            }
        }
        for (BookItem item : unmatchedBooks) {
            if (!at.carries(item.key())) {
                long breakId = store.insertBreak(NewBreak.missingInBank(at.iban(), at.currency(), item), at.day(), at.run());
                store.insertItem(item.key(), at.iban(), ItemState.BREAK, null, breakId);
            }
        }
    }

    // --- inputs of the rules

    /**
     * The books' BANK closing as the close wrote it (reconciliation runs after the close): an account the closed day has
     * no position of holds nothing; a day without it has not closed.
     */
    private Money booksClosing(LocalDate day, String iban, String currency) {
        Optional<Money> closing = positions.closing(day, "BANK:" + iban, currency);
        if (closing.isEmpty() && businessDays.status(day).filter(BusinessDays.Status.CLOSED::equals).isPresent()) {
            return Money.ofMinor(0, currency);
        }
        return closing.orElseThrow(() -> new IllegalStateException("reconciliation of " + iban + " on " + day
                + " needs the day closed first"));
    }

    private Money tolerance(String currency) {
        BigDecimal decimal = new BigDecimal(properties.reconciliation().tolerance());
        int digits = Money.minorDigits(CurrencyCodes.parse(currency));
        return Money.ofMinor(decimal.movePointRight(digits).setScale(0, RoundingMode.UNNECESSARY).longValueExact(), currency);
    }
}
