package se.clientfunds.report.pdf;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One break of an account's reconciliation, as the breaks table prints it.
 *
 * @param reference the bank or books reference, empty when the item has none
 */
public record ReconciliationBreak(long id, BreakType type, Amount amount, String reference, LocalDate bookingDate,
                                  int ageBankingDays, BreakStatus status) {

    /** Oldest first: the breaks that need chasing head a table of them. */
    public static final Comparator<ReconciliationBreak> OLDEST_FIRST = Comparator.comparing(ReconciliationBreak::bucket)
            .reversed()
            .thenComparing(Comparator.comparingInt(ReconciliationBreak::ageBankingDays).reversed())
            .thenComparingLong(ReconciliationBreak::id);

    public ReconciliationBreak {
        if (id <= 0) {
            throw new IllegalArgumentException("break id " + id + " is not positive");
        }
        if (type == null) {
            throw new IllegalArgumentException("type of break " + id + " is missing");
        }
        if (amount == null) {
            throw new IllegalArgumentException("amount of break " + id + " is missing");
        }
        if (bookingDate == null) {
            throw new IllegalArgumentException("bookingDate of break " + id + " is missing");
        }
        if (ageBankingDays < 0) {
            throw new IllegalArgumentException("ageBankingDays " + ageBankingDays + " of break " + id + " is negative");
        }
        if (status == null) {
            throw new IllegalArgumentException("status of break " + id + " is missing");
        }
        reference = reference == null ? "" : reference;
    }

    public AgeingBucket bucket() {
        return AgeingBucket.of(ageBankingDays);
    }
}
