package se.clientfunds.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of an extract file as typed records for a Spring Batch step, restartable by its read count kept
 * under a stable name. Rows are expected to have been validated in an earlier pass: a row that fails now stops the
 * step with an {@link InvalidExtractRowException}.
 *
 * <p>It keeps its state under the same keys as Spring Batch's {@code AbstractItemCountingItemStreamItemReader}
 * ({@code <name>.read.count}, {@code <name>.read.count.max}) but implements {@link ItemStreamReader} directly,
 * because that base class needs spring-beans, which this module does not depend on.
 *
 * @param <T> the record type
 */
public class ExtractItemReader<T> implements ItemStreamReader<T> {

    private static final String READ_COUNT = "read.count";
    private static final String READ_COUNT_MAX = "read.count.max";

    private final String name;
    private final Path file;
    private final ExtractRowParser<T> parser;
    private boolean saveState = true;
    private int maxItemCount = Integer.MAX_VALUE;

    private ExtractCsvReader csv;
    private int readCount;

    /** A reader whose restart state is kept under {@code name}, which must stay the same across restarts. */
    public ExtractItemReader(String name, Path file, ExtractRowParser<T> parser) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required: it keys the restart state of the reader");
        }
        this.name = name;
        this.file = Objects.requireNonNull(file, "file");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    public static <T> Builder<T> builder(ExtractRowParser<T> parser) {
        return new Builder<>(parser);
    }

    public String name() {
        return name;
    }

    public Path file() {
        return file;
    }

    /** Whether {@link #update} saves the read count; turn off only for readers that are never restarted. */
    public void setSaveState(boolean saveState) {
        this.saveState = saveState;
    }

    /** Stops after this many rows in total, counting those read before a restart. */
    public void setMaxItemCount(int maxItemCount) {
        if (maxItemCount < 0) {
            throw new IllegalArgumentException("maxItemCount " + maxItemCount + " must not be negative");
        }
        this.maxItemCount = maxItemCount;
    }

    /** Rows returned so far, including those read before a restart. */
    public int readCount() {
        return readCount;
    }

    /** Opens the file and, on a restart, skips the rows counted in the context without validating them again. */
    @Override
    public void open(ExecutionContext executionContext) {
        Objects.requireNonNull(executionContext, "executionContext");
        if (csv != null) {
            throw new ItemStreamException("reader '" + name + "' is already open");
        }
        if (executionContext.containsKey(key(READ_COUNT_MAX))) {
            maxItemCount = executionContext.getInt(key(READ_COUNT_MAX));
        }
        int alreadyRead = executionContext.containsKey(key(READ_COUNT)) ? executionContext.getInt(key(READ_COUNT)) : 0;
        csv = ExtractCsvReader.open(file, parser.kind());
        readCount = 0;
        while (readCount < alreadyRead) {
            if (!csv.skip()) {
                throw new ExtractFormatException(csv.fileName(), 0,
                        "has fewer than the " + alreadyRead + " rows read before the restart");
            }
            readCount++;
        }
    }

    @Override
    public T read() {
        if (csv == null) {
            throw new ItemStreamException("reader '" + name + "' must be opened before reading");
        }
        if (readCount >= maxItemCount) {
            return null;
        }
        ExtractRow row = csv.next();
        if (row == null) {
            return null;
        }
        RowOutcome<T> outcome = parser.parse(row);
        if (!outcome.isValid()) {
            throw new InvalidExtractRowException(csv.fileName(), row.line(), outcome.problems());
        }
        readCount++;
        return outcome.value();
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (saveState) {
            executionContext.putInt(key(READ_COUNT), readCount);
            if (maxItemCount < Integer.MAX_VALUE) {
                executionContext.putInt(key(READ_COUNT_MAX), maxItemCount);
            }
        }
    }

    @Override
    public void close() {
        readCount = 0;
        if (csv != null) {
            try {
                csv.close();
            } catch (IOException e) {
                throw new ItemStreamException("cannot close " + file, e);
            } finally {
                csv = null;
            }
        }
    }

    private String key(String suffix) {
        return name + "." + suffix;
    }

    /**
     * Builds an {@link ExtractItemReader}; the name is required because it keys the restart state.
     *
     * @param <T> the record type
     */
    public static final class Builder<T> {

        private final ExtractRowParser<T> parser;
        private String name;
        private Path file;
        private boolean saveState = true;
        private int maxItemCount = Integer.MAX_VALUE;

        private Builder(ExtractRowParser<T> parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
        }

        /** The stable key of this reader's state in the step's execution context. */
        public Builder<T> name(String name) {
            this.name = name;
            return this;
        }

        public Builder<T> file(Path file) {
            this.file = file;
            return this;
        }

        public Builder<T> saveState(boolean saveState) {
            this.saveState = saveState;
            return this;
        }

        public Builder<T> maxItemCount(int maxItemCount) {
            this.maxItemCount = maxItemCount;
            return this;
        }

        public ExtractItemReader<T> build() {
            if (name == null || name.isBlank()) {
                throw new IllegalStateException("name is required: it keys the restart state of the reader");
            }
            if (file == null) {
                throw new IllegalStateException("file is required");
            }
            ExtractItemReader<T> reader = new ExtractItemReader<>(name, file, parser);
            reader.setSaveState(saveState);
            reader.setMaxItemCount(maxItemCount);
            return reader;
        }
    }
}
