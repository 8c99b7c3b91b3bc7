package se.clientfunds.report.pdf;

import java.time.LocalDate;

import se.clientfunds.report.Amount;

/**
 * A problem with an account's chain of statements, as the reconciliation report lists it (the renderers word it in
 * the report's language).
 *
 * @param day         NO_STATEMENT: the day without one; GAP: the banking day without one; OPENING_DIFFERS and
 *                    SEQUENCE_BREAK: the day of the statement that does not follow
 * @param previousDay GAP, OPENING_DIFFERS, SEQUENCE_BREAK: the day of the statement before; else null
 * @param nextDay     GAP: the day of the statement after; else null
 * @param opening     OPENING_DIFFERS: the statement's opening balance; else null
 * @param previousClosing OPENING_DIFFERS: the previous statement's closing balance; else null
 * @param sequence    SEQUENCE_BREAK: the statement's sequence number; else null
 * @param previousSequence SEQUENCE_BREAK: the previous statement's sequence number; else null
 */
public record ContinuityProblem(Kind kind, LocalDate day, LocalDate previousDay, LocalDate nextDay, Amount opening,
                                Amount previousClosing, Long sequence, Long previousSequence) {

    public enum Kind {
        /** No statement of the day itself: the balance cannot be proven. */
        NO_STATEMENT,
        /** A banking day between two statements without one. */
        GAP,
        /** The statement opens with another balance than the previous one closed with. */
        OPENING_DIFFERS,
        /** The statement's sequence number does not follow the previous one's. */
        SEQUENCE_BREAK
    }

    public ContinuityProblem {
        if (kind == null || day == null) {
            throw new IllegalArgumentException("a continuity problem needs its kind and day, got " + kind + " " + day);
        }
        switch (kind) {
            case GAP -> require(previousDay != null && nextDay != null, "a GAP of " + day + " needs the days around it");
            case OPENING_DIFFERS -> require(previousDay != null && opening != null && previousClosing != null,
                    "OPENING_DIFFERS of " + day + " needs the previous day and both balances");
            case SEQUENCE_BREAK -> require(previousDay != null && sequence != null && previousSequence != null,
                    "SEQUENCE_BREAK of " + day + " needs the previous day and both sequence numbers");
            case NO_STATEMENT -> {
                // the day says it all
            }
        }
    }

    public static ContinuityProblem noStatement(LocalDate day) {
        return new ContinuityProblem(Kind.NO_STATEMENT, day, null, null, null, null, null, null);
    }

    public static ContinuityProblem gap(LocalDate day, LocalDate previousDay, LocalDate nextDay) {
        return new ContinuityProblem(Kind.GAP, day, previousDay, nextDay, null, null, null, null);
    }

    public static ContinuityProblem openingDiffers(LocalDate day, LocalDate previousDay, Amount opening, Amount previousClosing) {
        return new ContinuityProblem(Kind.OPENING_DIFFERS, day, previousDay, null, opening, previousClosing, null, null);
    }

    public static ContinuityProblem sequenceBreak(LocalDate day, LocalDate previousDay, long sequence, long previousSequence) {
        return new ContinuityProblem(Kind.SEQUENCE_BREAK, day, previousDay, null, null, null, sequence, previousSequence);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
