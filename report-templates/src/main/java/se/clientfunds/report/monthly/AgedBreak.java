package se.clientfunds.report.monthly;

import java.time.LocalDate;

import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.BreakType;
import se.clientfunds.report.pdf.Direction;

/** A break open at month end for longer than the escalation threshold, as the return lists it. */
public record AgedBreak(long id, String accountIban, BreakType type, Direction direction, Amount amount, String reference,
                        String counterparty, LocalDate bookingDate, int ageBankingDays) {

    public AgedBreak {
        if (id <= 0 || accountIban == null || type == null || direction == null || amount == null || bookingDate == null) {
            throw new IllegalArgumentException("aged break " + id + " is missing a field: account " + accountIban + ", type " + type
                    + ", direction " + direction + ", amount " + amount + ", booked " + bookingDate);
        }
        if (ageBankingDays < 0) {
            throw new IllegalArgumentException("age " + ageBankingDays + " of break " + id + " is negative");
        }
        reference = reference == null ? "" : reference;
        counterparty = counterparty == null ? "" : counterparty;
    }
}
