package se.clientfunds.day;

import java.time.LocalDate;
import java.util.List;

import se.clientfunds.close.DayStatements;
import se.clientfunds.settings.ClientFundsAccount;

/**
 * A business day that stays open because the bank's statement of a client-funds account has not arrived: its figures
 * are provisional, nothing is paid out and it does not close until the statement is imported.
 *
 * @param accounts the accounts whose statement of the day is missing
 * @param behind   the days after it that wait for it to close (days close in order), oldest first
 */
public record StatementWait(LocalDate day, List<ClientFundsAccount> accounts, List<LocalDate> behind) {

    public StatementWait {
        accounts = List.copyOf(accounts);
        behind = List.copyOf(behind);
    }

    /** What an operator must do, in words. */
    public String describe() {
        return day + " is waiting for its statement: no camt.053 or MT940 closing on " + day + " for "
                + DayStatements.describe(accounts) + " has been imported; the day stays open with provisional figures and"
                + " nothing is paid out. Put the statement in the inbox: the next run-day " + day + " (or daily cycle) closes the day"
                + (behind.isEmpty() ? "" : " (" + String.join(", ", behind.stream().map(LocalDate::toString).toList())
                        + (behind.size() == 1 ? " waits" : " wait") + " behind it)");
    }
}
