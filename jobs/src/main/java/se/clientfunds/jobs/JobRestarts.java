package se.clientfunds.jobs;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.clientfunds.database.EmbeddedMariaDb;

/**
 * Resumes a job instance whose last execution did not complete: a failed or stopped one is restarted from its last
 * commit; one still marked running was left so by a process that died, if this process holds the database alone
 * (the embedded server is locked to one process) or if the process that ran it no longer checks in
 * ({@link ProcessInstances}), and is recovered first. On a shared server it may be alive elsewhere: that is refused.
 */
@Component
public class JobRestarts {

    private final JobOperator jobOperator;
    private final boolean databaseIsExclusive;
    private final ProcessInstances processes;
    private final JdbcTemplate jdbc;

    public JobRestarts(JobOperator jobOperator, ObjectProvider<EmbeddedMariaDb> embeddedDatabase, ProcessInstances processes,
                       JdbcTemplate jdbc) {
        this.jobOperator = jobOperator;
        this.databaseIsExclusive = embeddedDatabase.getIfAvailable() != null;
        this.processes = processes;
        this.jdbc = jdbc;
    }

    /** Whether this process is stopping: nothing new starts in it. */
    public boolean stopping() {
        return processes.stopping();
    }

    public JobExecution resume(JobExecution last) throws Exception {
        if (!last.getStatus().isRunning()) {
            return jobOperator.restart(last);
        }
        String runner = jdbc.query("SELECT process_instance FROM job_start WHERE job_execution_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, last.getId());
        if (processes.current().equals(runner)) {
            // running here, in another thread: never taken over, even on the embedded database
            throw new IllegalStateException("job execution " + last.getId() + " is running in this process: wait for it");
        }
        if (!databaseIsExclusive) {
            String process = runner;
            // a process that died a moment ago still counts as alive until its check-ins are overdue: wait that long
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(ProcessInstances.DEAD_AFTER_SECONDS + 5);
            while (process != null && processes.alive(process) && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
            if (processes.alive(process)) {
                throw new IllegalStateException("job execution " + last.getId() + " is still marked " + last.getStatus()
                        + " on the shared database by " + (process == null ? "a process not recorded" : "process " + process
                        + ", which is running") + ": stop it (settle jobs stop " + last.getId() + "), or recover it when its"
                        + " process is gone (settle jobs recover " + last.getId() + ")");
            }
        }
        return jobOperator.restart(jobOperator.recover(last));
    }
}
