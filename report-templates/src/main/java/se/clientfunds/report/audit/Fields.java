package se.clientfunds.report.audit;

import java.util.Locale;

/** Checks shared by the audit records; every message names the field, the record and the value. */
final class Fields {

    private Fields() {
    }

    static String text(String field, String value, String of) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " '" + value + "' of " + of + " is blank");
        }
        return value;
    }

    static <T> T present(String field, T value, String of) {
        if (value == null) {
            throw new IllegalArgumentException(field + " of " + of + " is missing");
        }
        return value;
    }

    static long notNegative(String field, long value, String of) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " " + value + " of " + of + " is negative");
        }
        return value;
    }

    /** A SHA-256 as 64 hex digits, returned in lower case. */
    static String sha256(String value, String of) {
        if (value == null || !value.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("sha256 '" + value + "' of " + of + " is not 64 hex digits");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
