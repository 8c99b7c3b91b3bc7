package se.clientfunds.bank.mt940;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.clientfunds.bank.BankFileException;

/**
 * Splits an MT940 file into its fields, one at a time, holding one line and one field in memory. It joins
 * continuation lines, skips empty lines, transmission headers before a statement ({@code ABNANL2A}, {@code 940 00})
 * and the SWIFT blocks {@code {1:}{2:}{4:} around the text, and reports {@code -} lines as separators.
 *
 * <p>Encoding, decided once per file: banks send UTF-8 or ISO-8859-1 without saying which. The file is read as
 * UTF-8 as long as it is valid UTF-8; the first non-ASCII line settles it: valid UTF-8 makes the whole file UTF-8,
 * anything else makes it ISO-8859-1 (every earlier line was ASCII, which both read the same). A file that later
 * breaks the encoding its first non-ASCII line chose mixes encodings and is refused, naming the line.
 */
public final class Mt940FieldReader implements Closeable {

    /** Longer lines are not MT940 (SWIFT allows 65 characters, some banks write a little more). */
    static final int MAX_LINE_BYTES = 2_000;
    /** A field longer than this is refused; keeps memory constant whatever the file holds. */
    static final int MAX_FIELD_CHARS = 10_000;

    private static final Pattern TAG = Pattern.compile(":(\\d{2,3}[A-Z]?|NS):(.*)", Pattern.DOTALL);
    private static final Pattern SEPARATOR_LINE = Pattern.compile("-(\\}.*|[A-Z]*)");
    /** The tags of MT940 (and Rabobank's {@code :940:}, German and Hungarian banks' {@code :NS:}). */
    private static final java.util.Set<String> MT940_TAGS = java.util.Set.of("20", "21", "25", "25P", "28", "28C", "60F",
            "60M", "61", "62F", "62M", "64", "65", "86", "NS", "940");
    /** Transmission headers banks put before a statement: a BIC, {@code 940}, {@code 940 00}, {@code 0000 01INGBNL2AXXXX00001}. */
    private static final Pattern TRANSMISSION_HEADER = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?|940(?: 00)?"
            + "|0000 \\d{2}[A-Z0-9]{8,}");
    /** Characters some banks frame messages with (SOH, ETX) or end a file with (DOS end-of-file), never content. */
    private static final Pattern FRAMING = Pattern.compile("[\\x01\\x03\\x1a]");

    private enum Encoding { UNDECIDED, UTF_8, ISO_8859_1 }

    private final InputStream in;
    private final String fileName;
    private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream(128);
    private Encoding encoding = Encoding.UNDECIDED;
    private int firstNonAsciiLine;
    private int lineNumber;
    private boolean endOfInput;

    private String pendingTag;
    private StringBuilder pendingValue;
    private int pendingLine;
    private Mt940Field queued;
    private boolean statementSeen;
    private int preambleLines;
    private int firstPreambleLine;

    public Mt940FieldReader(InputStream in, String fileName) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024);
        this.fileName = fileName;
    }

    /** The next field or separator, or null at the end of the file. */
    public Mt940Field next() {
        if (queued != null) {
            Mt940Field field = queued;
            queued = null;
            return field;
        }
        while (true) {
            String line = readLine();
            if (line == null) {
                return takePending();
            }
            if (line.indexOf('\u0001') >= 0 || line.indexOf('\u0003') >= 0 || line.indexOf('\u001a') >= 0) {
                line = FRAMING.matcher(line).replaceAll("");
            }
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("{")) {
                int text = line.indexOf("{4:");
                if (text < 0) {
                    continue;
                }
                line = line.substring(text + 3);
                if (line.isBlank()) {
                    continue;
                }
            }
            Matcher tag = TAG.matcher(line);
            // inside an :86: only an MT940 tag starts a field: free text may hold a line such as ':00:00/'
            if (tag.matches() && (!"86".equals(pendingTag) || MT940_TAGS.contains(tag.group(1)))) {
                Mt940Field previous = takePending();
                pendingTag = tag.group(1);
                // trailing spaces mean nothing to a field's syntax; in free text (:86:) they are kept as written
                pendingValue = new StringBuilder("86".equals(pendingTag) ? tag.group(2) : tag.group(2).stripTrailing());
                statementSeen = true;
                pendingLine = lineNumber;
                if (previous != null) {
                    return previous;
                }
            } else if (SEPARATOR_LINE.matcher(line.strip()).matches()) {
                Mt940Field separator = new Mt940Field(Mt940Field.SEPARATOR, line, lineNumber);
                Mt940Field previous = takePending();
                if (previous == null) {
                    return separator;
                }
                queued = separator;
                return previous;
            } else if (pendingTag != null) {
                if (pendingValue.length() + line.length() + 1 > MAX_FIELD_CHARS) {
                    throw new BankFileException(fileName, "line " + lineNumber, ":" + pendingTag + ": (line " + pendingLine
                            + ") is longer than " + MAX_FIELD_CHARS + " characters");
                }
                pendingValue.append('\n').append("86".equals(pendingTag) ? line : line.stripTrailing());
            } else if (!statementSeen && !TRANSMISSION_HEADER.matcher(line.strip()).matches()) {
                // a line of prose before the first statement (a bank's export heading): skipped, and reported
                if (preambleLines++ == 0) {
                    firstPreambleLine = lineNumber;
                }
            }
            // otherwise a transmission header line before a statement (ABNANL2A, 940, 0000 01INGBNL2AXXXX00001): skipped
        }
    }

    /**
     * Lines before the first field that are neither SWIFT blocks nor transmission headers (a preamble in prose): how
     * many, and the first one's number (0 when there were none).
     */
    public int preambleLines() {
        return preambleLines;
    }

    public int firstPreambleLine() {
        return firstPreambleLine;
    }

    /** The line number last read, for messages about the end of the file. */
    public int lineNumber() {
        return lineNumber;
    }

    /** UTF-8 or ISO-8859-1 once the file has shown a non-ASCII byte; null while it has been plain ASCII. */
    public String encoding() {
        return switch (encoding) {
            case UNDECIDED -> null;
            case UTF_8 -> "UTF-8";
            case ISO_8859_1 -> "ISO-8859-1";
        };
    }

    private Mt940Field takePending() {
        if (pendingTag == null) {
            return null;
        }
        Mt940Field field = new Mt940Field(pendingTag, pendingValue.toString(), pendingLine);
        pendingTag = null;
        pendingValue = null;
        return field;
    }

    private String readLine() {
        if (endOfInput) {
            return null;
        }
        lineBytes.reset();
        boolean ascii = true;
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (lineBytes.size() >= MAX_LINE_BYTES) {
                    throw new BankFileException(fileName, "line " + (lineNumber + 1),
                            "line is longer than " + MAX_LINE_BYTES + " bytes: not an MT940 file");
                }
                ascii &= b < 0x80;
                lineBytes.write(b);
            }
            if (b == -1) {
                endOfInput = true;
                if (lineBytes.size() == 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + " line " + (lineNumber + 1) + ": cannot be read", e);
        }
        lineNumber++;
        byte[] bytes = lineBytes.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        int start = 0;
        if (lineNumber == 1 && length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF) {
            start = 3; // a UTF-8 byte order mark says the file is UTF-8
            encoding = Encoding.UTF_8;
            firstNonAsciiLine = 1;
        }
        return ascii ? new String(bytes, start, length - start, StandardCharsets.US_ASCII) : decode(bytes, start, length);
    }

    private String decode(byte[] bytes, int start, int end) {
        if (encoding == Encoding.ISO_8859_1) {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = utf8.decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            if (encoding == Encoding.UNDECIDED) {
                encoding = Encoding.UTF_8;
                firstNonAsciiLine = lineNumber;
            }
            return text;
        } catch (CharacterCodingException e) {
            if (encoding == Encoding.UTF_8) {
                throw new BankFileException(fileName, "line " + lineNumber, "is not UTF-8 though line "
                        + firstNonAsciiLine + " was: the file mixes encodings", e);
            }
            encoding = Encoding.ISO_8859_1;
            firstNonAsciiLine = lineNumber;
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": cannot be closed", e);
        }
    }
}
