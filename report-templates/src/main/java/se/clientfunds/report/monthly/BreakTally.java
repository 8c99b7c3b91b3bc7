package se.clientfunds.report.monthly;

import se.clientfunds.report.Amount;

/** A number of breaks and what they add up to (their amounts, always positive). */
public record BreakTally(long count, Amount value) {

    public BreakTally {
        if (count < 0) {
            throw new IllegalArgumentException("break count " + count + " is negative");
        }
        if (value == null) {
            throw new IllegalArgumentException("value of " + count + " breaks is missing");
        }
        if (value.minor() < 0) {
            throw new IllegalArgumentException("value " + value + " of " + count + " breaks is negative");
        }
        if (count == 0 && value.minor() != 0) {
            throw new IllegalArgumentException("no breaks cannot be worth " + value);
        }
    }

    public static BreakTally none(String currency) {
        return new BreakTally(0, new Amount(0, currency));
    }
}
