package se.clientfunds.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an RFC 4180 CSV file in UTF-8 with LF line ends, a row at a time. Fields are quoted only when they hold
 * a comma, a quote or a line break, which is what the platform extracts look like.
 */
final class CsvFile implements Closeable {

    private final Path file;
    private final Writer writer;
    private final int columns;
    private long rows;

    CsvFile(Path file, String... header) {
        this.file = file;
        this.columns = header.length;
        try {
            this.writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        line(header);
        rows = 0;
    }

    void row(String... fields) {
        if (fields.length != columns) {
            throw new IllegalArgumentException(file.getFileName() + ": row " + (rows + 1) + " has " + fields.length
                    + " fields, the header " + columns);
        }
        line(fields);
        rows++;
    }

    long rows() {
        return rows;
    }

    private void line(String[] fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(quoted(fields[i] == null ? "" : fields[i]));
            }
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write row " + (rows + 1) + " of " + file, e);
        }
    }

    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
