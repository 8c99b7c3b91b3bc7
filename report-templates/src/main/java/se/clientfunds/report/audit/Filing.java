package se.clientfunds.report.audit;

/**
 * A goAML report filed with the FIU on the business day, as the day's manifest lists it: where it was written under the
 * settlement home, the alert it reports, and the SHA-256 of its bytes. Named by the alert's number only, never by its
 * subject (no tipping-off through the audit trail).
 *
 * @param file e.g. {@code filings/2026-01-07/goaml-STR-12.xml}
 */
public record Filing(String file, long alertId, String sha256) {

    public Filing {
        Fields.text("file", file, "a filing");
        if (alertId <= 0) {
            throw new IllegalArgumentException("alertId " + alertId + " of filing " + file + " is not positive");
        }
        sha256 = Fields.sha256(sha256, "filing " + file);
    }
}
