package se.clientfunds.report.pdf;

/** What a control total counts; the renderers print it in the report's language, with its currency when it has one. */
public enum ControlTotalKind {
    /** Client-funds accounts reconciled. */
    ACCOUNTS_RECONCILED,
    /** Matches made by the reconciliation run. */
    MATCHES,
    /** Breaks open at the end of the day, and their sum. */
    OPEN_BREAKS,
    /** Accounts that are owed money (CLIENT, UNALLOCATED, DEBTOR_CREDIT with a positive balance), and what they are owed. */
    ACCOUNTS_OWED,
    /** Client-funds bank accounts, and their statements' closing balance. */
    CLIENT_FUNDS_ACCOUNTS,
    /** Breaks opened in the month, and their sum. */
    BREAKS_OPENED,
    /** Business days with a safeguarding reconciliation in the month. */
    SAFEGUARDING_DAYS,
    /** Files imported for the period. */
    FILES_IMPORTED,
    /** Job executions of the day. */
    JOB_EXECUTIONS,
    /** Files received for the day, imported or refused. */
    FILES_RECEIVED,
    /** Records read from the day's files. */
    RECORDS_READ,
    /** Journal lines posted with booking dates in the day. */
    POSTINGS_WRITTEN,
    /** Records skipped (the jobs have no skip policy: always 0). */
    RECORDS_SKIPPED,
    /** The day's debits (equal to its credits). */
    DEBITS
}
