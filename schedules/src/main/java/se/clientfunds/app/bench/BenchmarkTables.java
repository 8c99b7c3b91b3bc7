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
}
