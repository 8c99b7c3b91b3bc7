package se.clientfunds.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.app.schedule.Schedules;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the pipeline as a service: the schedules fire by themselves (daily-cycle, inbox-poll; see"
                + " settlement.schedules) until it is stopped with Ctrl-C or SIGTERM.",
                "It holds the home like every command: while it runs, other settle commands on the same home are refused"
                        + " (on an external database they run beside it). Several servers on one external database form a"
                        + " Quartz cluster: each fire runs on one of them, and one takes over the jobs of another that dies.",
                "Stopping: running jobs are asked to stop at their next commit, the scheduler waits for them, then the"
                        + " database stops; run-day or the next fire restarts them from there."})
class ServeCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    private final Console console;

    ServeCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        System.setProperty("settlement.process.kind", "server");
        try (ConfigurableApplicationContext context = settle.serveHome()) {
            CountDownLatch closed = new CountDownLatch(1);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    // after the running jobs were asked to stop (StopJobsOnShutdown comes first): the scheduler waits
                    // for its jobs here, while this process still checks in and the database still runs
                    try {
                        Scheduler quartz = context.getBean(Scheduler.class);
                        if (quartz.isStarted() && !quartz.isShutdown()) {
                            quartz.shutdown(true);
                        }
                    } catch (Exception e) {
                        org.slf4j.LoggerFactory.getLogger(ServeCommand.class).warn("the scheduler did not shut down cleanly: {}",
                                se.clientfunds.jobs.Causes.rootMessage(e));
                    }
                    closed.countDown();
                }
            });
            Schedules schedules = context.getBean(Schedules.class);
            List<String> changes = schedules.reconcile();
            Scheduler scheduler = context.getBean(Scheduler.class);
            scheduler.start();
            SchedulerMetaData meta = scheduler.getMetaData();
            Path log = Path.of(context.getEnvironment().getProperty("logging.file.name", "settlement.log"));
            console.println("settle serve: home " + settle.home().toAbsolutePath().normalize());
            console.println("  logs:      " + log);
            console.println("  scheduler: " + meta.getSchedulerInstanceId() + ", job store " + meta.getJobStoreClass().getSimpleName()
                    + (meta.isJobStoreClustered() ? ", clustered" : ", NOT clustered") + ", "
                    + meta.getThreadPoolSize() + " threads");
            if (context instanceof org.springframework.boot.web.server.context.WebServerApplicationContext web) {
                String base = "http://" + context.getEnvironment().getProperty("server.address", "127.0.0.1") + ":"
                        + web.getWebServer().getPort();
                console.println("  health:    " + base + "/actuator/health (metrics: /actuator/metrics)");
                console.println("  console:   " + base + "/console");
                console.println("  api:       " + base + "/api/v1 (HTTP Basic; described at " + base + "/api/v1/openapi.json)");
                int users = context.getBean(se.clientfunds.app.web.SecuritySettings.class).usersOrNone().size();
                console.println("  users:     " + (users == 0 ? "none: nobody can use the API; add settlement.security.users"
                        + " (settle users hash-password)" : users + " in settlement.security.users"));
            }
            changes.forEach(change -> console.println("  schedule " + change));
            SchedulesCommand.print(console, schedules.list(), se.clientfunds.report.TableFormat.TABLE, null);
            console.println("running; stop with Ctrl-C or SIGTERM");
            closed.await();
            return SettleCommand.OK;
        }
    }
}
