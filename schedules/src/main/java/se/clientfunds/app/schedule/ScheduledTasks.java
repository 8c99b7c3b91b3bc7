package se.clientfunds.app.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import se.clientfunds.day.DailyCycle;
import se.clientfunds.day.DayReport;
import se.clientfunds.day.ScheduledCycle;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.jobs.Causes;
import se.clientfunds.jobs.JobStarts;
import se.clientfunds.ledger.OpenBusinessDay;

/**
 * What the schedules run, as the operator "scheduler" with the schedule as the reason (audit.pdf's "attempt n of m,
 * started by scheduler"), with the outcome logged and kept for health.
 */
@Component
public class ScheduledTasks {

    public static final String OPERATOR = "scheduler";

    private static final Logger log = LoggerFactory.getLogger(ScheduledTasks.class);

    /** The last daily cycle's outcome: when it ended, whether it failed, and what needs attention. */
    public record LastCycle(Instant ended, boolean failed, List<String> attention) {
    }

    private final ScheduledCycle cycle;
    private final DailyCycle dailyCycle;
    private final OpenBusinessDay openDay;
    private final Clock clock;
    private final AtomicReference<LastCycle> lastCycle = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicLong cyclesRun = new java.util.concurrent.atomic.AtomicLong();

    public ScheduledTasks(ScheduledCycle cycle, DailyCycle dailyCycle, OpenBusinessDay openDay, Clock clock) {
        this.cycle = cycle;
        this.dailyCycle = dailyCycle;
        this.openDay = openDay;
        this.clock = clock;
    }

    public ScheduledCycle.Run dailyCycle(String schedule, boolean recovering) {
        cyclesRun.incrementAndGet();
        String reason = "schedule " + schedule + (recovering ? ", recovered after the server running it stopped" : "");
        ScheduledCycle.Run run = JobStarts.as(OPERATOR, reason, cycle::runDue);
        for (DayReport day : run.days()) {
            log.info("{}: {} {}", schedule, day.businessDate(), day.failed() ? "FAILED" : day.closed() ? "closed" : "not closed");
        }
        if (run.idle() != null) {
            log.info("{}: {}", schedule, run.idle());
        }
        run.attention().forEach(item -> log.warn("{}: NEEDS ATTENTION: {}", schedule, item));
        lastCycle.set(new LastCycle(clock.instant(), run.failed() || run.stopped() != null, run.attention()));
        return run;
    }

    public List<ImportOutcome> inboxPoll(String schedule) {
        OpenBusinessDay.Choice day;
        try {
            day = openDay.current();
        } catch (OpenBusinessDay.UnclearException e) {
            log.info("{}: files wait in the inbox: {}", schedule, e.getMessage());
            return List.of();
        }
        try {
            List<ImportOutcome> outcomes = JobStarts.as(OPERATOR, "schedule " + schedule, () -> dailyCycle.importWaiting(day.date()));
            outcomes.forEach(outcome -> log.info("{}: {} {} into {}", schedule, outcome.file().getFileName(), outcome.status(),
                    day.date()));
            return outcomes;
        } catch (RuntimeException e) {
            log.warn("{}: {}", schedule, Causes.rootMessage(e));
            return List.of();
        }
    }

    public LastCycle lastCycle() {
        return lastCycle.get();
    }

    /** How many times a daily-cycle schedule fired in this process. */
    public long cyclesRun() {
        return cyclesRun.get();
    }
}
