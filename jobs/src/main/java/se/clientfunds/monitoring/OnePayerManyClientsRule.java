package se.clientfunds.monitoring;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code ONE_PAYER_MANY_CLIENTS}: one payer whose payments within {@code window-days} banking days (the business day
 * included) went to at least {@code min-clients} different clients; reported on a day one of them was allocated.
 */
public final class OnePayerManyClientsRule {

    /** A payment's share that paid a client, allocated on a day. */
    public record ClientPayment(String paymentKey, String clientId, LocalDate day) {
    }

    private final MonitoringSettings.RuleSetting setting;

    public OnePayerManyClientsRule(MonitoringSettings.RuleSetting setting) {
        if (setting.rule() != AlertRule.ONE_PAYER_MANY_CLIENTS) {
            throw new IllegalArgumentException("not a ONE_PAYER_MANY_CLIENTS setting: " + setting.rule());
        }
        this.setting = setting;
    }

    public int windowDays() {
        return setting.windowDays();
    }

    /** The alert for one payer's client payments in the window ending on {@code day}, if they reach enough clients. */
    public Optional<NewAlert> evaluate(String payer, LocalDate day, List<ClientPayment> window) {
        TreeSet<String> clients = new TreeSet<>();
        window.forEach(payment -> clients.add(payment.clientId()));
        if (clients.size() < setting.minClients() || window.stream().noneMatch(payment -> payment.day().equals(day))) {
            return Optional.empty();
        }
        List<String> keys = window.stream().sorted(Comparator.comparing(ClientPayment::day).thenComparing(ClientPayment::paymentKey))
                .map(ClientPayment::paymentKey).distinct().toList();
        return Optional.of(new NewAlert(AlertRule.ONE_PAYER_MANY_CLIENTS, setting.severity(), day, NewAlert.SubjectKind.PAYER,
                payer, Rules.evidenceKey(keys), null, payer + " paid " + clients.size() + " different clients within "
                        + setting.windowDays() + " banking days (" + String.join(", ", clients) + ") in " + keys.size()
                        + " payments (ONE_PAYER_MANY_CLIENTS in force from " + setting.validFrom() + ")", null, keys));
    }
}
