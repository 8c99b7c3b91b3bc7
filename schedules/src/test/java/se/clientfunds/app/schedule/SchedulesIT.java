package se.clientfunds.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.quartz.TriggerKey;
import org.quartz.impl.calendar.HolidayCalendar;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.app.Console;
import se.clientfunds.app.SettlementContext;
import se.clientfunds.operations.OperationRefused;

/**
 * The schedules in Quartz on the home's own database: what the configuration says is what Quartz holds (clustered, on
 * the JDBC job store, in Stockholm time, on the banking-day calendar), paused and resumed with who and why, and a fire
 * missed while no server ran is handled as the configured misfire policy says.
 */
class SchedulesIT {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @TempDir
    Path home;

    @Test
    void theConfigurationIsWhatQuartzHoldsAndPausesAreRecorded() throws Exception {
        try (ConfigurableApplicationContext context = start(Map.of())) {
            Schedules schedules = context.getBean(Schedules.class);

            // when the schedules are brought in line the first time, then both defaults are scheduled
            assertThat(schedules.reconcile()).containsExactly("daily-cycle: scheduled", "inbox-poll: scheduled");
            Scheduler quartz = context.getBean(Scheduler.class);
            SchedulerMetaData meta = quartz.getMetaData();
            assertThat(meta.isJobStoreClustered()).isTrue();
            assertThat(meta.getJobStoreClass().getSimpleName()).isEqualTo("LocalDataSourceJobStore");
            assertThat(meta.isJobStoreSupportsPersistence()).isTrue();
            CronTrigger cycle = (CronTrigger) quartz.getTrigger(TriggerKey.triggerKey("daily-cycle", Schedules.GROUP));
            assertThat(cycle.getCronExpression()).isEqualTo("0 30 6 ? * MON-FRI");
            assertThat(cycle.getTimeZone().getID()).isEqualTo("Europe/Stockholm");
            assertThat(cycle.getCalendarName()).isEqualTo("swedish");
            assertThat(cycle.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
            // the Swedish calendar keeps the banks' closing days out, Midsummer Eve among them
            HolidayCalendar swedish = (HolidayCalendar) quartz.getCalendar("swedish");
            int year = LocalDate.now().getYear();
            assertThat(swedish.isTimeIncluded(at(LocalDate.of(year, 12, 24)))).isFalse();
            assertThat(swedish.isTimeIncluded(at(LocalDate.of(year + 1, 12, 24)))).isFalse();
            assertThat(((HolidayCalendar) quartz.getCalendar("target2")).isTimeIncluded(at(LocalDate.of(year + 1, 12, 24)))).isTrue();
            // and a next fire is a banking day at 06:30 in Stockholm
            ZonedDateTime next = cycle.getNextFireTime().toInstant().atZone(STOCKHOLM);
            assertThat(next.toLocalTime().toString()).isEqualTo("06:30");
            assertThat(swedish.isTimeIncluded(cycle.getNextFireTime().getTime())).isTrue();
            // a second time nothing changes
            assertThat(schedules.reconcile()).isEmpty();

            // when one is paused, then it says so, it is recorded with who and why, and pausing it again is refused
            schedules.pause("inbox-poll", "anna", "bank migration weekend");
            assertThat(schedules.list()).extracting(Schedules.View::name, Schedules.View::paused)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("daily-cycle", false),
                            org.assertj.core.groups.Tuple.tuple("inbox-poll", true));
            assertThatThrownBy(() -> schedules.pause("inbox-poll", "anna", "again")).isInstanceOf(OperationRefused.class)
                    .hasMessage("schedule inbox-poll is paused already");
            assertThatThrownBy(() -> schedules.pause("nightly", "anna", "x"))
                    .hasMessage("no schedule named 'nightly'; the schedules are daily-cycle, inbox-poll");
            assertThat(context.getBean(JdbcTemplate.class).queryForList("SELECT CONCAT(operator, '|', action, '|', subject, '|',"
                    + " reason) FROM operator_action ORDER BY id", String.class))
                    .containsExactly("anna|PAUSE_SCHEDULE|schedule inbox-poll|bank migration weekend");
        }

        // when the server starts again with the same configuration, then the pause holds
        try (ConfigurableApplicationContext context = start(Map.of())) {
            Schedules schedules = context.getBean(Schedules.class);
            assertThat(schedules.reconcile()).isEmpty();
            assertThat(schedules.list()).extracting(Schedules.View::paused).containsExactly(false, true);
        }

        // when the configuration changes a schedule and removes the other, then configuration wins and a pause is kept
        try (ConfigurableApplicationContext context = start(Map.of("settlement.schedules.daily-cycle.enabled", "false",
                "settlement.schedules.inbox-poll.cron", "0 0/10 * ? * MON-FRI"))) {
            Schedules schedules = context.getBean(Schedules.class);
            assertThat(schedules.reconcile()).containsExactly("daily-cycle: removed (no longer configured)",
                    "inbox-poll: rescheduled (its configuration changed)");
            assertThat(schedules.list()).singleElement().satisfies(view -> {
                assertThat(view.name()).isEqualTo("inbox-poll");
                assertThat(view.cron()).isEqualTo("0 0/10 * ? * MON-FRI");
                assertThat(view.paused()).isTrue();
            });
            schedules.resume("inbox-poll", "bo", "migration done");
            assertThat(schedules.list().get(0).paused()).isFalse();
        }
    }

    @Test
    void aFireMissedWhileNoServerRanFiresOnceAtStartWhenTheConfigurationSaysSo() throws Exception {
        assertThat(firesAfterDowntime("fire-once-now")).isEqualTo(1);
    }

    @Test
    void aFireMissedWhileNoServerRanIsSkippedWhenTheConfigurationSaysSo() throws Exception {
        assertThat(firesAfterDowntime("skip")).isZero();
    }

    /**
     * A daily cycle every ten seconds, scheduled by one process that then stops; the next starts its scheduler after at
     * least one fire time passed, three seconds clear of the next, and counts the fires in the two seconds after.
     */
    private long firesAfterDowntime(String misfire) throws Exception {
        Map<String, Object> settings = Map.of("settlement.schedules.daily-cycle.cron", "0/10 * * * * ?",
                "settlement.schedules.daily-cycle.calendar", "none", "settlement.schedules.daily-cycle.misfire", misfire,
                "settlement.schedules.inbox-poll.enabled", "false", "settlement.quartz.misfire-threshold-ms", "1000");
        try (ConfigurableApplicationContext context = start(settings)) {
            context.getBean(Schedules.class).reconcile();
        }
        // down across a fire time, by more than the misfire threshold
        Thread.sleep(11_000);
        try (ConfigurableApplicationContext context = start(settings)) {
            context.getBean(Schedules.class).reconcile();
            ScheduledTasks tasks = context.getBean(ScheduledTasks.class);
            // started 3 s after a fire time, so that no regular fire falls in the 2 s counted
            long second = Calendar.getInstance().get(Calendar.SECOND) % 10;
            Thread.sleep(((13 - second) % 10) * 1000L);
            context.getBean(Scheduler.class).start();
            Thread.sleep(2_000);
            long fires = tasks.cyclesRun();
            context.getBean(Scheduler.class).standby();
            return fires;
        }
    }

    private ConfigurableApplicationContext start(Map<String, Object> overrides) {
        return SettlementContext.start(home, new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                false), overrides);
    }

    private static long at(LocalDate day) {
        return day.atTime(12, 0).atZone(STOCKHOLM).toInstant().toEpochMilli();
    }
}
