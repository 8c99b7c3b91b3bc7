package se.clientfunds.app.notify;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who is told when a scheduled run fails or a day needs attention ({@code settlement.notifications}): mail to
 * {@code mail.to} through the server {@code spring.mail.*} names, and/or a JSON POST to {@code webhook.url} (chat
 * tools take these). Neither configured: nobody is told, and the log says so once per problem.
 */
@ConfigurationProperties("settlement.notifications")
public record NotificationSettings(Mail mail, Webhook webhook) {

    /** @param to the addresses; @param from the sender (default settlement@localhost) */
    public record Mail(List<String> to, String from) {
    }

    /** @param url where the JSON is posted; @param timeoutSeconds how long to wait for it (default 10) */
    public record Webhook(String url, Integer timeoutSeconds) {
    }

    boolean mails() {
        return mail != null && mail.to() != null && !mail.to().isEmpty();
    }

    boolean posts() {
        return webhook != null && webhook.url() != null && !webhook.url().isBlank();
    }
}
