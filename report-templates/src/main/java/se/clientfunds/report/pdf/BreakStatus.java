package se.clientfunds.report.pdf;

/** Where a break stands: open, explained by an operator (still open), or resolved. */
public enum BreakStatus {
    OPEN,
    EXPLAINED,
    RESOLVED
}
