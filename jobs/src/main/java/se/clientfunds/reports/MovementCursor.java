package se.clientfunds.reports;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;

import se.clientfunds.ledger.JournalQueries;
import se.clientfunds.report.Amount;
import se.clientfunds.report.positions.MovementLine;
import se.clientfunds.report.positions.Side;

/**
 * The journal lines booked into a closed day, read through a database cursor with a fetch size so that a million of
 * them never sit in memory: one pass per {@link #iterator()}, in entry and line order. Close it when done; an
 * iteration left half way still holds its connection until then.
 */
final class MovementCursor implements Iterable<MovementLine>, AutoCloseable {

    static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;
    private final LocalDate after;
    private final LocalDate day;
    private JdbcCursorItemReader<MovementLine> open;

    /**
     * @param after the previous closed day (exclusive), or null for none: the lines of the day are the ones its
     *              positions count, booked after the previous close up to the day
     */
    MovementCursor(DataSource dataSource, LocalDate after, LocalDate day) {
        this.dataSource = dataSource;
        this.after = after;
        this.day = day;
    }

    @Override
    public Iterator<MovementLine> iterator() {
        close();
        JdbcCursorItemReader<MovementLine> reader = new JdbcCursorItemReaderBuilder<MovementLine>()
                .name("movementReader")
                .dataSource(dataSource)
                .sql(JournalQueries.postedLinesBetween())
                .preparedStatementSetter(statement -> {
                    statement.setDate(1, Date.valueOf(after == null ? LocalDate.of(1, 1, 1) : after));
                    statement.setDate(2, Date.valueOf(day));
                })
                .fetchSize(FETCH_SIZE)
                // a streaming MariaDB result set does not report its row number the way this check expects
                .verifyCursorPosition(false)
                .rowMapper((rs, row) -> new MovementLine(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                        rs.getString(4), Side.valueOf(rs.getString(5)), new Amount(rs.getLong(6), rs.getString(7))))
                .saveState(false)
                .build();
        reader.open(new ExecutionContext());
        open = reader;
        return new Iterator<>() {

            private MovementLine next = read();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public MovementLine next() {
                if (next == null) {
                    throw new NoSuchElementException("no more movements of " + day);
                }
                MovementLine current = next;
                next = read();
                return current;
            }

            private MovementLine read() {
                try {
                    MovementLine line = reader.read();
                    if (line == null) {
                        close();
                    }
                    return line;
                } catch (Exception e) {
                    close();
                    throw new IllegalStateException("cannot read the movements of " + day + ": " + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public void close() {
        if (open != null) {
            JdbcCursorItemReader<MovementLine> reader = open;
            open = null;
            reader.close();
        }
    }
}
