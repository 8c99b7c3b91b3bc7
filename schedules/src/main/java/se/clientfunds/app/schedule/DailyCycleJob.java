package se.clientfunds.app.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The daily-cycle schedule's Quartz job: every banking day due, from the first not closed up to the day before today
 * by the clock ({@link se.clientfunds.day.ScheduledCycle}); which days are due never comes from the fire time. One at a
 * time across the cluster; recovered by another server when the one running it dies.
 */
@DisallowConcurrentExecution
public class DailyCycleJob implements Job {

    private final ScheduledTasks tasks;

    public DailyCycleJob(ScheduledTasks tasks) {
        this.tasks = tasks;
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DailyCycleJob.class);

    @Override
    public void execute(JobExecutionContext context) {
        String schedule = context.getJobDetail().getKey().getName();
        // which fire ran where: each fire runs on one server of a cluster
        log.info("{}: fire of {} runs{}", schedule, context.getScheduledFireTime().toInstant(),
                context.isRecovering() ? " as a recovery" : "");
        tasks.dailyCycle(schedule, context.isRecovering());
    }
}
