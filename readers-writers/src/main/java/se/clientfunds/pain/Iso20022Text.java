package se.clientfunds.pain;

/**
 * The text rules of the pain.001 schema: Max35Text for identifiers, Max140Text for names and remittance
 * information, both at least one character, and only characters that XML 1.0 can carry.
 */
final class Iso20022Text {

    static final int MAX_ID = 35;
    static final int MAX_TEXT = 140;

    private Iso20022Text() {
    }

    /** An identifier (Max35Text): refused rather than cut, because a cut id no longer matches its payment. */
    static String id(String field, String value) {
        requireText(field, value);
        int length = value.codePointCount(0, value.length());
        if (length > MAX_ID) {
            throw new IllegalArgumentException(field + " '" + value + "' has " + length + " characters, at most "
                    + MAX_ID + " allowed");
        }
        return value;
    }

    static String optionalId(String field, String value) {
        return value == null ? null : id(field, value);
    }

    /** A party name (Max140Text), cut to 140 characters: banks match accounts by IBAN, the name is for people. */
    static String name(String field, String value) {
        requireText(field, value);
        if (value.codePointCount(0, value.length()) <= MAX_TEXT) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, MAX_TEXT));
    }

    /**
     * Optional free text (Max140Text) refused rather than cut when too long: unstructured remittance information
     * is what the creditor matches the payment with, and a cut one may match nothing.
     */
    static String optionalText(String field, String value) {
        if (value == null) {
            return null;
        }
        requireText(field, value);
        int length = value.codePointCount(0, value.length());
        if (length > MAX_TEXT) {
            throw new IllegalArgumentException(field + " '" + value + "' has " + length + " characters, at most "
                    + MAX_TEXT + " allowed");
        }
        return value;
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " '" + value + "' must not be blank");
        }
        value.codePoints().filter(c -> !isXmlCharacter(c)).findFirst().ifPresent(c -> {
            throw new IllegalArgumentException(field + " '" + value + "' holds character U+"
                    + String.format("%04X", c) + ", which XML cannot carry");
        });
    }

    // XML 1.0 Char production; a lone surrogate arrives here as a code point in D800-DFFF and is refused
    private static boolean isXmlCharacter(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
