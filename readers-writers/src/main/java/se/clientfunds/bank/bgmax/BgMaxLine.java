package se.clientfunds.bank.bgmax;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Currency;

import se.clientfunds.bank.BankFileException;
import se.clientfunds.money.Money;

/**
 * One 80-character BGMax record with its line number, and strict access to its fields by the 1-based positions of
 * Bankgirot's manual. Every refusal names the line, the record type, the field with its positions, and the value.
 */
final class BgMaxLine {

    static final int RECORD_LENGTH = 80;

    /** The bytes EF BF BD of UTF-8's replacement character, read as ISO-8859-1: a letter some tool could not read. */
    private static final String LOST_LETTER = "\u00EF\u00BF\u00BD";

    private final String fileName;
    private final long number;
    private final BgMaxRecordType type;
    private final String text;

    private BgMaxLine(String fileName, long number, BgMaxRecordType type, String text) {
        this.fileName = fileName;
        this.number = number;
        this.type = type;
        this.text = text;
    }

    /**
     * Checks one line as a record and pads it to 80 characters. Tolerated: a line that stops after its last field
     * (trailing blanks stripped in transfer). Refused: an unknown record type, anything past position 80 (blanks
     * too: a record is 80 characters, and a longer one was not written by Bankgirot's rules), a file saved as UTF-8
     * (its byte order mark, or letters that made a line long), UTF-8's replacement character, a file without line
     * breaks, a line cut inside a field, control characters, and tabs outside free-text records (a tab there shifts
     * every field after it).
     */
    static BgMaxLine of(String fileName, long number, String raw, long rawLength) {
        String location = "line " + number;
        if (number == 1 && raw.startsWith("\u00ef\u00bb\u00bf")) {
            throw new BankFileException(fileName, location, "starts with EF BB BF, UTF-8's byte order mark: the file was"
                    + " saved as UTF-8, BGMax is ISO-8859-1 (a copy an editor saved; its letters may have changed):"
                    + " import the file as Bankgirot sent it");
        }
        String code = raw.length() >= 2 ? raw.substring(0, 2) : raw;
        BgMaxRecordType type = BgMaxRecordType.of(code);
        if (type == null) {
            throw new BankFileException(fileName, location, "unknown record type '" + code + "' (TK" + code
                    + "); BGMax has TK01, TK05, TK15, TK20-TK23, TK25-TK29 and TK70");
        }
        if (rawLength > RECORD_LENGTH) {
            String encoding = encodingHint(raw);
            String why = !encoding.isEmpty() ? encoding
                    : rawLength >= 2L * RECORD_LENGTH && BgMaxRecordType.of(raw.substring(RECORD_LENGTH,
                            Math.min(raw.length(), RECORD_LENGTH + 2))) != null
                    ? "; position 81 starts another record: the file has lost its line breaks (one record a line)"
                    : isBlank(raw.substring(RECORD_LENGTH)) ? "; it is padded with blanks past position 80" : "";
            throw new BankFileException(fileName, location, type + " record is " + rawLength
                    + " characters long, BGMax records are " + RECORD_LENGTH + why);
        }
        if (raw.contains(LOST_LETTER)) {
            throw new BankFileException(fileName, location, type + " record holds bytes EF BF BD at position "
                    + (raw.indexOf(LOST_LETTER) + 1) + ", UTF-8 for U+FFFD: the file was saved as UTF-8 after its"
                    + " letters were lost, BGMax is ISO-8859-1");
        }
        String record = raw.length() > RECORD_LENGTH ? raw.substring(0, RECORD_LENGTH) : raw;
        if (record.length() < type.lastFieldEnd()) {
            throw new BankFileException(fileName, location, type + " record is " + record.length()
                    + " characters long and stops inside its fields, which end at position " + type.lastFieldEnd()
                    + " (BGMax records are " + RECORD_LENGTH + ")");
        }
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == '\t') {
                if (!type.freeText() && i < type.lastFieldEnd()) {
                    throw new BankFileException(fileName, location, type + " record has a tab at position " + (i + 1)
                            + "; a tab shifts the fixed positions of the fields after it");
                }
            } else if (c < ' ' || c == 0x7f) {
                throw new BankFileException(fileName, location, type + " record has control character U+"
                        + String.format("%04X", (int) c) + " at position " + (i + 1));
            }
        }
        return new BgMaxLine(fileName, number, type, record + " ".repeat(RECORD_LENGTH - record.length()));
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * A line too long as ISO-8859-1 whose bytes are valid UTF-8 with multi-byte letters was written in the wrong
     * encoding: its blank tail is then no harmless padding but the room its letters took, so it is refused, saying so.
     */
    private static String encodingHint(String raw) {
        try {
            String asUtf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1))).toString();
            if (asUtf8.length() == raw.length()) {
                return "";
            }
            return asUtf8.indexOf('\uFFFD') >= 0
                    ? "; its bytes are UTF-8 holding U+FFFD replacement characters (EF BF BD): the file was saved as"
                      + " UTF-8 after its letters were lost, BGMax is ISO-8859-1"
                    : "; its bytes read as UTF-8 make " + asUtf8.length() + " characters: the file is UTF-8, BGMax is ISO-8859-1";
        } catch (CharacterCodingException e) {
            return "";
        }
    }

    long number() {
        return number;
    }

    String location() {
        return "line " + number;
    }

    BgMaxRecordType type() {
        return type;
    }

    /** A text field, tabs read as spaces, without leading and trailing blanks; empty when blank. */
    String text(int from, int to) {
        return text.substring(from - 1, to).replace('\t', ' ').strip();
    }

    /** A field of digits only (zero-filled numbers, dates, serials). */
    String digits(String field, int from, int to) {
        String value = text.substring(from - 1, to);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw error(field, from, to, value, "is not numeric");
            }
        }
        return value;
    }

    long number(String field, int from, int to) {
        return Long.parseLong(digits(field, from, to));
    }

    /** An amount in minor units (öre, cent), 18 digits at most, so it always fits a long. */
    Money amount(String field, int from, int to, Currency currency) {
        return new Money(number(field, from, to), currency);
    }

    LocalDate date(String field, int from, int to) {
        String value = digits(field, from, to);
        try {
            return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                    Integer.parseInt(value.substring(6, 8)));
        } catch (DateTimeException e) {
            throw error(field, from, to, value, "is not a date (YYYYMMDD)");
        }
    }

    /** A 20-digit timestamp YYYYMMDDHHMMSS followed by microseconds. */
    LocalDateTime timestamp(String field, int from, int to) {
        String value = digits(field, from, to);
        try {
            return LocalDateTime.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                    Integer.parseInt(value.substring(6, 8)), Integer.parseInt(value.substring(8, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)),
                    Integer.parseInt(value.substring(14, 20)) * 1000);
        } catch (DateTimeException e) {
            throw error(field, from, to, value, "is not a timestamp (YYYYMMDDHHMMSS and microseconds)");
        }
    }

    /** A one-character code that must be one of {@code allowed}. */
    char code(String field, int position, String allowed) {
        char value = text.charAt(position - 1);
        if (allowed.indexOf(value) < 0) {
            throw error(field, position, position, String.valueOf(value), "is not one of " + String.join(", ",
                    allowed.chars().mapToObj(c -> String.valueOf((char) c)).toList()));
        }
        return value;
    }

    BankFileException error(String field, int from, int to, String value, String problem) {
        String positions = from == to ? "position " + from : "positions " + from + "-" + to;
        return new BankFileException(fileName, location(), type + " field " + field + " (" + positions + ") '" + value
                + "' " + problem);
    }

    BankFileException error(String reason) {
        return new BankFileException(fileName, location(), type + " " + reason);
    }

    @Override
    public String toString() {
        return location() + " " + type;
    }
}
