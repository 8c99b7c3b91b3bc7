package se.clientfunds.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.money.Money;

/**
 * An account's chain of statements at a business day (DESIGN §2.5): the day's statement exists, its OPBD equals the
 * previous statement's CLBD, its sequence number follows, and no banking day in between lacks a statement.
 *
 * @param closing  the day's statement's CLBD, or null when there is none (or it gives none)
 * @param findings what breaks the chain, in the order checked; empty when nothing does
 */
public record StatementContinuity(Money closing, List<ContinuityFinding> findings) {

    /**
     * A statement (camt.053 or MT940 section) as the chain reads it; a balance or sequence number the bank did not give
     * is null.
     */
    public record Statement(LocalDate closingDate, Long openingMinor, Long closingMinor, Long sequence) {

        public Statement {
            Objects.requireNonNull(closingDate, "closingDate");
        }
    }

    public StatementContinuity {
        findings = List.copyOf(findings);
    }

    /**
     * Checks the chain on {@code day} from the account's latest statements closing on or before it, newest first (the
     * first two are all it looks at).
     */
    public static StatementContinuity of(LocalDate day, String currency, List<Statement> latestFirst, BankingCalendar calendar) {
        if (latestFirst.isEmpty() || !latestFirst.get(0).closingDate().equals(day)) {
            return new StatementContinuity(null, List.of(ContinuityFinding.noStatement(day)));
        }
        Statement today = latestFirst.get(0);
        List<ContinuityFinding> findings = new ArrayList<>();
        if (latestFirst.size() > 1) {
            Statement previous = latestFirst.get(1);
            LocalDate previousDate = previous.closingDate();
            for (LocalDate missing = calendar.nextBankingDay(previousDate); missing.isBefore(day);
                 missing = calendar.nextBankingDay(missing)) {
                findings.add(ContinuityFinding.gap(missing, previousDate, day));
            }
            if (previous.closingMinor() != null && today.openingMinor() != null
                    && previous.closingMinor().longValue() != today.openingMinor().longValue()) {
                findings.add(ContinuityFinding.openingDiffers(day, previousDate, Money.ofMinor(today.openingMinor(), currency),
                        Money.ofMinor(previous.closingMinor(), currency)));
            }
            if (previous.sequence() != null && today.sequence() != null
                    && today.sequence().longValue() != previous.sequence().longValue() + 1) {
                findings.add(ContinuityFinding.sequenceBreak(day, previousDate, today.sequence(), previous.sequence()));
            }
        }
        return new StatementContinuity(today.closingMinor() == null ? null : Money.ofMinor(today.closingMinor(), currency),
                findings);
    }

    /** Whether nothing breaks the chain. */
    public boolean unbroken() {
        return findings.isEmpty();
    }
}
