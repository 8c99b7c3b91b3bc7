package se.clientfunds.report.pdf;

/** The day's roll-forward of an account's breaks: opening + new − cleared = closing, checked on construction. */
public record RollForward(int opening, int newBreaks, int cleared, int closing) {

    public RollForward {
        if (opening < 0 || newBreaks < 0 || cleared < 0 || closing < 0) {
            throw new IllegalArgumentException("roll-forward counts must not be negative: opening " + opening + ", newBreaks "
                    + newBreaks + ", cleared " + cleared + ", closing " + closing);
        }
        if ((long) opening + newBreaks - cleared != closing) {
            throw new IllegalArgumentException("closing " + closing + " is not opening " + opening + " + newBreaks " + newBreaks
                    + " - cleared " + cleared);
        }
    }
}
