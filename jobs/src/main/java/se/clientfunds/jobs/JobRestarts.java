package se.clientfunds.jobs;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import se.clientfunds.database.EmbeddedMariaDb;

/**
 * Resumes a job instance whose last execution did not complete: a failed or stopped one is restarted from its last
 * commit; one still marked running was left so by a process that died, if this process holds the database alone
 * (the embedded server is locked to one process), and is recovered first. On a shared server it may be alive
 * elsewhere: that is refused.
 */
@Component
public class JobRestarts {

    private final JobOperator jobOperator;
    private final boolean databaseIsExclusive;

    public JobRestarts(JobOperator jobOperator, ObjectProvider<EmbeddedMariaDb> embeddedDatabase) {
        this.jobOperator = jobOperator;
        this.databaseIsExclusive = embeddedDatabase.getIfAvailable() != null;
    }

    public JobExecution resume(JobExecution last) throws Exception {
        if (!last.getStatus().isRunning()) {
            return jobOperator.restart(last);
        }
        if (!databaseIsExclusive) {
            throw new IllegalStateException("job execution " + last.getId() + " is still marked " + last.getStatus()
                    + " on the shared database: if no process runs it any more, recover it (JobOperator.recover) and run again");
        }
        return jobOperator.restart(jobOperator.recover(last));
    }
}
