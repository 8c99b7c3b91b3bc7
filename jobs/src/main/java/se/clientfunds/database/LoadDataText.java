package se.clientfunds.database;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A value written as one field of {@code LOAD DATA}'s default text format (fields ended by a tab, lines by a
 * newline, backslash the escape, nothing enclosed): {@code \N} for NULL, and a tab, newline, carriage return, NUL or
 * backslash inside a text escaped, so no value can end its field or its row early or read back as NULL.
 */
public final class LoadDataText {

    /** NULL, which no escaped value can be: a backslash in a value is always doubled. */
    static final String NULL = "\\N";

    private LoadDataText() {
    }

    /** The value as its field: text escaped, numbers plain, dates ISO, null as {@code \N}. */
    public static String field(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /** Appends the value as its field; a type whose text the database might read otherwise is refused. */
    public static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append(NULL);
        } else if (value instanceof String text) {
            appendText(out, text);
        } else if (value instanceof Long number) {
            out.append(number.longValue());
        } else if (value instanceof Integer number) {
            out.append(number.intValue());
        } else if (value instanceof BigDecimal number) {
            out.append(number.toPlainString());
        } else if (value instanceof Boolean flag) {
            out.append(flag ? '1' : '0');
        } else if (value instanceof LocalDate date) {
            // ISO yyyy-MM-dd (a year past 9999 gets a sign, which the DATE column refuses)
            out.append(date);
        } else {
            throw new IllegalArgumentException("a " + value.getClass().getName()
                    + " has no LOAD DATA field: give a String, Long, Integer, BigDecimal, Boolean or LocalDate (" + value + ")");
        }
    }

    private static void appendText(StringBuilder out, String text) {
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            String escaped = switch (text.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\0' -> "\\0";
                default -> null;
            };
            if (escaped != null) {
                out.append(text, plain, i).append(escaped);
                plain = i + 1;
            }
        }
        out.append(text, plain, text.length());
    }
}
