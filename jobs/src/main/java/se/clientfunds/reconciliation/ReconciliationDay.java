package se.clientfunds.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * One account's reconciliation of one business day: matches per rule, the breaks' roll-forward and ageing, the
 * balance proof (statement closing − books closing = bank-only − books-only + residuals + resolved by operators) and
 * statement continuity.
 *
 * @param continuity problems with the chain of statements (gaps, a missing statement), empty when none
 */
public record ReconciliationDay(LocalDate businessDate, String accountIban, Map<MatchRule, Integer> matches,
                                BreakRollForward rollForward, BreakAgeing breakAgeing, BalanceProof proof,
                                List<ContinuityFinding> continuity) {

    public ReconciliationDay {
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(accountIban, "accountIban");
        Objects.requireNonNull(rollForward, "rollForward");
        Objects.requireNonNull(breakAgeing, "breakAgeing");
        Objects.requireNonNull(proof, "proof");
        matches = Map.copyOf(matches);
        continuity = List.copyOf(continuity);
    }

    /** The statement's CLBD, or null when no statement arrived for the day. */
    public Money statementClosing() {
        return proof.statementClosing();
    }

    public Money ledgerClosing() {
        return proof.ledgerClosing();
    }

    public Money bankOnly() {
        return proof.bankOnly();
    }

    public Money booksOnly() {
        return proof.booksOnly();
    }

    public Money residuals() {
        return proof.residuals();
    }

    /**
     * What breaks resolved by operators without a match stand for (bank − books): written off with who and why, so
     * still part of the difference between statement and books.
     */
    public Money resolvedByOperators() {
        return proof.resolvedByOperators();
    }

    /** What the proof leaves over, or null without a statement; anything but zero fails the day. */
    public Money unexplained() {
        return proof.unexplained();
    }

    public int openingBreaks() {
        return rollForward.opening();
    }

    public int newBreaks() {
        return rollForward.opened();
    }

    public int clearedBreaks() {
        return rollForward.cleared();
    }

    public int closingBreaks() {
        return rollForward.closing();
    }

    /** Open breaks by age in banking days: 0–1, 2–5, 6–10, over 10. */
    public int[] ageing() {
        return breakAgeing.buckets();
    }

    /** Whether the books and the bank agree to the öre, every difference explained by an open break or a residual. */
    public boolean reconciled() {
        return proof.proven();
    }

    /** An unexplained difference, a missing statement or a broken chain of statements fails the day. */
    public boolean failed() {
        return !reconciled() || !continuity.isEmpty();
    }

    /** What an operator must look at, in words; empty when nothing. */
    public List<String> attention() {
        List<String> attention = new ArrayList<>();
        Money statementClosing = statementClosing();
        Money unexplained = unexplained();
        if (statementClosing == null) {
            attention.add(accountIban + ": no statement for " + businessDate + ", the balance cannot be proven");
        } else if (!unexplained.isZero()) {
            attention.add(accountIban + ": unexplained difference of " + unexplained + " (statement " + statementClosing
                    + ", books " + ledgerClosing() + ", bank-only " + bankOnly() + ", books-only " + booksOnly() + ", residuals "
                    + residuals() + ", resolved by operators " + resolvedByOperators() + ")");
        }
        continuity.stream().filter(problem -> statementClosing != null || problem.kind() != ContinuityFinding.Kind.NO_STATEMENT)
                .forEach(problem -> attention.add(accountIban + ": " + problem.describe()));
        return attention;
    }
}
