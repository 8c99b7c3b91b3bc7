package se.clientfunds.app.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import se.clientfunds.app.notify.Notifications;
import se.clientfunds.app.notify.Problem;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayReport;
import se.clientfunds.day.ScheduledCycle;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.jobs.Causes;
import se.clientfunds.jobs.JobStarts;
import se.clientfunds.jobs.ProcessInstances;
import se.clientfunds.ledger.OpenBusinessDay;
import se.clientfunds.operations.Actor;
import se.clientfunds.operations.PipelineLock;

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
    private final Notifications notifications;
    private final PipelineLock pipeline;
    private final ProcessInstances process;
    private final org.springframework.batch.core.repository.JobRepository jobRepository;
    private final Clock clock;
    private final AtomicReference<LastCycle> lastCycle = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicLong cyclesRun = new java.util.concurrent.atomic.AtomicLong();

    private final java.util.concurrent.atomic.AtomicInteger daysNeedingAttention = new java.util.concurrent.atomic.AtomicInteger();

    public ScheduledTasks(ScheduledCycle cycle, DailyCycle dailyCycle, OpenBusinessDay openDay, Notifications notifications,
                          PipelineLock pipeline, ProcessInstances process, Clock clock,
                          io.micrometer.core.instrument.MeterRegistry meters,
                          org.springframework.batch.core.repository.JobRepository jobRepository) {
        this.jobRepository = jobRepository;
        this.pipeline = pipeline;
        this.process = process;
        io.micrometer.core.instrument.Gauge.builder("settlement.days.needing.attention", daysNeedingAttention, Number::doubleValue)
                .description("business days the last daily cycle left failed or needing attention").register(meters);
        this.cycle = cycle;
        this.notifications = notifications;
        this.dailyCycle = dailyCycle;
        this.openDay = openDay;
        this.clock = clock;
    }

    public ScheduledCycle.Run dailyCycle(String schedule, boolean recovering) {
        cyclesRun.incrementAndGet();
        String reason = "schedule " + schedule + (recovering ? ", recovered after the server running it stopped" : "");
        ScheduledCycle.Run run;
        try {
            run = pipeline.holding(schedule, Duration.ofMinutes(30), () -> Actor.as(Actor.SCHEDULER,
                    () -> JobStarts.as(OPERATOR, reason, cycle::runDue)));
        } catch (RuntimeException e) {
            // the database gone at 06:30, the books unreadable: the day did not run, and someone must hear it
            cycleDidNotRun(schedule, "the daily cycle could not run: " + Causes.rootMessage(e));
            return null;
        }
        if (run == null) {
            cycleDidNotRun(schedule, "the daily cycle did not run: another run has held the books for 30 minutes");
            return null;
        }
        for (DayReport day : run.days()) {
            log.info("{}: {} {}", schedule, day.businessDate(), day.failed() ? "FAILED" : day.closed() ? "closed" : "not closed");
        }
        if (run.idle() != null) {
            log.info("{}: {}", schedule, run.idle());
        }
        run.attention().forEach(item -> log.warn("{}: NEEDS ATTENTION: {}", schedule, item));
        lastCycle.set(new LastCycle(clock.instant(), run.failed() || run.stopped() != null, run.attention()));
        daysNeedingAttention.set((int) run.days().stream().filter(day -> day.failed() || !day.attention().isEmpty()).count());
        tell(problems(run));
        return run;
    }

    private void cycleDidNotRun(String schedule, String why) {
        log.warn("{}: {}", schedule, why);
        lastCycle.set(new LastCycle(clock.instant(), true, List.of()));
        tell(List.of(new Problem(LocalDate.now(clock), Problem.Status.FAILED, why, List.of("settle days", "settle jobs --status"
                + " STARTED", "the server's log"), "the daily cycle")));
    }

    /** Tells what the run left, unless the process is stopping: what a shutdown stopped is not a failure to report. */
    private void tell(List<Problem> problems) {
        if (process.stopping()) {
            log.info("not telling {} problem(s): the process is stopping, the next run goes on", problems.size());
            return;
        }
        notifications.tell(problems);
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
            // never beside a cycle (or another poll) on the same books: this poll is skipped, the next comes soon
            List<ImportOutcome> outcomes = pipeline.holding(schedule, Duration.ZERO,
                    () -> Actor.as(Actor.SCHEDULER, () -> JobStarts.as(OPERATOR, "schedule " + schedule,
                            () -> dailyCycle.importWaiting(day.date()))));
            if (outcomes == null) {
                log.info("{}: skipped, a cycle is running", schedule);
                return List.of();
            }
            outcomes.forEach(outcome -> log.info("{}: {} {} into {}", schedule, outcome.file().getFileName(), outcome.status(),
                    day.date()));
            List<Problem> problems = new ArrayList<>();
            outcomes.forEach(outcome -> importProblem(day.date(), outcome, problems));
            tell(problems);
            return outcomes;
        } catch (RuntimeException e) {
            log.warn("{}: {}", schedule, Causes.rootMessage(e));
            return List.of();
        }
    }

    /** What a cycle's run leaves someone to act on: failed imports and jobs, refused files, what needs attention. */
    List<Problem> problems(ScheduledCycle.Run run) {
        List<Problem> problems = new ArrayList<>();
        for (DayReport day : run.days()) {
            day.imports().forEach(outcome -> importProblem(day.businessDate(), outcome, problems));
            for (DayJobOutcome job : day.jobs()) {
                if (job.status() == DayJobOutcome.Status.FAILED) {
                    String execution = job.jobExecutionId() == null ? "" : " (job execution " + job.jobExecutionId() + ")";
                    problems.add(new Problem(job.businessDate(), Problem.Status.FAILED, job.job() + execution + " failed: "
                            + job.summary(), job.jobExecutionId() == null ? List.of("settle days", "settle run-day " + job.businessDate())
                            : List.of("settle jobs show " + job.jobExecutionId(), "settle jobs restart " + job.jobExecutionId()
                                    + " --reason TEXT", "then: settle run-day " + job.businessDate() + " (the rest of the day)"),
                            subject(job.job().jobName(), job.jobExecutionId())));
                }
            }
            // a closed day's attention is in its reports; an open one waits for something to arrive in the inbox
            List<String> act = day.closed() ? List.of("settle days", "reports/" + day.businessDate()
                    + "/ (reconciliation.pdf, safeguarding.pdf)") : List.of("settle days", "put what the day waits for in the"
                    + " inbox: the inbox poll imports it, the next daily-cycle closes the day");
            day.attention().forEach(item -> problems.add(new Problem(day.businessDate(), Problem.Status.NEEDS_ATTENTION, item, act)));
        }
        if (run.stopped() != null && problems.stream().noneMatch(problem -> problem.status() == Problem.Status.FAILED)) {
            // a day that did not close waits for its statement (said among its attention): the run stopping there is not
            // a failure
            problems.add(new Problem(run.due(), run.stopped().contains(" did not close") ? Problem.Status.NEEDS_ATTENTION
                    : Problem.Status.FAILED, run.stopped(), List.of("settle days")));
        }
        return problems;
    }

    /**
     * What failed, as one problem: the job instance (a job of the day, one import of a file's bytes), so a later
     * instance failing (a late statement's reconciliation, a file sent again) is a new problem and a restart of the same
     * one is not.
     */
    private String subject(String what, Long jobExecutionId) {
        if (jobExecutionId == null) {
            return what;
        }
        var execution = jobRepository.getJobExecution(jobExecutionId);
        return what + (execution == null ? "" : " (job instance " + execution.getJobInstance().getInstanceId() + ")");
    }

    private void importProblem(java.time.LocalDate day, ImportOutcome outcome, List<Problem> problems) {
        switch (outcome.status()) {
            case FAILED, WAITING -> problems.add(new Problem(day, Problem.Status.FAILED, outcome.summary(),
                    outcome.jobExecutionId() == null ? List.of("settle days", "settle run-day " + day)
                            : List.of("settle jobs show " + outcome.jobExecutionId(), "settle jobs restart " + outcome.jobExecutionId()
                            + " --reason TEXT", "or: settle run-day " + day + " (restarts it)"),
                    subject("import of " + outcome.file().getFileName(), outcome.jobExecutionId())));
            case REJECTED -> problems.add(new Problem(day, Problem.Status.NEEDS_ATTENTION, outcome.summary(),
                    List.of("quarantine/" + outcome.file().getFileName() + ".reason.txt", "settle days")));
            case IMPORTED -> {
            }
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
