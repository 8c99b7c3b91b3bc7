package se.clientfunds.report.pdf;

import se.clientfunds.report.Amount;

/**
 * How the resource compares to the requirement in one currency; a shortfall must be resolved by the next business day.
 * UNCONFIRMED: a client-funds account's statement is missing, so the resource is not what the bank holds and the
 * difference is neither a shortfall nor an excess anyone can rely on.
 */
public enum SafeguardingStatus {
    OK,
    EXCESS,
    SHORTFALL,
    UNCONFIRMED;

    /** The status of {@code difference} = resource − requirement. */
    public static SafeguardingStatus of(Amount difference) {
        return difference.minor() == 0 ? OK : difference.minor() > 0 ? EXCESS : SHORTFALL;
    }

    /** As {@link #of(Amount)}, UNCONFIRMED when the resource lacks a statement. */
    public static SafeguardingStatus of(Amount difference, boolean resourceComplete) {
        return resourceComplete ? of(difference) : UNCONFIRMED;
    }

    /** Shown red: a shortfall, or a position nobody can vouch for. */
    public boolean alert() {
        return this == SHORTFALL || this == UNCONFIRMED;
    }
}
