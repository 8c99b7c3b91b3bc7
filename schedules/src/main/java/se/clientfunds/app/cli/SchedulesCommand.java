package se.clientfunds.app.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.app.schedule.Schedules;
import se.clientfunds.report.TableFormat;

@Command(name = "schedules", mixinStandardHelpOptions = true,
        description = {"Lists the schedules: name,task,cron,calendar,misfire,paused,previous_fire,next_fire (times in the"
                + " pipeline's zone). A schedule settle serve has not taken in yet shows the next fire its configuration gives.",
                "'schedules pause|resume NAME --reason TEXT' stops a schedule firing or lets it fire again, recorded with who and why."},
        subcommands = {SchedulesCommand.Pause.class, SchedulesCommand.Resume.class})
class SchedulesCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("name", "task", "cron", "calendar", "misfire", "paused", "previous_fire",
            "next_fire");

    @ParentCommand
    SettleCommand settle;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    TableFormat format;

    final Console console;

    SchedulesCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext context = settle.openHome()) {
            Schedules schedules = context.getBean(Schedules.class);
            List<Schedules.Server> servers = schedules.servers();
            boolean running = servers.stream().anyMatch(Schedules.Server::live);
            if (!running) {
                console.error("no server runs these schedules now" + (servers.isEmpty() ? "" : " (the last one checked in at "
                        + JobsCommand.time(servers.get(0).lastCheckIn()) + ")") + ": nothing fires until one starts"
                        + " (settle serve); a next fire in the past is overdue, and the first fire after the start runs it");
            }
            print(console, schedules.list(), format, running ? null : schedules.firingNow());
            return SettleCommand.OK;
        }
    }

    /** The schedules; {@code overdueAt}, when no server runs them, marks a next fire before it as overdue. */
    static void print(Console console, List<Schedules.View> schedules, TableFormat format, java.time.ZonedDateTime overdueAt) {
        TableOutput output = TableOutput.start(format, COLUMNS, console.out());
        for (Schedules.View schedule : schedules) {
            boolean overdue = overdueAt != null && schedule.nextFire() != null && schedule.nextFire().isBefore(overdueAt);
            output.row(schedule.name(), schedule.task(), schedule.cron(), schedule.calendar(), schedule.misfire(),
                    schedule.paused() ? "yes" : "no", JobsCommand.time(schedule.previousFire()),
                    JobsCommand.time(schedule.nextFire()) + (schedule.inQuartz() ? "" : " (not scheduled yet)")
                            + (overdue ? " (overdue)" : "")
                            + (schedule.inQuartz() && !schedule.applied() ? " (fire times of the configuration before; the next"
                                    + " settle serve applies this one)" : ""));
        }
        output.finish();
    }

    abstract static class Act implements Callable<Integer> {

        @ParentCommand
        SchedulesCommand schedules;

        @Parameters(index = "0", paramLabel = "NAME", description = "The schedule (see settle schedules).")
        String name;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded with the action).")
        String reason;

        @Option(names = "--operator", defaultValue = "${sys:user.name}", paramLabel = "NAME",
                description = "Who (default: the OS user).")
        String operator;

        abstract boolean pause();

        @Override
        public Integer call() throws Exception {
            try (ConfigurableApplicationContext context = schedules.settle.openHome()) {
                Schedules service = context.getBean(Schedules.class);
                if (pause()) {
                    service.pause(name, operator, reason);
                } else {
                    service.resume(name, operator, reason);
                }
                schedules.console.println("schedule " + name + (pause() ? " paused" : " resumed") + " by " + operator + ": " + reason);
                return SettleCommand.OK;
            }
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pauses a schedule: it does not fire until resumed.")
    static class Pause extends Act {

        @Override
        boolean pause() {
            return true;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resumes a paused schedule; a fire missed while paused follows its misfire policy.")
    static class Resume extends Act {

        @Override
        boolean pause() {
            return false;
        }
    }
}
