package se.clientfunds.app.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.operations.BusinessDayOverview;
import se.clientfunds.operations.BusinessDayView;
import se.clientfunds.operations.ExecutionSummary;
import se.clientfunds.report.TableFormat;

@Command(name = "days", mixinStandardHelpOptions = true,
        description = {"Lists the banking days, newest first, as operations see them.",
                "Prints date,status,why,files,jobs: status OPEN, CLOSED, RECONCILED, NEEDS_ATTENTION (why), FAILED (the failed job"
                        + " and its cause) or RUNNING; the files imported for the day; its jobs that did not complete (name,"
                        + " execution id, status) and how many did. Without --to: today or the last day booked; without --from:"
                        + " ten banking days before it, or the books' first day. 'settle jobs --date DATE' lists a day's jobs.",
                "Exit codes: 0 every day listed is fine or open, 3 a day listed failed or needs attention."})
class DaysCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("date", "status", "why", "files", "jobs");

    @ParentCommand
    SettleCommand settle;

    @Option(names = "--from", paramLabel = "DATE", description = "First date (default: ten banking days before --to).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last date (default: today or the last day booked).")
    LocalDate to;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    TableFormat format;

    private final Console console;

    DaysCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = settle.openHome()) {
            BusinessDayOverview overview = context.getBean(BusinessDayOverview.class);
            List<BusinessDayView> days = overview.days(from, to);
            TableOutput output = TableOutput.start(format, COLUMNS, console.out());
            boolean attention = false;
            for (BusinessDayView day : days) {
                attention |= day.status() == BusinessDayView.Status.FAILED || day.status() == BusinessDayView.Status.NEEDS_ATTENTION;
                output.row(day.date().toString(), day.status().name(), String.join("; ", day.why()),
                        String.join(", ", day.files().stream().map(file -> file.name() + (file.status().equals("IMPORTED") ? ""
                                : " (" + file.status() + ")")).toList()),
                        jobs(day.jobs()));
            }
            output.finish();
            long behind = overview.behind();
            if (behind > 1) {
                console.error("the books are " + behind + " banking days behind the clock: the first of them is listed above");
            }
            return attention ? SettleCommand.NEEDS_ATTENTION : SettleCommand.OK;
        }
    }

    /** The jobs that did not complete by name, id and status; the completed ones counted. */
    private static String jobs(List<ExecutionSummary> jobs) {
        List<String> cells = new java.util.ArrayList<>(jobs.stream().filter(job -> !"COMPLETED".equals(job.status()))
                .map(job -> job.job() + " #" + job.id() + " " + JobsCommand.status(job)).toList());
        long completed = jobs.stream().filter(job -> "COMPLETED".equals(job.status())).count();
        if (completed > 0) {
            cells.add(completed + " completed");
        }
        return String.join(", ", cells);
    }
}
