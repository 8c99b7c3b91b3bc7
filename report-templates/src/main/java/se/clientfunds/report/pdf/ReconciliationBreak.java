package se.clientfunds.report.pdf;

import java.time.LocalDate;
import java.util.Comparator;

import se.clientfunds.report.Amount;

/**
 * One break of an account's reconciliation, as the breaks table prints it.
 *
 * @param direction    money into the account or out of it
 * @param reference    the bank or books reference, empty when the item has none
 * @param counterparty the payer or payee, empty when neither side names one
 * @param timing       a payout or refund paid on the day itself that the bank debits on a later day: a timing item,
 *                     listed apart from the exceptions
 * @param explanation  operators' explanations as they stood (who, on which business day, why; oldest first), or empty
 */
public record ReconciliationBreak(long id, BreakType type, Direction direction, Amount amount, String reference,
                                  String counterparty, LocalDate bookingDate, int ageBankingDays, BreakStatus status,
                                  boolean timing, String explanation) {

    /** A break without direction, counterparty or explanation (money in, not a timing item): for older callers. */
    public ReconciliationBreak(long id, BreakType type, Amount amount, String reference, LocalDate bookingDate,
                               int ageBankingDays, BreakStatus status) {
        this(id, type, Direction.IN, amount, reference, "", bookingDate, ageBankingDays, status, false, "");
    }

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
        if (direction == null) {
            throw new IllegalArgumentException("direction of break " + id + " is missing");
        }
        reference = reference == null ? "" : reference;
        counterparty = counterparty == null ? "" : counterparty;
        explanation = explanation == null ? "" : explanation;
    }

    public AgeingBucket bucket() {
        return AgeingBucket.of(ageBankingDays);
    }
}
