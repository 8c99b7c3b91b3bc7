package se.clientfunds.app.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.monitoring.Alerts;
import se.clientfunds.report.TableFormat;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Lists monitoring alerts (sanctions matches; AML rules): id,rule,severity,subject,amount,currency,evidence,"
                + "status, of a business date or of every date, newest first.",
                "An analyst takes an alert into review (assign), comments, and closes it as a false positive or escalates it;"
                        + " each action is recorded with who and why. 'alerts show ID' prints one alert with its explanation"
                        + " and history."},
        subcommands = {AlertsCommand.Show.class, AlertsCommand.Assign.class, AlertsCommand.Comment.class,
                AlertsCommand.Close.class, AlertsCommand.Escalate.class, AlertsCommand.ReleaseHold.class, AlertsCommand.File.class})
class AlertsCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("id", "rule", "severity", "subject", "amount", "currency", "evidence", "status");

    @ParentCommand
    SettleCommand settle;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATE", description = "Business date, yyyy-MM-dd (default: every date).")
    LocalDate businessDate;

    @Option(names = "--status", paramLabel = "S",
            description = "Only alerts in this status: NEW, IN_REVIEW, CLOSED_FALSE_POSITIVE, ESCALATED or FILED.")
    Alerts.Status status;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    TableFormat format;

    final Console console;

    AlertsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = settle.openHome()) {
            TableOutput output = TableOutput.start(format, COLUMNS, console.out());
            for (Alerts.Alert alert : context.getBean(Alerts.class).list(businessDate, status, 10_000)) {
                output.row(Long.toString(alert.id()), alert.rule().name(), alert.severity().name(), alert.subject(),
                        alert.amount() == null ? "" : alert.amount().toDecimalString(),
                        alert.amount() == null ? "" : alert.amount().currency().getCurrencyCode(),
                        evidence(alert, format), alert.status().name());
            }
            output.finish();
            return SettleCommand.OK;
        }
    }

    /**
     * The payments an alert rests on: all of them in CSV and JSON; in a table, where a spike's dozens of payments would
     * push the status off the screen, the first and how many more ({@code settle alerts show ID} lists them all).
     */
    static String evidence(Alerts.Alert alert, TableFormat format) {
        List<String> payments = alert.payments();
        String listed = format == TableFormat.TABLE && payments.size() > 3
                ? payments.get(0) + " and " + (payments.size() - 1) + " more" : String.join(" ", payments);
        return listed + (alert.held() ? " (held)" : "");
    }

    /** One alert in full: why it was raised, and everything done with it since. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints one alert with its explanation and history.")
    static class Show implements Callable<Integer> {

        @ParentCommand
        AlertsCommand alerts;

        @Parameters(index = "0", paramLabel = "ID", description = "The alert (see settle alerts).")
        long id;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = alerts.settle.openHome()) {
                Alerts service = context.getBean(Alerts.class);
                Alerts.Alert alert = service.get(id);
                Console console = alerts.console;
                console.println("alert " + alert.id() + ": " + alert.rule() + ", " + alert.severity() + ", " + alert.status()
                        + (alert.analyst() == null ? "" : ", analyst " + alert.analyst()));
                console.println("business date: " + alert.businessDate());
                console.println(alert.subjectKind().name().toLowerCase(Locale.ROOT) + ": " + alert.subject());
                if (alert.amount() != null) {
                    console.println("amount: " + alert.amount().toDecimalString() + " " + alert.amount().currency().getCurrencyCode());
                }
                console.println("payments: " + String.join(" ", alert.payments()) + (alert.held() ? " (held from allocation)" : ""));
                console.println("why: " + alert.explanation());
                for (Alerts.Event event : service.history(id)) {
                    console.println("  " + se.clientfunds.jobs.RecordedTimes.withOffset(event.at()) + " " + event.operator() + " "
                            + event.action().toLowerCase(Locale.ROOT) + (event.from() == event.to() ? "" : " (" + event.from()
                            + " -> " + event.to() + ")") + ": " + event.comment());
                }
                return SettleCommand.OK;
            }
        }
    }

    /** What the analyst's actions share: the alert, the reason and who gives it. */
    abstract static class AlertAction implements Callable<Integer> {

        @ParentCommand
        AlertsCommand alerts;

        @Parameters(index = "0", paramLabel = "ID", description = "The alert (see settle alerts).")
        long id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded with the action).")
        String reason;

        @Option(names = "--operator", defaultValue = "${sys:user.name}", paramLabel = "NAME",
                description = "Who acts (default: the OS user).")
        String operator;

        abstract Alerts.Alert act(Alerts alerts);

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = alerts.settle.openHome()) {
                Alerts.Alert alert = act(context.getBean(Alerts.class));
                alerts.console.println("alert " + alert.id() + " (" + alert.rule() + ", " + alert.subject() + ") is "
                        + alert.status() + (alert.analyst() == null ? "" : ", analyst " + alert.analyst()));
                return SettleCommand.OK;
            }
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Takes the alert into review (NEW -> IN_REVIEW) with --operator as its analyst, or hands it over.")
    static class Assign extends AlertAction {

        @Override
        Alerts.Alert act(Alerts service) {
            return service.assign(id, operator, reason);
        }
    }

    @Command(name = "comment", mixinStandardHelpOptions = true, description = "Adds a comment (--reason) to the alert.")
    static class Comment extends AlertAction {

        @Override
        Alerts.Alert act(Alerts service) {
            return service.comment(id, operator, reason);
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Closes the alert as a false positive (refused while it holds a payment).")
    static class Close extends AlertAction {

        @Override
        Alerts.Alert act(Alerts service) {
            return service.close(id, operator, reason);
        }
    }

    @Command(name = "escalate", mixinStandardHelpOptions = true,
            description = "Escalates the alert: a suspicion to report to the FIU (goAML).")
    static class Escalate extends AlertAction {

        @Override
        Alerts.Alert act(Alerts service) {
            return service.escalate(id, operator, reason);
        }
    }

    @Command(name = "release-hold", mixinStandardHelpOptions = true,
            description = {"Refused (exit 2), naming where it is done: releasing the payments a sanctions hit holds is proposed"
                    + " and approved by two logged-in compliance analysts (API: POST /api/v1/alerts/ID/release-hold, or the"
                    + " console), because on the command line anyone can give any name."})
    static class ReleaseHold implements Callable<Integer> {

        @ParentCommand
        AlertsCommand alerts;

        @Parameters(index = "0", paramLabel = "ID", description = "The alert (see settle alerts).")
        long id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the payments may go on.")
        String reason;

        @Option(names = "--operator", defaultValue = "${sys:user.name}", paramLabel = "NAME",
                description = "Who proposes (default: the OS user).")
        String operator;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = alerts.settle.openHome()) {
                Alerts.Release release = context.getBean(Alerts.class).releaseHold(id, operator, reason);
                alerts.console.println("release of " + String.join(" ", release.payments()) + " (alert " + id + ") proposed by "
                        + release.proposedBy() + ": a second compliance analyst, logged in, releases them"
                        + " (POST /api/v1/alerts/" + id + "/release-hold)");
                return SettleCommand.OK;
            }
        }
    }

    @Command(name = "file", mixinStandardHelpOptions = true,
            description = {"Files an ESCALATED alert with the FIU: writes filings/<date>/goaml-<report-code>-<id>.xml, a goAML"
                    + " suspicious-transaction report of its payments validated against settlement.goaml.schema (refused,"
                    + " naming the element, when it does not validate), and marks the alert FILED."})
    static class File implements Callable<Integer> {

        @ParentCommand
        AlertsCommand alerts;

        @Parameters(index = "0", paramLabel = "ID", description = "The escalated alert (see settle alerts --status ESCALATED).")
        long id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is filed (recorded with it).")
        String reason;

        @Option(names = "--operator", defaultValue = "${sys:user.name}", paramLabel = "NAME",
                description = "Who files (default: the OS user).")
        String operator;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = alerts.settle.openHome()) {
                se.clientfunds.monitoring.Filings.Filing filing = context.getBean(se.clientfunds.monitoring.Filings.class)
                        .file(id, operator, reason);
                alerts.console.println("alert " + id + " FILED: " + filing.file() + " (SHA-256 " + filing.sha256() + ")");
                return SettleCommand.OK;
            }
        }
    }
}
