package se.clientfunds.extract;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Streams the rows of a platform extract: strict UTF-8, optional byte order mark, CRLF or LF line endings and
 * RFC 4180 quoting, checking the header and the field count of every row.
 * Anything else is refused with an {@link ExtractFormatException} naming the file and line.
 */
public final class ExtractCsvReader implements Closeable {

    private static final int BUFFER_SIZE = 1 << 16;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String fileName;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE);
    private final StringBuilder field = new StringBuilder(64);
    private final ExtractKind kind;

    /** Byte offset in the file of {@code bytes.array()[0]}. */
    private long bytesBeforeBuffer;
    private boolean inputEnded;
    private boolean decodingDone;
    /** A decoding error found after the chars still in the buffer; reported once those are consumed. */
    private String pendingDecodingError;

    private char[] buf = chars.array();
    private int pos;
    private int limit;
    /** Characters decoded before {@code buf[0]}, to compute columns for decoding errors. */
    private long charsBeforeBuffer;
    private long lineStartChar;
    private long line = 1;

    private String[] rowFields;
    private int rowFieldCount;
    private long rowLine;

    /**
     * Reads the header from the stream and checks it against the expected kind, or detects the kind from it
     * when {@code expected} is null.
     */
    public ExtractCsvReader(InputStream in, String fileName, ExtractKind expected) {
        this.in = Objects.requireNonNull(in, "in");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.kind = readHeader(expected);
        this.rowFields = new String[kind.columnCount()];
    }

    /** Opens a file that must be an extract of the given kind. */
    public static ExtractCsvReader open(Path file, ExtractKind expected) {
        Objects.requireNonNull(expected, "expected");
        return openFile(file, expected);
    }

    /** Opens a file whose kind is detected from its header. */
    public static ExtractCsvReader openDetectingKind(Path file) {
        return openFile(file, null);
    }

    private static ExtractCsvReader openFile(Path file, ExtractKind expected) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        try {
            return new ExtractCsvReader(in, String.valueOf(file.getFileName()), expected);
        } catch (RuntimeException e) {
            try {
                in.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    public ExtractKind kind() {
        return kind;
    }

    public String fileName() {
        return fileName;
    }

    /** The next data row, or {@code null} at the end of the file. */
    public ExtractRow next() {
        if (!readRecord()) {
            return null;
        }
        int expected = kind.columnCount();
        if (rowFieldCount != expected) {
            if (rowFieldCount == 1 && rowFields[0].isEmpty()) {
                throw new ExtractFormatException(fileName, rowLine, "is empty, expected " + expected + " fields");
            }
            throw new ExtractFormatException(fileName, rowLine,
                    "has " + rowFieldCount + " field" + (rowFieldCount == 1 ? "" : "s") + ", expected " + expected);
        }
        return new ExtractRow(rowLine, Arrays.asList(rowFields).subList(0, rowFieldCount));
    }

    /** Skips the next data row without checking its field count; false at the end of the file. */
    public boolean skip() {
        return readRecord();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private ExtractKind readHeader(ExtractKind expected) {
        if (!fill()) {
            throw new ExtractFormatException(fileName, 0, "file is empty");
        }
        if (buf[pos] == BYTE_ORDER_MARK) {
            pos++;
            lineStartChar = 1;
        }
        if (onlyWhitespaceRemains()) {
            throw new ExtractFormatException(fileName, 0, "file is empty");
        }
        rowFields = new String[expected == null ? 16 : expected.columnCount()];
        readRecord();
        List<String> found = List.copyOf(Arrays.asList(rowFields).subList(0, rowFieldCount));
        if (expected == null) {
            return ExtractKind.forColumns(found).orElseThrow(() -> new ExtractFormatException(fileName, 1,
                    "header " + found + " is not the header of any extract: expected one of "
                            + Arrays.stream(ExtractKind.values()).map(ExtractKind::columns).toList()));
        }
        if (!found.equals(expected.columns())) {
            throw new ExtractFormatException(fileName, 1,
                    "header must be exactly " + expected.columns() + " for " + expected.fileName() + ", found " + found);
        }
        return expected;
    }

    /** Looks ahead without consuming: true when nothing but whitespace is left in the current buffer and file. */
    private boolean onlyWhitespaceRemains() {
        for (int i = pos; i < limit; i++) {
            if (!Character.isWhitespace(buf[i])) {
                return false;
            }
        }
        // the whole first buffer is whitespace: rare enough to simply read on, consuming
        while (true) {
            pos = limit;
            if (!fill()) {
                return true;
            }
            for (int i = pos; i < limit; i++) {
                if (!Character.isWhitespace(buf[i])) {
                    return false;
                }
            }
        }
    }

    /** Reads one record into {@code rowFields}; false at the end of the input. */
    private boolean readRecord() {
        if (pos >= limit && !fill()) {
            return false;
        }
        rowLine = line;
        rowFieldCount = 0;
        while (true) {
            String value;
            if (pos < limit && buf[pos] == '"') {
                pos++;
                value = readQuoted();
            } else {
                value = readUnquoted();
            }
            addField(value);
            if (pos >= limit && !fill()) {
                return true;
            }
            char c = buf[pos];
            if (c == ',') {
                pos++;
                if (pos >= limit && !fill()) {
                    addField("");
                    return true;
                }
            } else if (c == '\n') {
                pos++;
                newLine();
                return true;
            } else if (c == '\r') {
                pos++;
                if ((pos < limit || fill()) && buf[pos] == '\n') {
                    pos++;
                    newLine();
                    return true;
                }
                throw new ExtractFormatException(fileName, line, "carriage return not followed by a line feed");
            } else if (c == '"') {
                throw new ExtractFormatException(fileName, line,
                        "field " + rowFieldCount + " has a quote but does not start with one");
            } else {
                throw new ExtractFormatException(fileName, line,
                        "field " + rowFieldCount + " has '" + c + "' after its closing quote");
            }
        }
    }

    private void newLine() {
        line++;
        lineStartChar = charsBeforeBuffer + pos;
    }

    private void addField(String value) {
        if (rowFieldCount == rowFields.length) {
            rowFields = Arrays.copyOf(rowFields, rowFields.length * 2);
        }
        rowFields[rowFieldCount++] = value;
    }

    /** Reads up to (not including) a comma, line ending or quote. */
    private String readUnquoted() {
        int start = pos;
        int i = pos;
        char[] b = buf;
        int end = limit;
        while (i < end) {
            char c = b[i];
            if (c == ',' || c == '\n' || c == '\r' || c == '"') {
                pos = i;
                return new String(b, start, i - start);
            }
            i++;
        }
        // the field continues in the next buffer
        field.setLength(0);
        field.append(b, start, i - start);
        pos = i;
        while (fill()) {
            b = buf;
            start = pos;
            i = pos;
            end = limit;
            while (i < end) {
                char c = b[i];
                if (c == ',' || c == '\n' || c == '\r' || c == '"') {
                    field.append(b, start, i - start);
                    pos = i;
                    return field.toString();
                }
                i++;
            }
            field.append(b, start, i - start);
            pos = i;
        }
        return field.toString();
    }

    /** Reads after an opening quote up to and including the closing quote, turning doubled quotes into one. */
    private String readQuoted() {
        long startLine = line;
        field.setLength(0);
        while (true) {
            if (pos >= limit && !fill()) {
                throw new ExtractFormatException(fileName, startLine,
                        "quoted field " + (rowFieldCount + 1) + " starting on this line is not closed");
            }
            char[] b = buf;
            int start = pos;
            int i = pos;
            int end = limit;
            while (i < end && b[i] != '"') {
                if (b[i] == '\n') {
                    line++;
                    lineStartChar = charsBeforeBuffer + i + 1;
                }
                i++;
            }
            field.append(b, start, i - start);
            pos = i;
            if (i < end) {
                pos++;
                if ((pos < limit || fill()) && buf[pos] == '"') {
                    field.append('"');
                    pos++;
                } else {
                    return field.toString();
                }
            }
        }
    }

    /** Refills the character buffer once everything in it has been consumed; false at the end of the input. */
    private boolean fill() {
        if (pendingDecodingError != null) {
            long column = charsBeforeBuffer + limit - lineStartChar + 1;
            throw new ExtractFormatException(fileName, line, "column " + column + ": " + pendingDecodingError);
        }
        if (decodingDone) {
            return false;
        }
        charsBeforeBuffer += limit;
        chars.clear();
        try {
            while (true) {
                CoderResult result = decoder.decode(bytes, chars, inputEnded);
                if (result.isError()) {
                    pendingDecodingError = decodingError(result);
                    break;
                }
                if (result.isOverflow()) {
                    break;
                }
                if (inputEnded) {
                    decoder.flush(chars);
                    decodingDone = true;
                    break;
                }
                readBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + " line " + line + ": cannot be read", e);
        }
        chars.flip();
        buf = chars.array();
        pos = 0;
        limit = chars.limit();
        if (limit == 0) {
            return fill();
        }
        return true;
    }

    private void readBytes() throws IOException {
        bytesBeforeBuffer += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            inputEnded = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private String decodingError(CoderResult result) {
        long offset = bytesBeforeBuffer + bytes.position();
        StringBuilder found = new StringBuilder();
        for (int i = 0; i < result.length() && bytes.position() + i < bytes.limit(); i++) {
            found.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        return "is not valid UTF-8: byte" + (result.length() == 1 ? " " : "s ") + found + " at byte offset " + offset;
    }
}
