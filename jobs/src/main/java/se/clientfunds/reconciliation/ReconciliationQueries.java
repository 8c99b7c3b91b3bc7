package se.clientfunds.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.ledger.LedgerEvent;
import se.clientfunds.money.Money;
import se.clientfunds.outcome.InputError;

/** What operators and finance ask of reconciliation: the day per account, its breaks, what needs attention. */
@Repository
public class ReconciliationQueries {

    /**
     * A break as it stood at the end of a reconciliation run, with its age in banking days at the run's date.
     *
     * @param direction    IN (money into the account) or OUT
     * @param counterparty the payer or payee, empty when neither side names one
     * @param bookEvent    the ledger event of the books side ({@code PAYOUT}, {@code REFUND_PAID} ...), or null
     * @param status       OPEN or EXPLAINED
     * @param explanation  the operators' explanations up to the run, oldest first, or null
     */
    public record Break(long id, String accountIban, BreakType type, String direction, Money amount, String reference,
                        String counterparty, String bookEvent, LocalDate bookingDate, long ageDays, String status,
                        LocalDate openedOn, String explanation) {

        /** A payout or refund the books paid on the day itself, which the bank debits on a later day: timing, not an exception. */
        public boolean timingItem(LocalDate day) {
            return type == BreakType.MISSING_IN_BANK && bookingDate.equals(day) && LedgerEvent.isMoneyOut(bookEvent);
        }

        /** A payout or refund the books paid that the bank has not debited yet: still client money (DESIGN §2.5). */
        public boolean inTransit() {
            return type == BreakType.MISSING_IN_BANK && LedgerEvent.isMoneyOut(bookEvent);
        }
    }

    /** One entry of a break's history: opened, cleared, explained or resolved, on which business day, by whom, why. */
    public record BreakEvent(long breakId, LocalDate businessDate, Integer run, String event, String matchRule, String operator,
                             String reason, java.time.LocalDateTime actedAt) {
    }

    private final JdbcTemplate jdbc;
    private final BankingCalendar calendar;
    private final ReconciliationStore store;
    private final se.clientfunds.ledger.OpenBusinessDay openBusinessDay;
    private final int escalateAfterDays;
    private final se.clientfunds.approvals.ApprovalRequests approvals;
    private final Safeguarding safeguarding;

    ReconciliationQueries(JdbcTemplate jdbc, BankingCalendar calendar, ReconciliationStore store,
                          se.clientfunds.ledger.OpenBusinessDay openBusinessDay,
                          se.clientfunds.settings.SettlementProperties properties,
                          se.clientfunds.approvals.ApprovalRequests approvals, Safeguarding safeguarding) {
        this.jdbc = jdbc;
        this.safeguarding = safeguarding;
        this.approvals = approvals;
        this.escalateAfterDays = properties.reconciliation().escalateAfterDays();
        this.calendar = calendar;
        this.store = store;
        this.openBusinessDay = openBusinessDay;
    }

    /** The latest completed reconciliation run of the day, empty when the day has not been reconciled. */
    public java.util.Optional<Integer> latestRun(LocalDate day) {
        return store.latestRun(day);
    }

    /** The last imported file the day's latest completed reconciliation run had, if it was reconciled. */
    public java.util.Optional<Long> importsSeen(LocalDate day) {
        return store.importsSeen(day);
    }

    /** Whether breaks the day's latest run left open were cleared since, on or before the day, by an earlier day's run. */
    public boolean openBreaksClearedSince(LocalDate day) {
        return store.openBreaksClearedSince(day);
    }

    /**
     * The closed days, oldest first, whose latest run another day's later run has made stale: some of the breaks it
     * left open have been cleared on or before it since.
     */
    public List<LocalDate> daysWithBreaksClearedSince() {
        return store.daysWithBreaksClearedSince();
    }

    /** The days, oldest first, whose latest completed reconciliation run had no statement for some account. */
    public List<LocalDate> daysReconciledWithoutAStatement() {
        return store.daysReconciledWithoutAStatement();
    }

    /** The day per account as its latest completed reconciliation run left it; empty when not reconciled. */
    public List<ReconciliationDay> days(LocalDate day) {
        return latestRun(day).map(run -> days(day, run)).orElse(List.of());
    }

    public List<ReconciliationDay> days(LocalDate day, int run) {
        return store.days(day, run);
    }

    /** Unexplained differences, missing statements, gaps and safeguarding shortfalls of the day's latest run, in words. */
    public List<String> attention(LocalDate day) {
        List<String> attention = new ArrayList<>();
        int run = latestRun(day).orElse(1);
        days(day, run).forEach(reconciled -> attention.addAll(reconciled.attention()));
        // breaks open too long are escalated: said every day until they are cleared, resolved or explained
        Map<String, List<Break>> escalated = new java.util.TreeMap<>();
        breaks(day, run).stream().filter(item -> item.ageDays() > escalateAfterDays)
                .forEach(item -> escalated.computeIfAbsent(item.accountIban(), iban -> new ArrayList<>()).add(item));
        escalated.forEach((iban, items) -> attention.add(iban + ": " + items.size() + (items.size() == 1 ? " break" : " breaks")
                + " open longer than " + escalateAfterDays + " banking days, to escalate (oldest: break " + items.get(0).id()
                + ", booked " + items.get(0).bookingDate() + ", " + items.get(0).amount() + ")"));
        for (Safeguarding.Flagged flagged : safeguarding.flagged(day, run)) {
            attention.add(flagged.status() == SafeguardingStatus.SHORTFALL
                    ? "safeguarding shortfall of " + flagged.difference().negate()
                    : "safeguarding of " + flagged.difference().currency().getCurrencyCode() + " is UNCONFIRMED: a client-funds"
                            + " account's statement is missing, so the resource is not what the bank holds (resource − requirement "
                            + flagged.difference() + ")");
        }
        return attention;
    }

    public String summary(LocalDate day) {
        List<String> parts = new ArrayList<>();
        for (ReconciliationDay reconciled : days(day, latestRun(day).orElse(1))) {
            parts.add(reconciled.accountIban() + " " + reconciled.matches().values().stream().mapToInt(Integer::intValue).sum()
                    + " matched, breaks " + reconciled.openingBreaks() + " + " + reconciled.newBreaks() + " − "
                    + reconciled.clearedBreaks() + " = " + reconciled.closingBreaks()
                    + (reconciled.unexplained() == null ? ", no statement" : ", unexplained " + reconciled.unexplained()));
        }
        return String.join("; ", parts);
    }

    /** The breaks open at the end of the day's latest reconciliation run, as they stood then, oldest first. */
    public List<Break> breaks(LocalDate day) {
        return latestRun(day).map(run -> breaks(day, run)).orElse(List.of());
    }

    /** The breaks open at the end of a reconciliation run of the day, as they stood then, oldest first. */
    public List<Break> breaks(LocalDate day, int run) {
        return store.openAtEndOf(day, run).stream().map(item -> new Break(item.id(), item.iban(), item.type(), item.direction(),
                Money.ofMinor(item.amountMinor(), item.currency()), item.reference(),
                item.counterparty() == null ? "" : item.counterparty(), item.bookEvent(), item.bookingDate(),
                calendar.bankingDaysBetween(item.bookingDate(), day), item.status(), item.openedOn(), item.explanation())).toList();
    }

    /** A break's history, oldest first. */
    public List<BreakEvent> history(long breakId) {
        return store.history(breakId);
    }

    /**
     * An operator explains a break (it stays open and carried, with the explanation) or resolves it (it is closed and
     * no longer offered to matching); who and why are kept. The ledger is never changed: a correction is a posting.
     */
    @Transactional
    public java.util.Optional<se.clientfunds.approvals.ApprovalRequests.Request> act(long breakId, boolean resolve, String operator,
                                                                                       String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InputError("a break is " + (resolve ? "resolved" : "explained") + " with a reason (--reason TEXT)");
        }
        Money amount = lockOpen(breakId);
        if (resolve) {
            java.util.Optional<Money> limit = approvals.limitExceeded(se.clientfunds.approvals.ApprovalRequests.Kind.RESOLVE_BREAK,
                    amount);
            if (limit.isPresent()) {
                // four eyes: proposed now, resolved when a different person approves it
                return java.util.Optional.of(approvals.propose(se.clientfunds.approvals.ApprovalRequests.Kind.RESOLVE_BREAK,
                        breakId, null, null, null, null, amount, limit.get(), "resolve break " + breakId + " of " + amount, operator, reason));
            }
        }
        apply(breakId, resolve, operator, reason.trim());
        return java.util.Optional.empty();
    }

    /**
     * Resolves a break whose resolution a second person approved (called by the approval, in its transaction): refused
     * when the break was resolved meanwhile or its amount is no longer the one proposed.
     */
    @Transactional
    public void resolveApproved(long breakId, Money proposed, String approver, String reason) {
        Money amount = lockOpen(breakId);
        if (!amount.equals(proposed)) {
            throw new se.clientfunds.operations.OperationRefused("break " + breakId + " is now " + amount + ", the proposal said "
                    + proposed + ": reject it and propose again");
        }
        apply(breakId, true, approver, se.clientfunds.jobs.ColumnText.fit(reason, 1000));
    }

    /** The amount of a break not resolved yet (read, not locked); refused, saying why, for one resolved or unknown. */
    public Money openAmount(long breakId) {
        return open(breakId, false);
    }

    /** Locks a break that is not resolved; returns its amount. */
    private Money lockOpen(long breakId) {
        return open(breakId, true);
    }

    private Money open(long breakId, boolean lock) {
        ReconciliationStore.BreakAmount found = store.amount(breakId, lock)
                .orElseThrow(() -> new InputError("break " + breakId + ": no such break (see ./settle breaks DATE)"));
        if (found.resolved()) {
            throw new InputError("break " + breakId + " is resolved already");
        }
        return found.amount();
    }

    private void apply(long breakId, boolean resolve, String operator, String reason) {
        // the business day the action belongs to: the break leaves (or is explained in) that day's reconciliation and
        // every later one, never an earlier day's, whose reports stay as they were
        LocalDate concerns = openBusinessDay.current().date();
        if (resolve) {
            store.resolveByOperator(breakId, operator, reason, concerns);
        } else {
            store.explain(breakId, operator, reason);
        }
        store.event(breakId, concerns, null, resolve ? "RESOLVED" : "EXPLAINED", null, operator, reason);
        se.clientfunds.operations.OperatorActions.record(jdbc, new se.clientfunds.operations.OperatorActions.Entry(operator,
                resolve ? "RESOLVE_BREAK" : "EXPLAIN_BREAK", "break " + breakId, reason, concerns, null,
                resolve ? "RESOLVED" : "EXPLAINED"));
    }
}
