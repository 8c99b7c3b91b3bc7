package se.clientfunds.report.positions;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import se.clientfunds.report.Amount;

/**
 * The control totals the report was built from: records read, postings written, records skipped, and the sum of
 * the day's debits per currency (equal to the credits, since every event posts balanced lines).
 */
public record ControlTotals(long recordsRead, long postingsWritten, long recordsSkipped, List<Amount> debitsPerCurrency) {

    public ControlTotals {
        requireNotNegative("recordsRead", recordsRead);
        requireNotNegative("postingsWritten", postingsWritten);
        requireNotNegative("recordsSkipped", recordsSkipped);
        Objects.requireNonNull(debitsPerCurrency, "debitsPerCurrency is null");
        debitsPerCurrency = List.copyOf(debitsPerCurrency);
        Set<String> currencies = new HashSet<>();
        for (Amount amount : debitsPerCurrency) {
            if (!currencies.add(amount.currency())) {
                throw new IllegalArgumentException("debitsPerCurrency lists " + amount.currency() + " twice");
            }
            if (amount.isNegative()) {
                throw new IllegalArgumentException("debitsPerCurrency " + amount + " is negative");
            }
        }
    }

    private static void requireNotNegative(String field, long count) {
        if (count < 0) {
            throw new IllegalArgumentException(field + " " + count + " is negative");
        }
    }
}
