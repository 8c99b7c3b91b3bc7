package se.clientfunds.app.web;

/** The people who use the API and console (DESIGN §3). A user has one or more. */
public enum Role {
    /** Runs the pipeline: restarts, stops, abandons and recovers jobs, pauses schedules, allocates payments by hand. */
    OPERATOR,
    /** Positions, reconciliation, safeguarding and reports; resolves and explains breaks, signs off. */
    FINANCE,
    /** Alerts and filings (with transaction monitoring); reads the rest. */
    COMPLIANCE,
    /** Reads everything and changes nothing. */
    AUDITOR,
    /** Everything an operator and finance may do. */
    ADMIN
}
