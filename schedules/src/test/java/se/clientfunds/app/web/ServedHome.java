package se.clientfunds.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import se.clientfunds.app.Console;
import se.clientfunds.app.SettlementContext;
import se.clientfunds.app.cli.SettleCommand;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.jobs.JobName;

/**
 * A home served as {@code settle serve} serves it (its scheduler not started: nothing fires), with a user of each role
 * (named as the role, in lower case) and one more, {@code guessed}: Friday 2 January closed and reconciled, Monday 5
 * January's reconciliation failed (its table full), waiting for an operator.
 */
final class ServedHome implements AutoCloseable {

    static final String PASSWORD = "correct horse battery";
    static final LocalDate FRI_2 = LocalDate.of(2026, 1, 2);
    static final LocalDate MON_5 = LocalDate.of(2026, 1, 5);

    final ConfigurableApplicationContext context;
    final JdbcTemplate jdbc;
    final long failedReconciliation;
    /** What the CLI printed before the home was served, by its arguments after --home. */
    final Map<String, String> printedBefore;

    private ServedHome(ConfigurableApplicationContext context, long failedReconciliation, Map<String, String> printedBefore) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.failedReconciliation = failedReconciliation;
        this.printedBefore = printedBefore;
    }

    /** Makes and serves the home in {@code dir}; {@code before} are CLI commands whose output is kept (run first). */
    static ServedHome in(Path dir, List<List<String>> before) throws Exception {
        Path generated = dir.resolve("generated");
        Path home = dir.resolve("home");
        assertThat(settle(null, "generate", "--out", generated.toString(), "--clients", "4", "--days", "2",
                "--payments-per-day", "20", "--anomaly-rate", "250")).isZero();
        Files.createDirectories(home.resolve("inbox"));
        for (String file : List.of("clients.csv", "invoices.csv", "refunds.csv", "camt054-20260102.xml", "camt053-20260102.xml")) {
            Files.copy(generated.resolve(file), home.resolve("inbox").resolve(file));
        }
        assertThat(settle(null, "--home", home.toString(), "run-day", FRI_2.toString()))
                .isIn(SettleCommand.OK, SettleCommand.NEEDS_ATTENTION);
        Map<String, String> printed = new LinkedHashMap<>();
        for (List<String> command : before) {
            StringWriter out = new StringWriter();
            List<String> args = new java.util.ArrayList<>(List.of("--home", home.toString()));
            args.addAll(command);
            assertThat(settle(out, args.toArray(String[]::new))).as(String.join(" ", command))
                    .isIn(SettleCommand.OK, SettleCommand.NEEDS_ATTENTION);
            printed.put(String.join(" ", command), out.toString());
        }
        for (String file : List.of("camt054-20260105.xml", "camt053-20260105.xml")) {
            Files.copy(generated.resolve(file), home.resolve("inbox").resolve(file));
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("settlement.management.port", "0");
        settings.put("settlement.schedules.inbox-poll.enabled", "false");
        // four eyes: Friday's largest break (217379.32) and the larger unallocated payment (31035.00) need a second person
        settings.put("settlement.approvals.break-resolve-above.SEK", "200000.00");
        settings.put("settlement.approvals.allocate-above.SEK", "20000.00");
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        int user = 0;
        for (String name : userNames()) {
            settings.put("settlement.security.users[" + user + "].name", name);
            settings.put("settlement.security.users[" + user + "].password", hash);
            settings.put("settlement.security.users[" + user + "].roles[0]", name.equals("guessed") ? Role.AUDITOR.name()
                    : name.replace("2", "").toUpperCase());
            user++;
        }
        ConfigurableApplicationContext context = SettlementContext.serve(home, new Console(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false), settings);
        // the schedules in Quartz as serve puts them there
        context.getBean(se.clientfunds.app.schedule.Schedules.class).reconcile();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        jdbc.execute("CREATE TRIGGER test_fail_reconciliation_day BEFORE INSERT ON reconciliation_day FOR EACH ROW"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no space left (test)'");
        long failed;
        try {
            failed = context.getBean(DailyCycle.class).run(MON_5).jobs().stream()
                    .filter(job -> job.job() == JobName.RECONCILE).findFirst().orElseThrow().jobExecutionId();
        } finally {
            jdbc.execute("DROP TRIGGER test_fail_reconciliation_day");
        }
        return new ServedHome(context, failed, printed);
    }

    private static List<String> userNames() {
        List<String> names = new java.util.ArrayList<>();
        for (Role role : Role.values()) {
            names.add(role.name().toLowerCase());
        }
        names.add("guessed");
        // a second person for four eyes
        names.add("finance2");
        names.add("compliance2");
        return names;
    }

    /** The port the server listens on (127.0.0.1). */
    int port() {
        return ((org.springframework.boot.web.server.context.WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    private static int settle(StringWriter out, String... args) {
        return SettleCommand.execute(args, new Console(new PrintWriter(out == null ? new StringWriter() : out),
                new PrintWriter(new StringWriter()), false));
    }
}
