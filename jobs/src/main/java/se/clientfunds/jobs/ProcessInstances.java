package se.clientfunds.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This process among the settle processes on the database (table {@code process_instance}): it checks in every few
 * seconds while it lives, and says so when it stops cleanly. A job execution still marked running whose process has
 * not checked in for {@link #DEAD_AFTER_SECONDS} was left so by a process that died, and may be recovered; one whose
 * process still checks in is running, wherever that is. Times are the database's, so the processes' clocks do not
 * have to agree.
 */
@Component
public class ProcessInstances implements SmartLifecycle {

    static final int CHECK_IN_SECONDS = 5;
    public static final int DEAD_AFTER_SECONDS = 30;

    private static final Logger log = LoggerFactory.getLogger(ProcessInstances.class);

    private final JdbcTemplate jdbc;
    private final String instanceId;
    private final String host;
    private final long pid;
    private volatile ScheduledExecutorService checkIns;

    public ProcessInstances(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.host = hostName();
        this.pid = ProcessHandle.current().pid();
        this.instanceId = host + ":" + pid + ":" + ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** This process, as job_start and the operators' views name it: host, process id and start time. */
    public String current() {
        return instanceId;
    }

    /** Whether the process still checks in: it is running (a process that stopped cleanly or died is not). */
    public boolean alive(String instance) {
        if (instance == null) {
            return false;
        }
        if (instance.equals(instanceId)) {
            return checkIns != null;
        }
        Integer live = jdbc.queryForObject("SELECT COUNT(*) FROM process_instance WHERE instance_id = ? AND stopped_at IS NULL"
                + " AND last_seen_at > NOW(6) - INTERVAL " + DEAD_AFTER_SECONDS + " SECOND", Integer.class, instance);
        return live != null && live > 0;
    }

    @Override
    public void start() {
        jdbc.update("INSERT INTO process_instance (instance_id, host, pid, kind) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE last_seen_at = NOW(6), stopped_at = NULL", instanceId, host, pid,
                System.getProperty("settlement.process.kind", "command"));
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "process-check-in");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::checkIn, CHECK_IN_SECONDS, CHECK_IN_SECONDS, TimeUnit.SECONDS);
        checkIns = executor;
    }

    private void checkIn() {
        try {
            jdbc.update("UPDATE process_instance SET last_seen_at = NOW(6) WHERE instance_id = ?", instanceId);
        } catch (RuntimeException e) {
            // the next check-in tries again; a process that cannot reach its database is not running jobs on it either
            log.warn("process check-in failed: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = checkIns;
        checkIns = null;
        if (executor != null) {
            executor.shutdownNow();
            jdbc.update("UPDATE process_instance SET stopped_at = NOW(6) WHERE instance_id = ?", instanceId);
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
