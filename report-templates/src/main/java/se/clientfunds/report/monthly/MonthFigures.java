package se.clientfunds.report.monthly;

/**
 * What the return counts in one currency besides the daily figures: clients with funds (client accounts with a
 * positive closing balance) at month end and on the busiest day, and the reconciliation breaks opened in the month,
 * cleared in it, and still open at its end, each with their number and value.
 */
public record MonthFigures(String currency, long clientsWithFundsAtMonthEnd, long clientsWithFundsMax, BreakTally breaksOpened,
                           BreakTally breaksCleared, BreakTally breaksOpenAtMonthEnd) {

    public MonthFigures {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency '" + currency + "' is not a three-letter ISO 4217 code");
        }
        notNegative("clientsWithFundsAtMonthEnd", clientsWithFundsAtMonthEnd, currency);
        notNegative("clientsWithFundsMax", clientsWithFundsMax, currency);
        if (clientsWithFundsMax < clientsWithFundsAtMonthEnd) {
            throw new IllegalArgumentException("clientsWithFundsMax " + clientsWithFundsMax + " of " + currency
                    + " is below clientsWithFundsAtMonthEnd " + clientsWithFundsAtMonthEnd);
        }
        for (BreakTally tally : new BreakTally[] {breaksOpened, breaksCleared, breaksOpenAtMonthEnd}) {
            if (tally == null || !tally.value().currency().equals(currency)) {
                throw new IllegalArgumentException("a break tally of " + currency + " is missing or in another currency: " + tally);
            }
        }
    }

    private static void notNegative(String field, long value, String currency) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " " + value + " of " + currency + " is negative");
        }
    }
}
