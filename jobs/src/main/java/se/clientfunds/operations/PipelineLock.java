package se.clientfunds.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import se.clientfunds.jobs.ProcessInstances;

/**
 * One run of jobs at a time on the books, across every process on the database: the daily cycle and the inbox poll
 * import into and close the same business day, so they never run side by side (Quartz keeps each job from overlapping
 * itself only), and an operator's restart or recovery, or a run-day typed beside a server on a shared database, never
 * races them for the same execution. A MariaDB named lock, held on a connection of its own for the task's length: the database releases it
 * if the server dies.
 */
@Component
public class PipelineLock {

    public static final String NAME = "settlement.pipeline";

    private final DataSource dataSource;
    private final ObjectProvider<ProcessInstances> process;

    public PipelineLock(DataSource dataSource, ObjectProvider<ProcessInstances> process) {
        this.dataSource = dataSource;
        this.process = process;
    }

    /** How long an operator's command waits for a run that holds the books (a poll takes seconds) before it is refused. */
    static final Duration OPERATOR_WAIT = Duration.ofSeconds(10);

    /**
     * Runs the work holding the lock; waits {@link #OPERATOR_WAIT} for a run that holds the books, then refuses in the
     * operator's words.
     */
    public <T> T holdingOrRefuse(String who, Supplier<T> work) {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        if (holding(who, OPERATOR_WAIT, () -> {
            result.set(work.get());
            return Boolean.TRUE;
        }) == null) {
            throw new OperationRefused(who + ": another run holds these books (a daily cycle or an inbox poll of settle serve,"
                    + " or an operator's run-day, restart or recovery): try again when it has finished (settle jobs --status"
                    + " STARTED shows it)");
        }
        return result.get();
    }

    /** Runs the work holding the lock, waiting for it at most {@code wait}; null when it was not had in time. */
    public <T> T holding(String who, Duration wait, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!acquireUnlessStopping(connection, wait)) {
                return null;
            }
            RuntimeException failed = null;
            try {
                return work.get();
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            } finally {
                try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    release.setString(1, NAME);
                    release.execute();
                } catch (SQLException e) {
                    // the work's own outcome is what the operator must hear; the lock goes with the connection
                    if (failed == null) {
                        throw e;
                    }
                    failed.addSuppressed(e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(who + ": the books' lock could not be taken: " + e.getMessage(), e);
        }
    }

    /** Waits in steps of a few seconds, so that a process asked to stop gives up waiting instead of holding its shutdown. */
    private boolean acquireUnlessStopping(Connection connection, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (acquire(connection, Duration.ofNanos(Math.min(left, Duration.ofSeconds(5).toNanos())))) {
                return true;
            }
            ProcessInstances here = process.getIfAvailable();
            if (left <= Duration.ofSeconds(5).toNanos() || (here != null && here.stopping())) {
                return false;
            }
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
