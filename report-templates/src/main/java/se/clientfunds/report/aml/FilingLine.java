package se.clientfunds.report.aml;

import java.util.Locale;

/**
 * A goAML report filed with the FIU on the business day.
 *
 * @param file   where it was written, under the settlement home, e.g. {@code filings/2026-01-07/goaml-STR-12.xml}
 * @param sha256 the SHA-256 of its bytes recorded when it was filed, empty when the filing recorded none
 */
public record FilingLine(long alertId, String reportCode, String file, String sha256) {

    public FilingLine {
        String of = "the filing of alert " + alertId;
        if (alertId <= 0) {
            throw new IllegalArgumentException("alertId " + alertId + " of a filing is not positive");
        }
        if (reportCode == null || reportCode.isBlank()) {
            throw new IllegalArgumentException("reportCode '" + reportCode + "' of " + of + " is blank");
        }
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("file '" + file + "' of " + of + " is blank");
        }
        sha256 = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!sha256.isEmpty() && !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 '" + sha256 + "' of " + of + " is not 64 hex digits");
        }
    }
}
