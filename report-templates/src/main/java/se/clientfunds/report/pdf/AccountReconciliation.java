package se.clientfunds.report.pdf;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.clientfunds.report.Amount;

/**
 * One client-funds account's reconciliation of the day: matches per rule, its breaks, their roll-forward, the balance
 * proof and statement continuity problems.
 *
 * @param balanceProof       null when no statement arrived for the day, so the balance cannot be proven
 * @param continuityProblems problems with the chain of statements; empty when none
 * @param status             RECONCILED or FAILED_RECONCILIATION, as the reconciliation run decided it
 */
public record AccountReconciliation(String accountIban, String currency, Map<MatchRule, Integer> matches,
                                    List<ReconciliationBreak> breaks, RollForward rollForward, BalanceProof balanceProof,
                                    List<ContinuityProblem> continuityProblems, ReconciliationStatus status) {

    public AccountReconciliation {
        if (accountIban == null || accountIban.isBlank()) {
            throw new IllegalArgumentException("accountIban '" + accountIban + "' is blank");
        }
        new Amount(0, currency);
        if (matches == null) {
            throw new IllegalArgumentException("matches of account " + accountIban + " is missing");
        }
        Map<MatchRule, Integer> counts = new EnumMap<>(MatchRule.class);
        for (MatchRule rule : MatchRule.values()) {
            Integer count = matches.getOrDefault(rule, 0);
            if (count == null || count < 0) {
                throw new IllegalArgumentException("matches " + rule + " of account " + accountIban + " is " + count);
            }
            counts.put(rule, count);
        }
        matches = Collections.unmodifiableMap(counts);
        if (breaks == null) {
            throw new IllegalArgumentException("breaks of account " + accountIban + " is missing");
        }
        Set<Long> ids = new HashSet<>();
        for (ReconciliationBreak item : breaks) {
            if (item == null) {
                throw new IllegalArgumentException("breaks of account " + accountIban + " holds a missing break");
            }
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException("breaks of account " + accountIban + " holds break id " + item.id() + " twice");
            }
            Amount.require("amount of break " + item.id(), item.amount(), currency);
        }
        breaks = List.copyOf(breaks);
        if (rollForward == null) {
            throw new IllegalArgumentException("rollForward of account " + accountIban + " is missing");
        }
        if (balanceProof != null) {
            Amount.require("balanceProof of account " + accountIban, balanceProof.statementClosing(), currency);
        }
        if (continuityProblems == null) {
            throw new IllegalArgumentException("continuityProblems of account " + accountIban + " is missing");
        }
        continuityProblems = List.copyOf(continuityProblems);
        if (status == null) {
            throw new IllegalArgumentException("status of account " + accountIban + " is missing");
        }
    }

    /** Count and sum of the breaks still open (open or explained) per ageing bucket, youngest bucket first. */
    public List<AgeingTotal> ageing() {
        Map<AgeingBucket, long[]> sums = new EnumMap<>(AgeingBucket.class);
        for (AgeingBucket bucket : AgeingBucket.values()) {
            sums.put(bucket, new long[2]);
        }
        for (ReconciliationBreak item : breaks) {
            if (item.status() != BreakStatus.RESOLVED) {
                long[] sum = sums.get(item.bucket());
                sum[0]++;
                sum[1] = Math.addExact(sum[1], item.amount().minor());
            }
        }
        return sums.entrySet().stream()
                .map(entry -> new AgeingTotal(entry.getKey(), entry.getValue()[0], new Amount(entry.getValue()[1], currency)))
                .toList();
    }

    /**
     * The breaks still open (open or explained) older than {@code escalateAfterDays} banking days, oldest first: to be
     * escalated. One resolved on the day is done with, however old it was.
     */
    public List<ReconciliationBreak> escalations(int escalateAfterDays) {
        return breaks.stream().filter(item -> item.ageBankingDays() > escalateAfterDays && item.status() != BreakStatus.RESOLVED)
                .sorted(ReconciliationBreak.OLDEST_FIRST).toList();
    }

    /** The day's payouts and refunds the bank debits on a later day: timing items, not exceptions. */
    public List<ReconciliationBreak> timingItems() {
        return breaks.stream().filter(ReconciliationBreak::timing).toList();
    }

    /** The breaks that are not timing items: what operators must chase. */
    public List<ReconciliationBreak> exceptions() {
        return breaks.stream().filter(item -> !item.timing()).toList();
    }

    /** Whether finance must look at this account: no statement, an unexplained difference or a continuity problem. */
    public boolean needsAttention() {
        return balanceProof == null || !balanceProof.unexplained().isZero() || !continuityProblems.isEmpty();
    }
}
