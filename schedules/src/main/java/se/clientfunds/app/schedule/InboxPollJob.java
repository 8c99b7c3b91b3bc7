package se.clientfunds.app.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The inbox-poll schedule's Quartz job: imports what arrived into the open business day, so a refused file is seen now. */
@DisallowConcurrentExecution
public class InboxPollJob implements Job {

    private final ScheduledTasks tasks;

    public InboxPollJob(ScheduledTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(JobExecutionContext context) {
        tasks.inboxPoll(context.getJobDetail().getKey().getName());
    }
}
