package se.clientfunds.app.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

import se.clientfunds.jobs.Causes;
import se.clientfunds.jobs.ColumnText;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells someone about a problem: one mail and one webhook call per problem per business day, however often the
 * schedules meet it again ({@code notification_sent}). A problem whose telling failed on every channel is not kept
 * as told, nor one claimed five minutes ago by a server that died before telling it: the next run tries again.
 */
@Service
@EnableConfigurationProperties(NotificationSettings.class)
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotificationSettings settings;
    private final ObjectProvider<JavaMailSender> mail;
    private final JdbcTemplate jdbc;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Notifications(NotificationSettings settings, ObjectProvider<JavaMailSender> mail, JdbcTemplate jdbc) {
        this.settings = settings;
        this.mail = mail;
        this.jdbc = jdbc;
    }

    /** Tells each problem not told yet today; returns those told now. */
    public List<Problem> tell(List<Problem> problems) {
        List<Problem> told = new ArrayList<>();
        for (Problem problem : problems) {
            String key = key(problem);
            // claimed by a server that died before telling anyone: claim it again
            jdbc.update("DELETE FROM notification_sent WHERE business_date = ? AND problem_key = ? AND channels = ''"
                    + " AND sent_at < CURRENT_TIMESTAMP(6) - INTERVAL 5 MINUTE", Date.valueOf(problem.day()), key);
            int fresh = jdbc.update("INSERT IGNORE INTO notification_sent (business_date, problem_key, status, summary, channels)"
                    + " VALUES (?, ?, ?, ?, '')", Date.valueOf(problem.day()), key, problem.status().name(),
                    ColumnText.fit(problem.summary(), 1000));
            if (fresh == 0) {
                continue;
            }
            List<String> channels = send(problem);
            if (channels.isEmpty() && (settings.mails() || settings.posts())) {
                jdbc.update("DELETE FROM notification_sent WHERE business_date = ? AND problem_key = ?", Date.valueOf(problem.day()), key);
                continue;
            }
            jdbc.update("UPDATE notification_sent SET channels = ? WHERE business_date = ? AND problem_key = ?",
                    channels.isEmpty() ? "log" : String.join(",", channels), Date.valueOf(problem.day()), key);
            told.add(problem);
        }
        return told;
    }

    private List<String> send(Problem problem) {
        List<String> channels = new ArrayList<>();
        if (!settings.mails() && !settings.posts()) {
            log.warn("{} {}: {} (no settlement.notifications configured: nobody was told)", problem.day(), problem.status(),
                    problem.summary());
            return channels;
        }
        if (settings.mails()) {
            try {
                JavaMailSender sender = mail.getIfAvailable();
                if (sender == null) {
                    throw new IllegalStateException("settlement.notifications.mail.to is set but spring.mail.host is not");
                }
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(settings.mail().from() == null ? "settlement@localhost" : settings.mail().from());
                message.setTo(settings.mail().to().toArray(String[]::new));
                message.setSubject(subject(problem));
                message.setText(body(problem));
                sender.send(message);
                channels.add("mail");
            } catch (RuntimeException e) {
                log.warn("mail about {} {} not sent: {}", problem.day(), problem.status(), Causes.rootMessage(e));
            }
        }
        if (settings.posts()) {
            try {
                int timeout = settings.webhook().timeoutSeconds() == null ? 10 : settings.webhook().timeoutSeconds();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.webhook().url()))
                        .timeout(Duration.ofSeconds(timeout)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(problem), StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("the webhook answered HTTP " + response.statusCode());
                }
                channels.add("webhook");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("webhook about {} {} not called: {}", problem.day(), problem.status(), Causes.rootMessage(e));
            }
        }
        return channels;
    }

    static String subject(Problem problem) {
        return "[settlement] " + problem.day() + " " + (problem.status() == Problem.Status.FAILED ? "FAILED" : "NEEDS ATTENTION")
                + ": " + ColumnText.fit(problem.summary(), 150);
    }

    static String body(Problem problem) {
        StringBuilder body = new StringBuilder();
        body.append("Business day: ").append(problem.day()).append('\n');
        body.append("Status:       ").append(problem.status()).append('\n');
        body.append("What:         ").append(problem.summary()).append("\n\n");
        body.append("To act on it:\n");
        problem.act().forEach(line -> body.append("  ").append(line).append('\n'));
        return body.toString();
    }

    static String json(Problem problem) {
        ObjectNode node = JSON.createObjectNode();
        node.put("day", problem.day().toString());
        node.put("status", problem.status().name());
        node.put("summary", problem.summary());
        node.putArray("act").addAll(problem.act().stream().map(JSON.getNodeFactory()::textNode).toList());
        // what chat tools show
        node.put("text", subject(problem) + "\n" + String.join("\n", problem.act()));
        return JSON.writeValueAsString(node);
    }

    /**
     * A problem is the same problem when its day, status and subject are (a job of the day, the import of a file),
     * however its cause is worded this time (a timeout's milliseconds, a lock wait); without a subject, when its summary
     * is, whichever execution met it: a job that fails again the same way on its restart is not news.
     */
    static String key(Problem problem) {
        String what = problem.subject() != null ? "subject " + problem.subject()
                : problem.summary().replaceAll("job execution \\d+", "job execution");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((problem.day() + "|" + problem.status()
                    + "|" + what).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
