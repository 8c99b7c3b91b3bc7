package se.clientfunds.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMariaDbIT {

    @TempDir
    Path home;

    @Test
    void keepsItsDataAcrossRestartsEvenUnderTheTemporaryFolder() throws Exception {
        // given a server whose folder lies under java.io.tmpdir, as @TempDir does
        try (EmbeddedMariaDb first = new EmbeddedMariaDb(home.resolve("db")).start()) {
            execute(first, "CREATE TABLE kept (id INT PRIMARY KEY)", "INSERT INTO kept VALUES (42)");
        }

        // when it is started again
        try (EmbeddedMariaDb second = new EmbeddedMariaDb(home.resolve("db")).start()) {
            // then the row is still there
            assertThat(queryLong(second, "SELECT id FROM kept")).isEqualTo(42);
        }
    }

    @Test
    void aSecondStartOnTheSameFolderIsRefusedWhileTheFirstRuns() {
        // given
        try (EmbeddedMariaDb first = new EmbeddedMariaDb(home.resolve("db")).start()) {
            // when / then (a server left by a killed process is covered by ImportCrashIT, with real processes)
            assertThatThrownBy(() -> new EmbeddedMariaDb(home.resolve("db")).start())
                    .isInstanceOf(HomeInUseException.class)
                    .hasMessageContaining("is in use by another settle process");
            assertThat(first.port()).isPositive();
        }
        // and once the first is closed the folder is free again
        try (EmbeddedMariaDb again = new EmbeddedMariaDb(home.resolve("db")).start()) {
            assertThat(again.port()).isPositive();
        }
    }

    @Test
    void pathsUnderTheTemporaryFolderAreWrittenSoMariaDb4jKeepsThem() {
        String temporary = System.getProperty("java.io.tmpdir");
        assertThat(EmbeddedMariaDb.notTemporary(Path.of(temporary, "x", "db"))).startsWith("/.").endsWith("/x/db");
        assertThat(EmbeddedMariaDb.notTemporary(Path.of("/srv/settlement/db"))).isEqualTo("/srv/settlement/db");
    }

    private static void execute(EmbeddedMariaDb db, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), "root", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long queryLong(EmbeddedMariaDb db, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), "root", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
