package se.clientfunds.app.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * One scheduled task at a time on the books, across every server on the database: the daily cycle and the inbox poll
 * import into and close the same business day, so they never run side by side (Quartz keeps each job from overlapping
 * itself only). A MariaDB named lock, held on a connection of its own for the task's length: the database releases it
 * if the server dies.
 */
@Component
public class PipelineLock {

    static final String NAME = "settlement.pipeline";

    private final DataSource dataSource;

    public PipelineLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the work holding the lock, waiting for it at most {@code wait}; null when it was not had in time. */
    public <T> T holding(String who, Duration wait, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!acquire(connection, wait)) {
                return null;
            }
            try {
                return work.get();
            } finally {
                try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    release.setString(1, NAME);
                    release.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(who + ": the books' lock could not be taken: " + e.getMessage(), e);
        }
    }

    private static boolean acquire(Connection connection, Duration wait) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            lock.setString(1, NAME);
            lock.setLong(2, wait.toSeconds());
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }
}
