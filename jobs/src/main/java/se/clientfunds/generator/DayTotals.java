package se.clientfunds.generator;

import java.time.LocalDate;

import se.clientfunds.camt.EntryTotals;
import se.clientfunds.money.Money;

/** Control totals of one generated banking day: what camt.054 notified and what camt.053 booked. */
record DayTotals(LocalDate businessDate, long sequenceNumber, String notificationFile, EntryTotals notified,
                 String statementFile, Money opening, EntryTotals booked, Money closing) {
}
