package se.clientfunds.report.pdf;

/** The matching rules of the reconciliation, in the order they are tried (DESIGN §2.5). */
public enum MatchRule {
    REFERENCE,
    BATCH_TOTAL,
    AMOUNT_AND_COUNTERPARTY,
    TOLERANCE
}
