package se.clientfunds.report.pdf;

import java.time.LocalDate;
import java.util.List;

import se.clientfunds.report.Amount;

/**
 * Something every report of a day must say at its top, before its figures: that the day closed without the bank's
 * statement, that an earlier shortfall still has no action recorded (both alerts, printed in red), or that this is a
 * later version of the day's reports and why. Renderers print each in the report's language.
 */
public sealed interface Notice permits Notice.ClosedWithoutStatement, Notice.ShortfallWithoutAction, Notice.LaterVersion {

    /** Whether the notice is an alert (red) rather than information. */
    boolean alert();

    /**
     * The day closed without the bank's statement of these client-funds accounts
     * ({@code settlement.close.without-statement}): its figures are not confirmed by the bank.
     *
     * @param accounts the accounts' IBANs
     */
    record ClosedWithoutStatement(List<String> accounts) implements Notice {

        public ClosedWithoutStatement {
            if (accounts == null || accounts.isEmpty()) {
                throw new IllegalArgumentException("accounts closed without a statement are missing");
            }
            accounts = List.copyOf(accounts);
        }

        @Override
        public boolean alert() {
            return true;
        }
    }

    /** A safeguarding shortfall of an earlier day with no action recorded by the next banking day, and still none. */
    record ShortfallWithoutAction(LocalDate day, Amount shortfall) implements Notice {

        public ShortfallWithoutAction {
            if (day == null) {
                throw new IllegalArgumentException("day of the shortfall is missing");
            }
            if (shortfall == null || shortfall.minor() <= 0) {
                throw new IllegalArgumentException("shortfall of " + day + " must be a positive amount, is " + shortfall);
            }
        }

        @Override
        public boolean alert() {
            return true;
        }
    }

    /**
     * This is version {@code version} (2 or later) of the day's reports, written beside the earlier ones, which it
     * supersedes.
     *
     * @param reconciliationRun the reconciliation run of the day this version shows
     */
    record LaterVersion(int version, VersionReason reason, int reconciliationRun) implements Notice {

        public LaterVersion {
            if (version < 2) {
                throw new IllegalArgumentException("a later version is 2 or more, is " + version);
            }
            if (reason == null) {
                throw new IllegalArgumentException("reason of version " + version + " is missing");
            }
            if (reconciliationRun < 1) {
                throw new IllegalArgumentException("reconciliationRun " + reconciliationRun + " of version " + version
                        + " is not positive");
            }
        }

        @Override
        public boolean alert() {
            return false;
        }
    }

    /** Why a later version of a day's reports was written. */
    enum VersionReason {
        /** A statement that arrived after the day closed was reconciled (a new reconciliation run). */
        LATE_STATEMENT,
        /** An action about the day's safeguarding shortfall or excess was recorded. */
        SAFEGUARDING_ACTION,
        /** The same books now give other bytes (the software or a report template changed). */
        REWRITTEN
    }
}
