package se.clientfunds.reconciliation;

/**
 * How one currency's safeguarding resource compares to the requirement (DESIGN §2.5); the {@code safeguarding.status}
 * column keeps the name. UNCONFIRMED when a client-funds account's statement is missing: the resource is then not what
 * the bank holds, and calling the difference a shortfall (or an excess) would say what nobody knows.
 */
public enum SafeguardingStatus {
    OK,
    EXCESS,
    SHORTFALL,
    UNCONFIRMED;

    /** The status of {@code difference} = resource − requirement, UNCONFIRMED when the resource lacks a statement. */
    public static SafeguardingStatus of(long difference, boolean resourceComplete) {
        if (!resourceComplete) {
            return UNCONFIRMED;
        }
        return difference == 0 ? OK : difference > 0 ? EXCESS : SHORTFALL;
    }

    /** Whether a person must look at it: a shortfall, or a resource no statement confirms. */
    public boolean needsAttention() {
        return this == SHORTFALL || this == UNCONFIRMED;
    }
}
