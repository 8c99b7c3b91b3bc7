package se.clientfunds.extract;

/** How often a client's collected funds are paid out to the client. */
public enum PayoutSchedule {
    DAILY,
    WEEKLY
}
