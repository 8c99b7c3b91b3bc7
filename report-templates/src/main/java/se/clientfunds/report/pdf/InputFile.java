package se.clientfunds.report.pdf;

import java.util.Locale;

/** An input file a report was built from, with the SHA-256 of its bytes (64 hex digits, printed in lower case). */
public record InputFile(String name, String sha256) {

    public InputFile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("input file name '" + name + "' is blank");
        }
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("sha256 '" + sha256 + "' of input file " + name + " is not 64 hex digits");
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
    }
}
