package se.clientfunds.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sun.net.httpserver.HttpServer;

import se.clientfunds.app.Console;
import se.clientfunds.app.SettlementContext;
import se.clientfunds.app.cli.SettleCommand;
import se.clientfunds.app.schedule.ScheduledTasks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scheduled daily cycle that fails tells someone once: one mail through a real SMTP server and one JSON POST to a
 * real HTTP listener, both on loopback, with the day, what failed and the commands to act on it; meeting the same
 * failure again the same day tells nobody.
 */
class NotificationsIT {

    @TempDir
    Path dir;

    private final List<String> posted = new CopyOnWriteArrayList<>();
    private HttpServer webhook;
    private LoopbackSmtpServer smtp;

    @AfterEach
    void stopServers() throws Exception {
        if (webhook != null) {
            webhook.stop(0);
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void aFailingScheduledDayIsToldOnceByMailAndWebhook() throws Exception {
        // given a home whose 2 January closed, and 5 January's bank files waiting
        Path generated = dir.resolve("generated");
        assertThat(settle("generate", "--out", generated.toString(), "--clients", "4", "--days", "2", "--payments-per-day", "20"))
                .isZero();
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("inbox"));
        for (String file : List.of("clients.csv", "invoices.csv", "refunds.csv", "camt054-20260102.xml", "camt053-20260102.xml")) {
            Files.copy(generated.resolve(file), home.resolve("inbox").resolve(file));
        }
        assertThat(settle("--home", home.toString(), "run-day", "2026-01-02")).isIn(0, 3);
        for (String file : List.of("camt054-20260105.xml", "camt053-20260105.xml")) {
            Files.copy(generated.resolve(file), home.resolve("inbox").resolve(file));
        }
        // and a mail server and a webhook listening on loopback
        smtp = new LoopbackSmtpServer();
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/hook", exchange -> {
            posted.add(exchange.getRequestHeaders().getFirst("Content-Type") + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();

        try (ConfigurableApplicationContext context = SettlementContext.start(home, quiet(), Map.of(
                "settlement.clock.now", "2026-01-07T06:30:00+01:00",
                "settlement.notifications.mail.to", "ops@example.com",
                "settlement.notifications.mail.from", "settlement@example.com",
                "spring.mail.host", "127.0.0.1", "spring.mail.port", Integer.toString(smtp.port()),
                "settlement.notifications.webhook.url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook"))) {
            // when 5 January's reconciliation fails in the scheduled cycle
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("CREATE TRIGGER test_fail_reconciliation_day BEFORE INSERT ON reconciliation_day FOR EACH ROW"
                    + " BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full (test)'; END");
            ScheduledTasks tasks = context.getBean(ScheduledTasks.class);
            tasks.dailyCycle("daily-cycle", false);
            long failed = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'", Long.class);

            // then one mail and one webhook call say so, with the day, what failed and what to run
            assertThat(smtp.messages()).singleElement().satisfies(message -> {
                assertThat(message.recipients()).containsExactly("ops@example.com");
                // headers unfolded: a long subject is sent over several lines
                assertThat(message.data().replaceAll("\n[ \t]+", " ")).contains("Subject: [settlement] 2026-01-05 FAILED:"
                        + " reconcileJob (job execution " + failed
                        + ") failed: step reconcileAccounts: disk full (test)");
                assertThat(message.data()).contains("Business day: 2026-01-05", "Status:       FAILED",
                        "  settle jobs restart " + failed + " --reason TEXT");
            });
            assertThat(posted).singleElement().satisfies(post -> {
                assertThat(post).startsWith("application/json\n");
                JsonNode json = JsonMapper.builder().build().readTree(post.substring(post.indexOf('\n') + 1));
                assertThat(json.get("day").asString()).isEqualTo("2026-01-05");
                assertThat(json.get("status").asString()).isEqualTo("FAILED");
                assertThat(json.get("summary").asString()).isEqualTo("reconcileJob (job execution " + failed
                        + ") failed: step reconcileAccounts: disk full (test)");
                assertThat(json.get("act").get(1).asString()).isEqualTo("settle jobs restart " + failed + " --reason TEXT");
                assertThat(json.get("text").asString()).startsWith("[settlement] 2026-01-05 FAILED: ");
            });

            // when the cycle fires again and the restarted reconciliation fails the same way, then nobody is told again
            tasks.dailyCycle("daily-cycle", false);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'", Long.class))
                    .isEqualTo(2);
            assertThat(smtp.messages()).hasSize(1);
            assertThat(posted).hasSize(1);
            assertThat(jdbc.queryForList("SELECT CONCAT(business_date, ' ', status, ' ', channels) FROM notification_sent",
                    String.class)).containsExactly("2026-01-05 FAILED mail,webhook");
            posted.clear();
            jdbc.execute("DROP TRIGGER test_fail_reconciliation_day");

            // when a problem was claimed by a server that died before telling it, then the next run tells it
            Problem orphan = new Problem(java.time.LocalDate.of(2026, 1, 5), Problem.Status.NEEDS_ATTENTION,
                    "safeguarding shortfall of 1.00 SEK", List.of("settle days"));
            jdbc.update("INSERT INTO notification_sent (business_date, problem_key, status, summary, channels, sent_at)"
                    + " VALUES ('2026-01-05', ?, 'NEEDS_ATTENTION', 'x', '', CURRENT_TIMESTAMP(6) - INTERVAL 10 MINUTE)",
                    Notifications.key(orphan));
            assertThat(context.getBean(Notifications.class).tell(List.of(orphan))).containsExactly(orphan);
            assertThat(smtp.messages()).hasSize(2);
            assertThat(smtp.messages().get(1).data().replaceAll("\n[ \t]+", " ")).contains("Subject: [settlement] 2026-01-05 NEEDS ATTENTION: safeguarding"
                    + " shortfall of 1.00 SEK");
            // and one claimed a moment ago is left to the server telling it
            Problem claimed = new Problem(java.time.LocalDate.of(2026, 1, 5), Problem.Status.NEEDS_ATTENTION,
                    "safeguarding shortfall of 2.00 SEK", List.of("settle days"));
            jdbc.update("INSERT INTO notification_sent (business_date, problem_key, status, summary, channels)"
                    + " VALUES ('2026-01-05', ?, 'NEEDS_ATTENTION', 'x', '')", Notifications.key(claimed));
            assertThat(context.getBean(Notifications.class).tell(List.of(claimed))).isEmpty();
            assertThat(smtp.messages()).hasSize(2);
        }
    }

    private static int settle(String... args) {
        return SettleCommand.execute(args, quiet());
    }

    private static Console quiet() {
        return new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
    }
}
