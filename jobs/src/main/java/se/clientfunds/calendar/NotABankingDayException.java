package se.clientfunds.calendar;

import java.time.LocalDate;

/** A date that is not a banking day was given where a business date is needed: an operator's error, said in one line. */
public class NotABankingDayException extends IllegalArgumentException {

    private final LocalDate date;

    public NotABankingDayException(LocalDate date, String message) {
        super(message);
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
