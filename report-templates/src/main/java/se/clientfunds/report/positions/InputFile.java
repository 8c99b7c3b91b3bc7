package se.clientfunds.report.positions;

import java.util.Objects;
import java.util.regex.Pattern;

/** An input file the report was built from, with its SHA-256 as 64 lower-case hex digits. */
public record InputFile(String name, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public InputFile {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(sha256, "sha256 of " + name + " is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 '" + sha256 + "' of " + name + " is not 64 lower-case hex digits");
        }
    }
}
