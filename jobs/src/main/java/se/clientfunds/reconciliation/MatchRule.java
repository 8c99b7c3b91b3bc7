package se.clientfunds.reconciliation;

/** The rules that match bank entries to ledger postings, in the order they are tried (DESIGN §2.5). */
public enum MatchRule {
    /** The same bank reference (AcctSvcrRef, EndToEndId, BGC serial number) and amount. */
    REFERENCE,
    /** One bank entry against the postings of one batch: a notified batch, a BGMax deposit, a pain.001 payment batch. */
    BATCH_TOTAL,
    /** The same amount and counterparty, the value date within the configured window of banking days. */
    AMOUNT_AND_COUNTERPARTY,
    /** The same reference, the bank short by no more than the configured tolerance (a fee deducted): a residual stays. */
    TOLERANCE
}
