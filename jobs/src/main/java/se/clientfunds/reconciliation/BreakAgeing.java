package se.clientfunds.reconciliation;

import java.time.LocalDate;
import java.util.List;

import se.clientfunds.calendar.BankingCalendar;

/**
 * The breaks open at the end of a reconciliation run by age (DESIGN §2.5): banking days from a break's booking date to
 * the run's business date, counted 0–1, 2–5, 6–10 and over 10.
 */
public record BreakAgeing(int upToOne, int twoToFive, int sixToTen, int overTen) {

    public BreakAgeing {
        requireCount("upToOne", upToOne);
        requireCount("twoToFive", twoToFive);
        requireCount("sixToTen", sixToTen);
        requireCount("overTen", overTen);
    }

    /** The ageing on {@code day} of breaks booked on the dates given, in the calendar's banking days. */
    public static BreakAgeing at(LocalDate day, List<LocalDate> bookingDates, BankingCalendar calendar) {
        int[] buckets = new int[4];
        for (LocalDate booked : bookingDates) {
            long age = calendar.bankingDaysBetween(booked, day);
            buckets[age <= 1 ? 0 : age <= 5 ? 1 : age <= 10 ? 2 : 3]++;
        }
        return new BreakAgeing(buckets[0], buckets[1], buckets[2], buckets[3]);
    }

    /** The four buckets, youngest first. */
    public int[] buckets() {
        return new int[] {upToOne, twoToFive, sixToTen, overTen};
    }

    /** How many breaks were aged. */
    public int total() {
        return upToOne + twoToFive + sixToTen + overTen;
    }

    private static void requireCount(String field, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("break ageing: " + field + " must not be negative, is " + count);
        }
    }
}
