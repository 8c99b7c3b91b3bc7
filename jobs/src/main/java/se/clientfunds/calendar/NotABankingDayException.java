package se.clientfunds.calendar;

import java.time.LocalDate;

import se.clientfunds.outcome.InputError;

/** A date that is not a banking day was given where a business date is needed: an operator's error, said in one line. */
public class NotABankingDayException extends InputError {

    private final LocalDate date;

    public NotABankingDayException(LocalDate date, String message) {
        super(message);
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
