package se.clientfunds.reconciliation;

/** What an unmatched item is. */
public enum BreakType {
    /** On the bank statement, not in the books (a bank fee nobody booked). */
    MISSING_IN_BOOKS,
    /** In the books, not (yet) on the bank statement (a payout the bank debits tomorrow). */
    MISSING_IN_BANK,
    /** The same reference on both sides with different amounts, beyond any tolerance. */
    AMOUNT_DIFFERENCE
}
