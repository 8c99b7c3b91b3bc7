package se.clientfunds.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import se.clientfunds.money.Money;

/**
 * A problem with an account's chain of statements (DESIGN §2.5): no statement of the day, a banking day between two
 * statements without one, an opening balance that is not the previous closing, a sequence number that does not follow.
 * Kept as a code and its values (so the reports can word it in their language) and said in English for operators.
 */
public record ContinuityFinding(Kind kind, LocalDate day, LocalDate previousDay, LocalDate nextDay, Money opening,
                                Money previousClosing, Long sequence, Long previousSequence) {

    public enum Kind { NO_STATEMENT, GAP, OPENING_DIFFERS, SEQUENCE_BREAK }

    public static ContinuityFinding noStatement(LocalDate day) {
        return new ContinuityFinding(Kind.NO_STATEMENT, day, null, null, null, null, null, null);
    }

    public static ContinuityFinding gap(LocalDate day, LocalDate previousDay, LocalDate nextDay) {
        return new ContinuityFinding(Kind.GAP, day, previousDay, nextDay, null, null, null, null);
    }

    public static ContinuityFinding openingDiffers(LocalDate day, LocalDate previousDay, Money opening, Money previousClosing) {
        return new ContinuityFinding(Kind.OPENING_DIFFERS, day, previousDay, null, opening, previousClosing, null, null);
    }

    public static ContinuityFinding sequenceBreak(LocalDate day, LocalDate previousDay, long sequence, long previousSequence) {
        return new ContinuityFinding(Kind.SEQUENCE_BREAK, day, previousDay, null, null, null, sequence, previousSequence);
    }

    /** In words, for the command line and the log. */
    public String describe() {
        return switch (kind) {
            case NO_STATEMENT -> "no statement for " + day;
            case GAP -> "no statement for banking day " + day + " (gap between the statements of " + previousDay + " and "
                    + nextDay + ")";
            case OPENING_DIFFERS -> "the statement of " + day + " opens with " + opening + " but the statement of " + previousDay
                    + " closed with " + previousClosing;
            case SEQUENCE_BREAK -> "statement sequence number " + sequence + " does not follow " + previousSequence;
        };
    }

    /** One line for the database: the kind and its values, separated by '|'. */
    String encode() {
        return String.join("|", kind.name(), text(day), text(previousDay), text(nextDay),
                opening == null ? "" : opening.minorUnits() + " " + opening.currency().getCurrencyCode(),
                previousClosing == null ? "" : previousClosing.minorUnits() + " " + previousClosing.currency().getCurrencyCode(),
                sequence == null ? "" : sequence.toString(), previousSequence == null ? "" : previousSequence.toString());
    }

    static String encode(List<ContinuityFinding> findings) {
        return findings.isEmpty() ? null : String.join("\n", findings.stream().map(ContinuityFinding::encode).toList());
    }

    static List<ContinuityFinding> decode(String stored) {
        List<ContinuityFinding> findings = new ArrayList<>();
        if (stored == null || stored.isBlank()) {
            return findings;
        }
        for (String line : stored.split("\n")) {
            String[] part = line.split("\\|", -1);
            if (part.length < 8) {
                // written before findings were kept as codes: nothing typed to recover
                continue;
            }
            findings.add(new ContinuityFinding(Kind.valueOf(part[0]), date(part[1]), date(part[2]), date(part[3]), money(part[4]),
                    money(part[5]), part[6].isEmpty() ? null : Long.valueOf(part[6]), part[7].isEmpty() ? null : Long.valueOf(part[7])));
        }
        return findings;
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static LocalDate date(String text) {
        return text.isEmpty() ? null : LocalDate.parse(text);
    }

    private static Money money(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String[] parts = text.split(" ");
        return Money.ofMinor(Long.parseLong(parts[0]), parts[1]);
    }
}
