package se.clientfunds.app.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The schedules, as {@code settlement.schedules.<name>} configures them: the defaults below unless configured
 * otherwise, a schedule with {@code enabled: false} removed. Configuration wins over what the Quartz tables hold:
 * {@code settle serve} brings them in line at start.
 *
 * <p>Defaults: {@code daily-cycle} at 06:30 on Swedish banking days, a misfire fired once at once (the cycle works out
 * from the books which days are due, so running late is safe and one run catches up every missed day);
 * {@code inbox-poll} every five minutes on Swedish banking days, a misfire skipped (the next poll comes within five
 * minutes; firing missed polls after a restart would do the same work several times).
 */
@ConfigurationProperties("settlement")
public record ScheduleSettings(Map<String, Schedule> schedules) {

    /** What a schedule runs. */
    public enum Task {
        DAILY_CYCLE("daily-cycle"), INBOX_POLL("inbox-poll");

        private final String key;

        Task(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Task of(String key, String schedule) {
            for (Task task : values()) {
                if (task.key.equals(key)) {
                    return task;
                }
            }
            throw new IllegalArgumentException("settlement.schedules." + schedule + ".task: '" + key + "' is not a task; one of "
                    + String.join(", ", java.util.Arrays.stream(values()).map(Task::key).toList()));
        }
    }

    /**
     * One schedule.
     *
     * @param task     what it runs (default: its name, for daily-cycle and inbox-poll)
     * @param cron     a Quartz cron expression (seconds first), in the pipeline's zone
     * @param calendar the banking days it fires on: swedish, target2 or none
     * @param misfire  what a fire missed while no server ran does at the next start: fire-once-now or skip
     * @param enabled  false removes it
     */
    public record Schedule(String task, String cron, String calendar, String misfire, Boolean enabled) {
    }

    public static final List<String> CALENDARS = List.of("swedish", "target2", "none");
    public static final List<String> MISFIRES = List.of("fire-once-now", "skip");

    private static final Map<String, Schedule> DEFAULTS = Map.of(
            "daily-cycle", new Schedule("daily-cycle", "0 30 6 ? * MON-FRI", "swedish", "fire-once-now", true),
            "inbox-poll", new Schedule("inbox-poll", "0 0/5 * ? * MON-FRI", "swedish", "skip", true));

    /** A schedule as it takes effect: every field set and checked. */
    public record Effective(String name, Task task, String cron, String calendar, String misfire) {
    }

    /** The schedules in effect, by name: the defaults with what is configured over them, less the disabled ones. */
    public Map<String, Effective> effective() {
        Map<String, Schedule> merged = new TreeMap<>(DEFAULTS);
        if (schedules != null) {
            schedules.forEach((name, configured) -> merged.merge(name, configured, ScheduleSettings::over));
        }
        Map<String, Effective> effective = new LinkedHashMap<>();
        merged.forEach((name, schedule) -> {
            if (!Boolean.FALSE.equals(schedule.enabled())) {
                effective.put(name, check(name, schedule));
            }
        });
        return effective;
    }

    private static Schedule over(Schedule defaults, Schedule configured) {
        return new Schedule(configured.task() != null ? configured.task() : defaults.task(),
                configured.cron() != null ? configured.cron() : defaults.cron(),
                configured.calendar() != null ? configured.calendar() : defaults.calendar(),
                configured.misfire() != null ? configured.misfire() : defaults.misfire(),
                configured.enabled() != null ? configured.enabled() : defaults.enabled());
    }

    private static Effective check(String name, Schedule schedule) {
        String prefix = "settlement.schedules." + name + ".";
        Task task = Task.of(schedule.task() != null ? schedule.task() : name, name);
        if (schedule.cron() == null || !CronExpression.isValidExpression(schedule.cron())) {
            throw new IllegalArgumentException(prefix + "cron: '" + schedule.cron() + "' is not a Quartz cron expression"
                    + " (seconds minutes hours day-of-month month day-of-week, e.g. '0 30 6 ? * MON-FRI')");
        }
        String calendar = schedule.calendar() == null ? "swedish" : schedule.calendar();
        if (!CALENDARS.contains(calendar)) {
            throw new IllegalArgumentException(prefix + "calendar: '" + calendar + "' is not one of " + String.join(", ", CALENDARS));
        }
        String misfire = schedule.misfire() == null ? "fire-once-now" : schedule.misfire();
        if (!MISFIRES.contains(misfire)) {
            throw new IllegalArgumentException(prefix + "misfire: '" + misfire + "' is not one of " + String.join(", ", MISFIRES));
        }
        return new Effective(name, task, schedule.cron(), calendar, misfire);
    }
}
