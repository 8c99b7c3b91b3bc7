package se.clientfunds.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import se.clientfunds.app.schedule.ScheduleSettings.Effective;
import se.clientfunds.app.schedule.ScheduleSettings.Schedule;
import se.clientfunds.app.schedule.ScheduleSettings.Task;

class ScheduleSettingsTest {

    @Test
    void withoutConfigurationTheDefaultsHold() {
        assertThat(new ScheduleSettings(null).effective()).containsExactly(
                Map.entry("daily-cycle", new Effective("daily-cycle", Task.DAILY_CYCLE, "0 30 6 ? * MON-FRI", "swedish", "fire-once-now")),
                Map.entry("inbox-poll", new Effective("inbox-poll", Task.INBOX_POLL, "0 0/5 * ? * MON-FRI", "swedish", "skip")));
    }

    @Test
    void configurationWinsFieldByFieldDisabledOnesGoAndNewOnesNameTheirTask() {
        ScheduleSettings settings = new ScheduleSettings(Map.of(
                "daily-cycle", new Schedule(null, "0 0 7 ? * MON-FRI", null, "skip", null),
                "inbox-poll", new Schedule(null, null, null, null, false),
                "afternoon-cycle", new Schedule("daily-cycle", "0 0 15 ? * MON-FRI", "target2", null, null)));

        assertThat(settings.effective()).containsExactly(
                Map.entry("afternoon-cycle", new Effective("afternoon-cycle", Task.DAILY_CYCLE, "0 0 15 ? * MON-FRI", "target2",
                        "fire-once-now")),
                Map.entry("daily-cycle", new Effective("daily-cycle", Task.DAILY_CYCLE, "0 0 7 ? * MON-FRI", "swedish", "skip")));
    }

    @Test
    void aBrokenScheduleIsRefusedNamingTheSettingAndWhatWouldDo() {
        assertThatThrownBy(() -> new ScheduleSettings(Map.of("daily-cycle", new Schedule(null, "30 6 * * *", null, null, null)))
                .effective()).hasMessage("settlement.schedules.daily-cycle.cron: '30 6 * * *' is not a Quartz cron expression"
                        + " (seconds minutes hours day-of-month month day-of-week, e.g. '0 30 6 ? * MON-FRI')");
        assertThatThrownBy(() -> new ScheduleSettings(Map.of("daily-cycle", new Schedule(null, null, "norwegian", null, null)))
                .effective()).hasMessage("settlement.schedules.daily-cycle.calendar: 'norwegian' is not one of swedish, target2, none");
        assertThatThrownBy(() -> new ScheduleSettings(Map.of("daily-cycle", new Schedule(null, null, null, "later", null)))
                .effective()).hasMessage("settlement.schedules.daily-cycle.misfire: 'later' is not one of fire-once-now, skip");
        assertThatThrownBy(() -> new ScheduleSettings(Map.of("nightly", new Schedule(null, "0 0 1 * * ?", null, null, null)))
                .effective()).hasMessage("settlement.schedules.nightly.task: 'nightly' is not a task; one of daily-cycle, inbox-poll");
    }
}
