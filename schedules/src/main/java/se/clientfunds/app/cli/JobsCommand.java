package se.clientfunds.app.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.operations.ExecutionDetail;
import se.clientfunds.operations.ExecutionQuery;
import se.clientfunds.operations.ExecutionSummary;
import se.clientfunds.operations.JobOperations;
import se.clientfunds.operations.OperatorActionView;
import se.clientfunds.operations.StepSummary;
import se.clientfunds.report.TableFormat;

@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = {"Lists job executions, newest first, or shows one, or acts on one.",
                "Prints id,job,business_date,instance,status,attempt,started,duration,started_by,cause. 'jobs show ID' gives"
                        + " its steps with their counts; 'jobs restart|stop|abandon|recover ID --reason TEXT' acts on it, and the"
                        + " action is recorded with who and why (audit.pdf of its day lists it).",
                "Exit codes: 0 done, 1 a restarted job failed again, 2 the action makes no sense for the execution (said why)."},
        subcommands = {JobsCommand.Show.class, JobsCommand.Restart.class, JobsCommand.Stop.class, JobsCommand.Abandon.class,
                JobsCommand.Recover.class})
class JobsCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("id", "job", "business_date", "instance", "status", "attempt", "started",
            "duration", "started_by", "cause");

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");

    @ParentCommand
    SettleCommand settle;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only executions with this status (FAILED, STARTED, ...).")
    String status;

    @Option(names = "--job", paramLabel = "NAME", description = "Only this job's executions (e.g. reconcileJob).")
    String job;

    @Option(names = "--date", paramLabel = "DATE", description = "Only executions for this business date.")
    LocalDate businessDate;

    @Option(names = "--page", defaultValue = "0", paramLabel = "N", description = "Page, from 0 (default ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--size", defaultValue = "50", paramLabel = "N", description = "Executions per page (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    TableFormat format;

    final Console console;

    JobsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = settle.openHome()) {
            JobOperations operations = context.getBean(JobOperations.class);
            ExecutionQuery query = new ExecutionQuery(job, status, businessDate, page, size);
            List<ExecutionSummary> executions = operations.list(query);
            TableOutput output = TableOutput.start(format, COLUMNS, console.out());
            for (ExecutionSummary execution : executions) {
                output.row(Long.toString(execution.id()), execution.job(), text(execution.businessDate()), execution.instance(),
                        status(execution), execution.attempt() + " of " + execution.attempts(), time(execution.started()),
                        duration(execution.duration()), execution.startedBy(), execution.rootCause());
            }
            output.finish();
            long total = operations.count(query);
            if (total > (long) (page + 1) * size) {
                console.error("executions " + ((long) page * size + 1) + "–" + ((long) page * size
                        + executions.size()) + " of " + total + " (page " + page + "); --page " + (page + 1) + " for more");
            }
            return SettleCommand.OK;
        }
    }

    /** A status as an operator needs it: a crash's leftover says so. */
    static String status(ExecutionSummary execution) {
        return execution.crashed() ? execution.status() + " (process gone)" : execution.status();
    }

    static String time(ZonedDateTime time) {
        return time == null ? "" : TIME.format(time);
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? String.format("%dh%02dm%02ds", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60)
                : String.format("%d.%03ds", seconds, duration.toMillisPart());
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows one job execution: who started it and why, its steps with read/write/commit/rollback/skip counts,"
                    + " its progress, the root cause of a failure in one line (--trace: the full stack traces kept), the files it"
                    + " imported and what operators did about it.")
    static class Show implements Callable<Integer> {

        @ParentCommand
        JobsCommand jobs;

        @Parameters(index = "0", paramLabel = "ID", description = "The job execution's id (see settle jobs).")
        long id;

        @Option(names = "--trace", description = "Also print the stack traces the job repository kept.")
        boolean trace;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = jobs.settle.openHome()) {
                JobOperations operations = context.getBean(JobOperations.class);
                ExecutionDetail detail = operations.show(id);
                print(jobs.console, detail);
                if (trace) {
                    jobs.console.println("");
                    jobs.console.println(operations.trace(id).stripTrailing());
                }
                return SettleCommand.OK;
            }
        }

        static void print(Console console, ExecutionDetail detail) {
            ExecutionSummary s = detail.summary();
            console.println("job execution " + s.id() + ": " + s.job() + (s.businessDate() == null ? "" : " for " + s.businessDate())
                    + (s.instance() == null ? "" : " (" + s.instance() + ")"));
            console.println("  status:     " + status(s) + (detail.exitCode() == null || detail.exitCode().equals(s.status()) ? ""
                    : " (exit " + detail.exitCode() + ")"));
            console.println("  attempt:    " + s.attempt() + " of " + s.attempts() + ", started by " + text(s.startedBy())
                    + (s.reason() == null ? "" : ": " + s.reason()));
            console.println("  started:    " + time(s.started()) + (s.ended() == null ? "" : ", ended " + time(s.ended()))
                    + ", " + duration(s.duration()));
            console.println("  process:    " + text(s.process()) + (s.markedRunning() ? (s.processAlive() ? " (running)" : " (gone)") : ""));
            console.println("  progress:   " + detail.itemsDone() + (detail.itemsExpected() < 0 ? "" : " of " + detail.itemsExpected())
                    + " items written");
            if (s.rootCause() != null || detail.exitDescription() != null) {
                console.println("  cause:      " + (s.rootCause() != null ? s.rootCause() : detail.exitDescription()));
            }
            if (!detail.files().isEmpty()) {
                console.println("  files:      " + String.join(", ", detail.files()));
            }
            console.println("  steps:");
            TableOutput steps = TableOutput.start(TableFormat.TABLE, List.of("step", "status", "read", "written", "filtered",
                    "commits", "rollbacks", "skips", "duration", "exit"), console.out());
            for (StepSummary step : detail.steps()) {
                steps.row(step.name(), step.status(), Long.toString(step.read()), Long.toString(step.written()),
                        Long.toString(step.filtered()), Long.toString(step.commits()), Long.toString(step.rollbacks()),
                        Long.toString(step.skips()), duration(step.duration()), step.exitDescription() == null ? step.exitCode()
                                : step.exitCode() + ": " + step.exitDescription());
            }
            steps.finish();
            if (!detail.actions().isEmpty()) {
                console.println("  operator actions:");
                for (OperatorActionView action : detail.actions()) {
                    console.println("    " + time(action.actedAt()) + " " + action.action() + " by " + action.operator() + ": "
                            + action.reason());
                }
            }
        }
    }

    /** What the four actions share: the execution, who and why. */
    abstract static class Act implements Callable<Integer> {

        @ParentCommand
        JobsCommand jobs;

        @Parameters(index = "0", paramLabel = "ID", description = "The job execution's id (see settle jobs).")
        long id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded with the action).")
        String reason;

        @Option(names = "--operator", defaultValue = "${sys:user.name}", paramLabel = "NAME",
                description = "Who (default: the OS user).")
        String operator;

        abstract JobOperations.Outcome act(JobOperations operations);

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = jobs.settle.openHome()) {
                JobOperations.Outcome outcome = act(context.getBean(JobOperations.class));
                if (outcome.jobFailed()) {
                    jobs.console.error(outcome.message());
                    return SettleCommand.JOB_FAILED;
                }
                jobs.console.println(outcome.message());
                return SettleCommand.OK;
            }
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true,
            description = "Restarts a failed or stopped job execution from its last commit (it runs here, now).")
    static class Restart extends Act {

        @Override
        JobOperations.Outcome act(JobOperations operations) {
            return operations.restart(id, operator, reason);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Asks a running job execution to stop at its next commit, in whichever process runs it.")
    static class Stop extends Act {

        @Override
        JobOperations.Outcome act(JobOperations operations) {
            return operations.stop(id, operator, reason);
        }
    }

    @Command(name = "abandon", mixinStandardHelpOptions = true,
            description = "Gives up a failed or stopped job execution for good: its job instance is never restarted.")
    static class Abandon extends Act {

        @Override
        JobOperations.Outcome act(JobOperations operations) {
            return operations.abandon(id, operator, reason);
        }
    }

    @Command(name = "recover", mixinStandardHelpOptions = true,
            description = "Marks a job execution left running by a process that died as FAILED, so it can be restarted.")
    static class Recover extends Act {

        @Option(names = "--process-gone", description = "You know no process runs it: needed on a shared database when which"
                + " process started it was not recorded.")
        boolean processGone;

        @Override
        JobOperations.Outcome act(JobOperations operations) {
            return operations.recover(id, operator, reason, processGone);
        }
    }
}
