package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.clientfunds.database.EmbeddedMariaDb;

/**
 * A {@code settle} process the crash tests run, watched from outside while it works (its log, its embedded database):
 * a test kills the process once the database shows committed work, rather than after a guessed time, so a slow
 * machine cannot make it kill too early or too late.
 */
final class RunningSettle {

    private static final Pattern DATABASE_PORT = Pattern.compile("embedded MariaDB started on port (\\d+)");

    private RunningSettle() {
    }

    static void waitForLogLine(Path log, String line, Duration timeout) throws Exception {
        waitForLogLine(log, null, line, timeout);
    }

    /** Waits for the line in the process's log; fails, with the log's last lines, if the process ends first or time runs out. */
    static void waitForLogLine(Path log, Process process, String line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new AssertionError("the process ended (exit " + process.exitValue() + ") before '" + line + "' appeared in "
                        + log + "; its last lines:\n" + tail(log));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("'" + line + "' did not appear in " + log + " within " + timeout + "; its last lines:\n"
                + tail(log));
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        java.util.List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** Connects to the database of the process whose log this is (the last server it started). */
    static Connection database(Path log) throws IOException, SQLException {
        Matcher matcher = DATABASE_PORT.matcher(Files.readString(log));
        int port = -1;
        while (matcher.find()) {
            port = Integer.parseInt(matcher.group(1));
        }
        assertThat(port).as("the embedded MariaDB's port in " + log).isPositive();
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/" + EmbeddedMariaDb.DATABASE, "root", "");
    }

    /** Waits until the query's count reaches the number; fails if the process ends first or time runs out. */
    static void waitForCount(Connection running, Process process, String sql, long atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(running, sql) >= atLeast) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the process ended (exit code " + process.exitValue() + ") before " + sql
                        + " reached " + atLeast);
            }
            Thread.sleep(20);
        }
        throw new AssertionError(sql + " did not reach " + atLeast + " within " + timeout);
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
