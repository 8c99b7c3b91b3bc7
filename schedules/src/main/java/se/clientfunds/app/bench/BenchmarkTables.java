package se.clientfunds.app.bench;

import java.sql.Statement;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the stages that bring their own data share: emptying the tables they fill. */
final class BenchmarkTables {

    private BenchmarkTables() {
    }

    /**
     * Empties the tables (TRUNCATE bypasses the append-only triggers, which is what a stage's set-up needs) and drops
     * the baseline's own tables of an earlier run.
     */
    static void empty(JdbcTemplate jdbc, List<String> tables, String baselineTables) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                try {
                    for (String table : tables) {
                        statement.execute("TRUNCATE TABLE " + table);
                    }
                } finally {
                    statement.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
                statement.execute("DROP TABLE IF EXISTS " + baselineTables);
            }
            return null;
        });
    }

    /** Records an imported file as IMPORTED on the day, as if its import had run; returns its id. */
    static long registerImported(JdbcTemplate jdbc, String fileName, String kind, java.time.LocalDate day, long records) {
        String sha256 = se.clientfunds.files.Sha256.ofText(fileName);
        jdbc.update("INSERT INTO imported_file (file_name, kind, sha256, accepted_sha256, size_bytes, status, business_date,"
                + " record_count, completed_at) VALUES (?, ?, ?, ?, 0, 'IMPORTED', ?, ?, CURRENT_TIMESTAMP(6))",
                fileName, kind, sha256, sha256, java.sql.Date.valueOf(day), records);
        return jdbc.queryForObject("SELECT id FROM imported_file WHERE accepted_sha256 = ?", Long.class, sha256);
    }

    /** Loads a tab-separated file into the table ({@code columns}: the column list and SET clause); returns the rows. */
    static long loadRows(JdbcTemplate jdbc, java.nio.file.Path file, String table, String columns) {
        return jdbc.update("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath().toString().replace("'", "''")
                + "' INTO TABLE " + table + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' "
                + columns);
    }
}
