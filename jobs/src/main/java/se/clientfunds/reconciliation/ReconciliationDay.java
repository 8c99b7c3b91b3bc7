package se.clientfunds.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import se.clientfunds.money.Money;

/**
 * One account's reconciliation of one business day: matches per rule, the breaks' roll-forward and ageing, the
 * balance proof (statement closing − books closing = bank-only − books-only + residuals + resolved by operators) and
 * statement continuity.
 *
 * @param statementClosing the statement's CLBD, or null when no statement arrived for the day
 * @param resolvedByOperators what breaks resolved by operators without a match stand for (bank − books): written
 *                         off with who and why, so still part of the difference between statement and books
 * @param unexplained      what the proof leaves over, or null without a statement; anything but zero fails the day
 * @param continuity       problems with the chain of statements (gaps, a missing statement), empty when none
 */
public record ReconciliationDay(LocalDate businessDate, String accountIban, Money statementClosing, Money ledgerClosing,
                                Money bankOnly, Money booksOnly, Money residuals, Money resolvedByOperators, Money unexplained,
                                Map<MatchRule, Integer> matches, int openingBreaks, int newBreaks, int clearedBreaks,
                                int closingBreaks, int[] ageing, List<ContinuityFinding> continuity) {

    public ReconciliationDay {
        matches = Map.copyOf(matches);
        continuity = List.copyOf(continuity);
        ageing = ageing.clone();
    }

    /** Whether the books and the bank agree to the öre, every difference explained by an open break or a residual. */
    public boolean reconciled() {
        return unexplained != null && unexplained.isZero();
    }

    /** What an operator must look at, in words; empty when nothing. */
    public List<String> attention() {
        List<String> attention = new java.util.ArrayList<>();
        if (statementClosing == null) {
            attention.add(accountIban + ": no statement for " + businessDate + ", the balance cannot be proven");
        } else if (!unexplained.isZero()) {
            attention.add(accountIban + ": unexplained difference of " + unexplained + " (statement " + statementClosing
                    + ", books " + ledgerClosing + ", bank-only " + bankOnly + ", books-only " + booksOnly + ", residuals "
                    + residuals + ", resolved by operators " + resolvedByOperators + ")");
        }
        continuity.stream().filter(problem -> statementClosing != null || problem.kind() != ContinuityFinding.Kind.NO_STATEMENT)
                .forEach(problem -> attention.add(accountIban + ": " + problem.describe()));
        return attention;
    }
}
