package se.clientfunds.database;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for one table, written with {@code LOAD DATA LOCAL INFILE} from memory on the connection of the current
 * transaction: the database's bulk path, a chunk still all or nothing. LOCAL makes the server load a row it should
 * refuse (a value cut to its column, a NULL made a default) or skip it (a duplicate key, a failed check) with a
 * warning where an INSERT would fail, whatever the SQL mode: any warning, or a row count short of the rows given,
 * fails the load naming the table, the row and the row's key, and the chunk's transaction rolls back what it wrote.
 */
public final class LoadDataRows {

    /** The row a warning is about, as the server says it ("Data truncated for column 'x' at row 17"). */
    private static final Pattern AT_ROW = Pattern.compile("at row (\\d+)");

    private final String table;
    private final List<String> columns;
    private final int keyColumns;
    private final StringBuilder text = new StringBuilder(1 << 16);
    /** Each row's values, to name the row a warning is about. */
    private final List<Object[]> rows = new ArrayList<>();

    /**
     * @param table      the table loaded
     * @param columns    the columns each row gives, in order
     * @param keyColumns how many of the first columns name a row in an error (no personal data there)
     */
    public LoadDataRows(String table, List<String> columns, int keyColumns) {
        if (columns.isEmpty() || keyColumns < 1 || keyColumns > columns.size()) {
            throw new IllegalArgumentException("keyColumns must be 1 to " + columns.size() + " for " + table + ", is " + keyColumns);
        }
        this.table = table;
        this.columns = List.copyOf(columns);
        this.keyColumns = keyColumns;
    }

    /** Adds a row: one value per column, in the columns' order. */
    public LoadDataRows add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + " row " + (rows.size() + 1) + " has " + values.length
                    + " values for " + columns.size() + " columns " + columns);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            LoadDataText.append(text, values[i]);
        }
        text.append('\n');
        rows.add(values);
        return this;
    }

    /** Loads the rows through the transaction's connection; fails on any row the database did not take as given. */
    public void load(JdbcTemplate jdbc) {
        if (rows.isEmpty()) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(new ByteArrayInputStream(bytes));
                // the driver sends the stream set above; the file name is never opened
                long loaded = statement.executeLargeUpdate("LOAD DATA LOCAL INFILE 'rows' INTO TABLE " + table
                        + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'"
                        + " (" + String.join(", ", columns) + ")");
                // the driver asks for the warnings only when the server counted some
                SQLWarning warning = statement.getWarnings();
                if (warning != null) {
                    throw new DataIntegrityViolationException(refusal(warning, loaded));
                }
                if (loaded != rows.size()) {
                    throw new DataIntegrityViolationException(table + ": the database loaded " + loaded + " of "
                            + rows.size() + " rows, without a warning");
                }
            }
            return null;
        });
    }

    /** The first warning, with the row it names (by its number in this load and its key) when it names one. */
    private String refusal(SQLWarning warning, long loaded) {
        Matcher row = AT_ROW.matcher(warning.getMessage());
        String which = "";
        if (row.find()) {
            int number = Integer.parseInt(row.group(1));
            which = " row " + number + " of " + rows.size() + (number <= rows.size() ? " (" + key(rows.get(number - 1)) + ")" : "");
        }
        return table + ": the database refused" + (which.isEmpty() ? " a row of " + rows.size() : which) + ": "
                + warning.getMessage() + " (" + warning.getErrorCode() + "; " + loaded + " of " + rows.size()
                + " rows loaded)";
    }

    /** The row's key columns and values: "import_id 7, entry_no 2". */
    private String key(Object[] row) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < keyColumns; i++) {
            key.append(i == 0 ? "" : ", ").append(columns.get(i)).append(' ').append(row[i]);
        }
        return key.toString();
    }
}
