package se.clientfunds.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the stages that bring their own data share: emptying the tables they fill, and copying what a job wrote. */
final class BenchmarkTables {

    /**
     * Tables that record a run rather than hold its data: Spring Batch's and Quartz's, Flyway's, who started each job
     * execution and which processes ran, and the baselines' own copies.
     */
    private static final List<String> NOT_DATA = List.of("BATCH\\_%", "QRTZ\\_%", "flyway\\_schema\\_history", "job\\_start",
            "process\\_instance", "bench\\_%");

    /** The prefix of a copy that keeps the real table's foreign keys and triggers ({@link #guardedCopy}). */
    static final String GUARDED = "bench_guarded_";

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

    /** The rows of every data table of the database (see {@link #NOT_DATA}), by table name. */
    static Map<String, Long> rowCounts(JdbcTemplate jdbc) {
        StringBuilder sql = new StringBuilder("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_type = 'BASE TABLE'");
        for (String pattern : NOT_DATA) {
            sql.append(" AND table_name NOT LIKE '").append(pattern).append('\'');
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.queryForList(sql.toString(), String.class)) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    /**
     * Requires the tables whose rows changed between the two counts to be exactly the ones a baseline writes: a job that
     * starts writing another table (a new ledger table) fails the stage until its baseline writes that table too.
     */
    static void requireWritten(String job, Map<String, Long> before, Map<String, Long> after, Collection<String> baseline) {
        Set<String> changed = new TreeSet<>();
        after.forEach((table, rows) -> {
            if (!rows.equals(before.getOrDefault(table, 0L))) {
                changed.add(table);
            }
        });
        if (!changed.equals(new TreeSet<>(baseline))) {
            Set<String> missing = new TreeSet<>(changed);
            missing.removeAll(baseline);
            Set<String> idle = new TreeSet<>(baseline);
            idle.removeAll(changed);
            throw new IllegalStateException(job + " wrote the tables " + changed + ", the baseline writes " + new TreeSet<>(baseline)
                    + (missing.isEmpty() ? "" : "; add " + missing + " to the baseline's tables")
                    + (idle.isEmpty() ? "" : "; the job left " + idle + " as they were"));
        }
    }

    /** The table's columns that hold values (generated columns left out), in table order. */
    static List<String> storedColumns(JdbcTemplate jdbc, String table) {
        List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position", String.class, table);
        if (columns.isEmpty()) {
            throw new IllegalStateException("table " + table + " has no columns: is it in the schema?");
        }
        return columns;
    }

    /** {@code bench_<table>}: an empty copy of the table with its indexes (no triggers, no foreign keys), made afresh. */
    static String emptyCopy(JdbcTemplate jdbc, String table) {
        String copy = "bench_" + table;
        jdbc.execute("DROP TABLE IF EXISTS " + copy);
        jdbc.execute("CREATE TABLE " + copy + " LIKE " + table);
        return copy;
    }

    /**
     * {@code bench_guarded_<table>}: an empty copy of the table that also keeps what guards the real one: its foreign
     * keys (to the guarded copy of a table in {@code copied}, else to the real table) and its triggers (their bodies naming
     * the guarded copies of the tables in {@code copied}). Loading a job's rows into these costs what the database's own
     * guarantees cost, which the plain copies leave out. The tables in {@code copied} are made in order, after
     * {@link #dropGuardedCopies} dropped those of an earlier run (in the reverse order their keys need).
     */
    static String guardedCopy(JdbcTemplate jdbc, String table, Collection<String> copied) {
        String copy = GUARDED + table;
        jdbc.execute("CREATE TABLE " + copy + " LIKE " + table);
        List<Map<String, Object>> keys = jdbc.queryForList("SELECT r.constraint_name, r.referenced_table_name, r.update_rule,"
                + " r.delete_rule, GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position) AS columns,"
                + " GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position) AS referenced"
                + " FROM information_schema.referential_constraints r JOIN information_schema.key_column_usage k"
                + " ON k.constraint_schema = r.constraint_schema AND k.constraint_name = r.constraint_name AND k.table_name = r.table_name"
                + " WHERE r.constraint_schema = DATABASE() AND r.table_name = ?"
                + " GROUP BY r.constraint_name, r.referenced_table_name, r.update_rule, r.delete_rule", table);
        for (Map<String, Object> key : keys) {
            String referenced = (String) key.get("referenced_table_name");
            jdbc.execute("ALTER TABLE " + copy + " ADD CONSTRAINT " + guardedName((String) key.get("constraint_name"))
                    + " FOREIGN KEY (" + key.get("columns") + ") REFERENCES " + (copied.contains(referenced) ? GUARDED + referenced
                    : referenced) + " (" + key.get("referenced") + ") ON UPDATE " + key.get("update_rule") + " ON DELETE "
                    + key.get("delete_rule"));
        }
        List<Map<String, Object>> triggers = jdbc.queryForList("SELECT trigger_name, action_timing, event_manipulation,"
                + " action_statement FROM information_schema.triggers WHERE event_object_schema = DATABASE()"
                + " AND event_object_table = ? ORDER BY action_order", table);
        for (Map<String, Object> trigger : triggers) {
            String body = (String) trigger.get("action_statement");
            for (String other : copied) {
                body = body.replaceAll("\\b" + other + "\\b", GUARDED + other);
            }
            jdbc.execute("CREATE TRIGGER " + guardedName((String) trigger.get("trigger_name")) + " " + trigger.get("action_timing")
                    + " " + trigger.get("event_manipulation") + " ON " + copy + " FOR EACH ROW " + body);
        }
        return copy;
    }

    /** Drops the guarded copies of the tables, those that reference others first. */
    static void dropGuardedCopies(JdbcTemplate jdbc, List<String> tables) {
        for (int i = tables.size() - 1; i >= 0; i--) {
            jdbc.execute("DROP TABLE IF EXISTS " + GUARDED + tables.get(i));
        }
    }

    /** A constraint's or trigger's name for a guarded copy, within the server's 64 characters. */
    private static String guardedName(String name) {
        String guarded = "bg_" + name;
        return guarded.length() <= 64 ? guarded : guarded.substring(0, 64);
    }

    /**
     * Writes every row of the table to a tab-separated file as LOAD DATA reads it back ({@code \N} for NULL,
     * backslash escapes), by the server ({@code SELECT … INTO OUTFILE}: the embedded server runs on this machine with
     * no {@code secure_file_priv}); returns the rows written.
     */
    static long dump(JdbcTemplate jdbc, String table, List<String> columns, Path file) throws java.io.IOException {
        // the server refuses to overwrite a file
        Files.deleteIfExists(file);
        return jdbc.update("SELECT " + String.join(", ", columns) + " INTO OUTFILE '" + file.toAbsolutePath().toString()
                .replace("'", "''") + "' CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' FROM " + table);
    }

    /** Column names as a LOAD DATA column list: {@code (a, b, c)}. */
    static String columnList(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }
}
