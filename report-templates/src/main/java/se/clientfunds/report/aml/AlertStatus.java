package se.clientfunds.report.aml;

/** Where an alert stands in the analysts' work; labels {@code AlertStatus.*}. */
public enum AlertStatus {
    NEW, IN_REVIEW, CLOSED_FALSE_POSITIVE, ESCALATED, FILED;

    /** Whether an analyst still has to decide about it: new, in review, or escalated and not yet filed. */
    public boolean open() {
        return this == NEW || this == IN_REVIEW || this == ESCALATED;
    }
}
