package se.clientfunds.extract;

/**
 * A platform extract that cannot be read as the expected CSV; the message names the file and, when known, the line,
 * for example {@code invoices.csv line 7: has 9 fields, expected 10}.
 */
public class ExtractFormatException extends RuntimeException {

    private final String fileName;
    private final long line;
    private final String reason;

    /** A problem with the file as a whole when {@code line} is 0, else with that physical line (1-based). */
    public ExtractFormatException(String fileName, long line, String reason) {
        this(fileName, line, reason, null);
    }

    public ExtractFormatException(String fileName, long line, String reason, Throwable cause) {
        super(fileName + (line > 0 ? " line " + line : "") + ": " + reason, cause);
        this.fileName = fileName;
        this.line = line;
        this.reason = reason;
    }

    public String fileName() {
        return fileName;
    }

    /** The 1-based physical line, or 0 when the problem is with the whole file. */
    public long line() {
        return line;
    }

    /** The message without file name and line. */
    public String reason() {
        return reason;
    }
}
