package se.clientfunds.operations;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.clientfunds.jobs.Causes;
import se.clientfunds.jobs.ProcessInstances;

/**
 * When the process is asked to stop (SIGTERM, Ctrl-C) while jobs run in it, they are asked to stop at their next
 * commit, nothing new starts, and the shutdown waits for them (at most {@code settlement.shutdown.wait-seconds}, 80 s:
 * within systemd's default 90 s before it kills) before the database goes:
 * a job stopped so ends STOPPED with its chunks committed, and is restarted from there, instead of being cut off
 * mid-chunk and left marked running.
 */
@Component
public class StopJobsOnShutdown implements ApplicationListener<ContextClosedEvent>, org.springframework.core.Ordered {

    /** First of what happens at close: a scheduler waiting for its jobs (serve) waits for jobs already asked to stop. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    private static final Logger log = LoggerFactory.getLogger(StopJobsOnShutdown.class);

    private final JdbcTemplate jdbc;
    private final ProcessInstances processes;
    private final Duration wait;

    public StopJobsOnShutdown(JdbcTemplate jdbc, ProcessInstances processes,
                              @Value("${settlement.shutdown.wait-seconds:80}") long waitSeconds) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.wait = Duration.ofSeconds(waitSeconds);
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        processes.markStopping();
        List<Long> running;
        try {
            running = jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e JOIN job_start s"
                    + " ON s.job_execution_id = e.JOB_EXECUTION_ID WHERE s.process_instance = ? AND e.STATUS IN ('STARTING', 'STARTED')",
                    Long.class, processes.current());
        } catch (RuntimeException e) {
            log.warn("the jobs running in this process could not be listed to stop them: {}", Causes.rootMessage(e));
            return;
        }
        for (long id : running) {
            try {
                log.info("stopping job execution {} at its next commit: the process is stopping", id);
                JobOperations.requestStop(jdbc, id);
            } catch (Exception e) {
                log.warn("job execution {} could not be asked to stop: {}", id, Causes.rootMessage(e));
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        for (long id : running) {
            while (System.nanoTime() < deadline) {
                String status = jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", String.class, id);
                if (!"STARTING".equals(status) && !"STARTED".equals(status) && !"STOPPING".equals(status)) {
                    log.info("job execution {} ended {}", id, status);
                    break;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
