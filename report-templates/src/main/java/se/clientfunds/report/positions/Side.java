package se.clientfunds.report.positions;

/** The side of a posting line: debit or credit, written as D or C on the movements sheet. */
public enum Side {
    D, C
}
