package se.clientfunds.report.pdf;

/** An account's reconciliation of the day: proven to the öre with nothing wrong in its statements, or not. */
public enum ReconciliationStatus {
    RECONCILED,
    FAILED_RECONCILIATION
}
