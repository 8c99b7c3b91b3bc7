package se.clientfunds.app.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.calendar.HolidayCalendar;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import se.clientfunds.calendar.BankingCalendars;
import se.clientfunds.operations.OperationRefused;

/**
 * The schedules in Quartz: brought in line with the configuration when {@code serve} starts (configuration wins: a
 * changed schedule is rescheduled, a removed one unscheduled, an unchanged one keeps its next fire time and whether it
 * is paused), listed with their previous and next fire times, paused and resumed with who and why (operator_action).
 * The banking-day calendars are Quartz HolidayCalendars of the closed weekdays, precomputed for the years around now.
 */
@Service
public class Schedules {

    static final String GROUP = "settlement";
    static final int YEARS_BEFORE = 1;
    static final int YEARS_AHEAD = 5;

    /** One schedule as an operator lists it. */
    /**
     * A schedule as configured, with its fire times as Quartz holds them.
     *
     * @param inQuartz whether Quartz holds it at all (the first server to start schedules it)
     * @param applied  whether Quartz holds it as configured; when not, its fire times are the old configuration's until a
     *                 server starts and applies the new one
     */
    public record View(String name, String task, String cron, String calendar, String misfire, boolean paused,
                       ZonedDateTime previousFire, ZonedDateTime nextFire, boolean inQuartz, boolean applied) {
    }

    private static final Clock QUARTZ_CLOCK = Clock.systemUTC();
    /** How late a check-in may be before its server counts as gone (as Quartz's own cluster recovery allows). */
    private static final long LATE_CHECK_IN_MS = 7_500;

    private final ObjectProvider<Scheduler> scheduler;
    private final ScheduleSettings settings;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final boolean databaseIsExclusive;

    private final org.springframework.transaction.support.TransactionTemplate transaction;

    public Schedules(ObjectProvider<Scheduler> scheduler, ScheduleSettings settings, Clock clock, JdbcTemplate jdbc,
                     org.springframework.transaction.PlatformTransactionManager transactionManager,
                     ObjectProvider<se.clientfunds.database.EmbeddedMariaDb> embeddedDatabase) {
        this.databaseIsExclusive = embeddedDatabase.getIfAvailable() != null;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    Scheduler scheduler() {
        return scheduler.getObject();
    }

    /**
     * Makes Quartz hold exactly the configured schedules; returns what changed, one line each. In one transaction:
     * Quartz's job store joins it, so another server sees all of it or none (never a paused schedule set waiting).
     */
    public List<String> reconcile() throws SchedulerException {
        return inTransaction(this::reconcileNow);
    }

    /** Quartz's work in a Spring transaction, which its job store (LocalDataSourceJobStore) joins. */
    private <T> T inTransaction(QuartzWork<T> work) throws SchedulerException {
        try {
            return transaction.execute(status -> {
                try {
                    return work.run();
                } catch (SchedulerException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SchedulerException quartz) {
                throw quartz;
            }
            throw e;
        }
    }

    private interface QuartzWork<T> {
        T run() throws SchedulerException;
    }

    private List<String> reconcileNow() throws SchedulerException {
        Scheduler quartz = scheduler();
        List<String> changes = new ArrayList<>();
        // Quartz sets every trigger on a replaced calendar WAITING: what was paused is paused again below
        java.util.Set<TriggerKey> paused = new java.util.HashSet<>();
        for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
            if (quartz.getTriggerState(key) == Trigger.TriggerState.PAUSED) {
                paused.add(key);
            }
        }
        int year = LocalDate.now(clock).getYear();
        for (String calendar : List.of("swedish", "target2")) {
            HolidayCalendar wanted = holidays(calendar, year - YEARS_BEFORE, year + YEARS_AHEAD);
            // replaced only when its days changed: replacing it works each trigger's next fire out again from its last
            // one, which drops a fire missed while the server was down (whatever the misfire policy says)
            if (!(quartz.getCalendar(calendar) instanceof HolidayCalendar stored && sameDays(stored, wanted))) {
                quartz.addCalendar(calendar, wanted, true, true);
            }
        }
        Map<String, ScheduleSettings.Effective> wanted = settings.effective();
        for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
            if (!wanted.containsKey(key.getName())) {
                quartz.deleteJob(JobKey.jobKey(key.getName(), GROUP));
                changes.add(key.getName() + ": removed (no longer configured)");
            }
        }
        for (ScheduleSettings.Effective schedule : wanted.values()) {
            TriggerKey key = TriggerKey.triggerKey(schedule.name(), GROUP);
            Trigger existing = quartz.getTrigger(key);
            CronTrigger trigger = trigger(schedule);
            if (existing instanceof CronTrigger cron && same(cron, trigger)) {
                if (paused.contains(key)) {
                    quartz.pauseTrigger(key);
                }
                continue;
            }
            JobDetail job = JobBuilder.newJob(schedule.task() == ScheduleSettings.Task.DAILY_CYCLE ? DailyCycleJob.class
                            : InboxPollJob.class).withIdentity(schedule.name(), GROUP)
                    .withDescription(schedule.task().key()).storeDurably().requestRecovery(true).build();
            quartz.scheduleJob(job, java.util.Set.of(trigger), true);
            if (paused.contains(key)) {
                quartz.pauseTrigger(key);
            }
            changes.add(schedule.name() + ": " + (existing == null ? "scheduled" : "rescheduled (its configuration changed)"));
        }
        return changes;
    }

    /** The configured schedules with what Quartz holds of them. */
    public List<View> list() throws SchedulerException {
        Scheduler quartz = scheduler();
        List<View> views = new ArrayList<>();
        ZoneId zone = clock.getZone();
        for (ScheduleSettings.Effective schedule : settings.effective().values()) {
            TriggerKey key = TriggerKey.triggerKey(schedule.name(), GROUP);
            Trigger trigger = quartz.getTrigger(key);
            boolean inQuartz = trigger != null;
            views.add(new View(schedule.name(), schedule.task().key(), schedule.cron(), schedule.calendar(), schedule.misfire(),
                    inQuartz && quartz.getTriggerState(key) == Trigger.TriggerState.PAUSED,
                    inQuartz ? time(trigger.getPreviousFireTime(), zone) : null,
                    inQuartz ? time(trigger.getNextFireTime(), zone) : time(trigger(schedule).getFireTimeAfter(Date.from(clock.instant())), zone),
                    inQuartz, trigger instanceof CronTrigger cron && same(cron, trigger(schedule))));
        }
        return views;
    }

    /**
     * The servers whose schedulers check in on these books (Quartz's {@code QRTZ_SCHEDULER_STATE}): each one's name and
     * its last check-in, and whether it still checks in. None live means no schedule fires until a server starts. On
     * the embedded database this process is the only one (the home's lock), and it runs no scheduler unless it serves.
     */
    public record Server(String instance, ZonedDateTime lastCheckIn, boolean live) {
    }

    /** Now as Quartz fires: on the machine's real time (not the business clock, which a test or demo may fix). */
    public ZonedDateTime firingNow() {
        return ZonedDateTime.now(QUARTZ_CLOCK.withZone(clock.getZone()));
    }

    public List<Server> servers() throws SchedulerException {
        String name = scheduler().getSchedulerName();
        boolean mayBeLive = !databaseIsExclusive || scheduler().isStarted();
        // Quartz checks in on the machine's real time, whatever the business clock says
        long now = QUARTZ_CLOCK.millis();
        return jdbc.query("SELECT INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?"
                + " ORDER BY LAST_CHECKIN_TIME DESC", (rs, row) -> new Server(rs.getString(1),
                java.time.Instant.ofEpochMilli(rs.getLong(2)).atZone(clock.getZone()),
                mayBeLive && now - rs.getLong(2) < 2 * rs.getLong(3) + LATE_CHECK_IN_MS),
                name);
    }

    /** Pauses a schedule: it does not fire until resumed (a fire missed meanwhile is handled by its misfire policy). */
    public void pause(String name, String operator, String reason) throws SchedulerException {
        act(name, operator, reason, true);
    }

    public void resume(String name, String operator, String reason) throws SchedulerException {
        act(name, operator, reason, false);
    }

    private void act(String name, String operator, String reason, boolean pause) throws SchedulerException {
        inTransaction(() -> {
            actNow(name, operator, reason, pause);
            return null;
        });
    }

    private void actNow(String name, String operator, String reason, boolean pause) throws SchedulerException {
        if (reason == null || reason.isBlank()) {
            throw new OperationRefused("why is required (--reason): it is recorded with the action");
        }
        Scheduler quartz = scheduler();
        TriggerKey key = TriggerKey.triggerKey(name, GROUP);
        if (!settings.effective().containsKey(name)) {
            throw new se.clientfunds.operations.NotFound("no schedule named '" + name + "'; the schedules are "
                    + String.join(", ", settings.effective().keySet()));
        }
        if (quartz.getTrigger(key) == null) {
            reconcileNow();
        }
        boolean paused = quartz.getTriggerState(key) == Trigger.TriggerState.PAUSED;
        if (pause == paused) {
            throw new OperationRefused("schedule " + name + " is " + (paused ? "paused" : "not paused") + " already");
        }
        if (pause) {
            quartz.pauseTrigger(key);
        } else {
            quartz.resumeTrigger(key);
        }
        se.clientfunds.operations.OperatorActions.record(jdbc, new se.clientfunds.operations.OperatorActions.Entry(operator,
                pause ? "PAUSE_SCHEDULE" : "RESUME_SCHEDULE", "schedule " + name, reason, null, null, pause ? "PAUSED" : "RESUMED"));
    }

    CronTrigger trigger(ScheduleSettings.Effective schedule) {
        CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(schedule.cron()).inTimeZone(TimeZone.getTimeZone(clock.getZone()));
        cron = "skip".equals(schedule.misfire()) ? cron.withMisfireHandlingInstructionDoNothing()
                : cron.withMisfireHandlingInstructionFireAndProceed();
        TriggerBuilder<CronTrigger> builder = TriggerBuilder.newTrigger().withIdentity(schedule.name(), GROUP)
                .forJob(schedule.name(), GROUP).withSchedule(cron);
        if (!"none".equals(schedule.calendar())) {
            builder = builder.modifiedByCalendar(schedule.calendar());
        }
        return builder.build();
    }

    private static boolean same(CronTrigger existing, CronTrigger wanted) {
        return existing.getCronExpression().equals(wanted.getCronExpression())
                && Objects.equals(existing.getCalendarName(), wanted.getCalendarName())
                && existing.getMisfireInstruction() == wanted.getMisfireInstruction()
                && existing.getTimeZone().getID().equals(wanted.getTimeZone().getID());
    }

    private static boolean sameDays(HolidayCalendar stored, HolidayCalendar wanted) {
        return stored.getExcludedDates().equals(wanted.getExcludedDates())
                && stored.getTimeZone().getID().equals(wanted.getTimeZone().getID());
    }

    private HolidayCalendar holidays(String name, int fromYear, int toYear) {
        BankingCalendars calendars = new BankingCalendars();
        HolidayCalendar holidays = new HolidayCalendar();
        holidays.setTimeZone(TimeZone.getTimeZone(clock.getZone()));
        holidays.setDescription(name + " closed weekdays " + fromYear + "–" + toYear);
        for (LocalDate day : BankingCalendars.closedWeekdays("target2".equals(name) ? calendars.forCurrency("EUR")
                : calendars.forCurrency("SEK"), fromYear, toYear)) {
            holidays.addExcludedDate(Date.from(day.atStartOfDay(clock.getZone()).toInstant()));
        }
        return holidays;
    }

    private static ZonedDateTime time(Date date, ZoneId zone) {
        return date == null ? null : date.toInstant().atZone(zone);
    }
}
