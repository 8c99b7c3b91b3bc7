package se.clientfunds.bank.bgmax;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits an ISO-8859-1 character stream into lines (LF or CRLF) without ever holding more than {@link #MAX_LINE}
 * characters of one, so that a file without line breaks (a binary, a zip) costs no more memory than a BGMax file.
 */
final class BgMaxLineReader implements Closeable {

    /** Far above the 80 characters of a record: enough to name how long a bad line is, small enough to bound memory. */
    static final int MAX_LINE = 1024;

    private final Reader reader;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long lineNumber;
    private long lastLength;

    BgMaxLineReader(Reader reader) {
        this.reader = reader;
    }

    /**
     * The next line without its line break, or null at the end of the input. A line longer than {@link #MAX_LINE}
     * is returned cut to that length; {@link #lastLength()} tells its real length.
     */
    String next() throws IOException {
        StringBuilder line = new StringBuilder(96);
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            char c = buffer[position++];
            if (c == '\n') {
                break;
            }
            length++;
            if (line.length() < MAX_LINE) {
                line.append(c);
            }
        }
        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r' && length == line.length()) {
            line.setLength(line.length() - 1);
            length--;
        }
        lineNumber++;
        lastLength = length;
        return line.toString();
    }

    /** The 1-based number of the line last returned. */
    long lineNumber() {
        return lineNumber;
    }

    /** The real length of the line last returned, without its line break. */
    long lastLength() {
        return lastLength;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
