package se.clientfunds.bank.mt940;

import java.util.Objects;

/**
 * One field of an MT940 file as written, before its value is interpreted: the tag without colons ({@code 61},
 * {@code 60F}), the value with its continuation lines joined by {@code \n}, and the line the field starts on.
 * A statement separator ({@code -}, {@code -}}) is reported as a field with the tag {@link #SEPARATOR}.
 */
public record Mt940Field(String tag, String value, int line) {

    /** The pseudo-tag of a {@code -} line that ends a statement or a SWIFT message. */
    public static final String SEPARATOR = "-";

    public Mt940Field {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(value, "value");
    }

    public boolean isSeparator() {
        return SEPARATOR.equals(tag);
    }

    /** The field as it appears in messages: {@code :61:'1105240524D9,N192NONREF'}, continuation lines shown as {@code \n}. */
    public String quoted() {
        if (isSeparator()) {
            return "'-'";
        }
        return ":" + tag + ": '" + value.replace("\n", "\\n") + "'";
    }
}
