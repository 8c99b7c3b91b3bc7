package se.clientfunds.report.pdf;

/** Which way the money of a break goes: into the client-funds account or out of it. */
public enum Direction {
    IN,
    OUT
}
