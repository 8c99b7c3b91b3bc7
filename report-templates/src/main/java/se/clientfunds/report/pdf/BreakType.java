package se.clientfunds.report.pdf;

/** What an unmatched item is: only on the statement, only in the books, or on both with different amounts. */
public enum BreakType {
    MISSING_IN_BOOKS,
    MISSING_IN_BANK,
    AMOUNT_DIFFERENCE
}
