package se.clientfunds.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.clientfunds.database.EmbeddedMariaDb;

/**
 * This process among the settle processes on the database (table {@code process_instance}): it checks in every few
 * seconds while it lives, and says so when it stops cleanly. A job execution still marked running whose process has
 * not checked in for {@link #DEAD_AFTER_SECONDS} was left so by a process that died, and may be recovered; one whose
 * process still checks in is running, wherever that is. Times are the database's (UTC), so the processes' clocks do
 * not have to agree. A process cut off from the database for longer than that is taken for dead although it may come
 * back: its stale chunk then fails on the versions the job repository holds, and is rolled back.
 */
@Component
public class ProcessInstances implements SmartLifecycle {

    static final int CHECK_IN_SECONDS = 5;
    public static final int DEAD_AFTER_SECONDS = 20;

    private static final Logger log = LoggerFactory.getLogger(ProcessInstances.class);

    private final JdbcTemplate jdbc;
    private final boolean databaseIsExclusive;
    private final String instanceId;
    private final String host;
    private final long pid;
    private volatile ScheduledExecutorService checkIns;
    private volatile boolean stopping;

    public ProcessInstances(JdbcTemplate jdbc, ObjectProvider<EmbeddedMariaDb> embeddedDatabase) {
        this.jdbc = jdbc;
        this.databaseIsExclusive = embeddedDatabase.getIfAvailable() != null;
        this.host = hostName();
        this.pid = ProcessHandle.current().pid();
        this.instanceId = host + ":" + pid + ":" + ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** The process is stopping (SIGTERM): no new job may start in it; the running ones stop at their next commit. */
    public void markStopping() {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    /** This process, as job_start and the operators' views name it: host, process id and start time. */
    public String current() {
        return instanceId;
    }

    /**
     * Whether the process may still be running jobs. On the embedded database only this process can be (the home's
     * lock keeps every other out), so any other is gone. On a shared database a process is alive while it checks in;
     * one not recorded (an execution from before processes were recorded, or one whose start is being recorded) counts
     * as alive: nothing is taken over on a guess.
     */
    public boolean alive(String instance) {
        if (instanceId.equals(instance)) {
            return checkIns != null;
        }
        if (databaseIsExclusive) {
            return false;
        }
        if (instance == null) {
            return true;
        }
        Integer live = jdbc.queryForObject("SELECT COUNT(*) FROM process_instance WHERE instance_id = ? AND stopped_at IS NULL"
                + " AND last_seen_at > UTC_TIMESTAMP(6) - INTERVAL " + DEAD_AFTER_SECONDS + " SECOND", Integer.class, instance);
        return live != null && live > 0;
    }

    @Override
    public void start() {
        register();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "process-check-in");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::checkIn, CHECK_IN_SECONDS, CHECK_IN_SECONDS, TimeUnit.SECONDS);
        checkIns = executor;
    }

    /** Times are UTC: the database's NOW() follows the session's zone, which jumps at the change to summer time. */
    private void register() {
        jdbc.update("INSERT INTO process_instance (instance_id, host, pid, kind, started_at, last_seen_at)"
                + " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))"
                + " ON DUPLICATE KEY UPDATE last_seen_at = UTC_TIMESTAMP(6), stopped_at = NULL", instanceId, host, pid,
                System.getProperty("settlement.process.kind", "command"));
    }

    private void checkIn() {
        try {
            // insert again if the row went (a database emptied under it)
            register();
        } catch (Throwable e) {
            // the next check-in tries again; nothing may end the check-ins while the process lives
            log.warn("process check-in failed: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = checkIns;
        checkIns = null;
        if (executor != null) {
            executor.shutdownNow();
            jdbc.update("UPDATE process_instance SET stopped_at = UTC_TIMESTAMP(6) WHERE instance_id = ?", instanceId);
        }
    }

    @Override
    public boolean isRunning() {
        return checkIns != null;
    }

    /** Started after the database and stopped before it. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
