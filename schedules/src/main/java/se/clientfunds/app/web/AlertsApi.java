package se.clientfunds.app.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.clientfunds.monitoring.Alerts;

/**
 * Monitoring alerts for compliance: listed and read by those who may see them (READ_ALERTS), worked through and a hold
 * released by compliance analysts (WORK_ALERTS); releasing a held payment takes two of them.
 */
@RestController
@RequestMapping("/api/v1")
class AlertsApi {

    /** An alert; amounts as decimal text with their currency, null when the alert is not about an amount. */
    record AlertView(long id, String rule, String severity, LocalDate businessDate, String subjectKind, String subject,
                     String amount, String currency, List<String> payments, boolean held, String explanation, String status,
                     String analyst) {

        static AlertView of(Alerts.Alert alert) {
            return new AlertView(alert.id(), alert.rule().name(), alert.severity().name(), alert.businessDate(),
                    alert.subjectKind().name(), alert.subject(), alert.amount() == null ? null : alert.amount().toDecimalString(),
                    alert.amount() == null ? null : alert.amount().currency().getCurrencyCode(), alert.payments(), alert.held(),
                    alert.explanation(), alert.status().name(), alert.analyst());
        }
    }

    /** An alert with everything done with it. */
    record AlertDetail(AlertView alert, List<Event> history) {
    }

    record Event(String action, String from, String to, String operator, LocalDateTime at, String comment) {
    }

    /** What a release-hold request did: {@code released} false while the release waits for a second person. */
    record Release(AlertView alert, boolean released, String proposedBy, List<String> payments) {
    }

    /** A filing made: where it was written and its SHA-256. */
    record Filed(long alertId, String file, String sha256) {
    }

    private final Alerts alerts;
    private final se.clientfunds.monitoring.Filings filings;

    AlertsApi(Alerts alerts, se.clientfunds.monitoring.Filings filings) {
        this.alerts = alerts;
        this.filings = filings;
    }

    @PostMapping("/alerts/{id}/file")
    @PreAuthorize("hasAuthority('WORK_ALERTS')")
    Filed file(@PathVariable long id, @RequestBody(required = false) ActionRequest request, Authentication who) {
        se.clientfunds.monitoring.Filings.Filing filing = filings.file(id, who.getName(), ActionRequest.reasonOf(request));
        return new Filed(filing.alertId(), filing.file().getFileName().toString(), filing.sha256());
    }

    @GetMapping("/alerts")
    @PreAuthorize("hasAuthority('READ_ALERTS')")
    List<AlertView> list(@RequestParam(required = false) LocalDate date, @RequestParam(required = false) String status) {
        Alerts.Status wanted = null;
        if (status != null) {
            try {
                wanted = Alerts.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidField("status", "status '" + status + "' is not one of " + java.util.Arrays.toString(Alerts.Status.values()));
            }
        }
        return alerts.list(date, wanted, 10_000).stream().map(AlertView::of).toList();
    }

    @GetMapping("/alerts/{id}")
    @PreAuthorize("hasAuthority('READ_ALERTS')")
    AlertDetail get(@PathVariable long id) {
        return new AlertDetail(AlertView.of(alerts.get(id)), alerts.history(id).stream().map(event -> new Event(event.action(),
                event.from().name(), event.to().name(), event.operator(), event.at(), event.comment())).toList());
    }

    @PostMapping("/alerts/{id}/{action:assign|comment|close|escalate}")
    @PreAuthorize("hasAuthority('WORK_ALERTS')")
    AlertView act(@PathVariable long id, @PathVariable String action, @RequestBody(required = false) ActionRequest request,
                  Authentication who) {
        String reason = ActionRequest.reasonOf(request);
        return AlertView.of(switch (action) {
            case "assign" -> alerts.assign(id, who.getName(), reason);
            case "comment" -> alerts.comment(id, who.getName(), reason);
            case "close" -> alerts.close(id, who.getName(), reason);
            default -> alerts.escalate(id, who.getName(), reason);
        });
    }

    @PostMapping("/alerts/{id}/release-hold")
    @PreAuthorize("hasAuthority('WORK_ALERTS')")
    Release releaseHold(@PathVariable long id, @RequestBody(required = false) ActionRequest request, Authentication who) {
        Alerts.Release release = alerts.releaseHold(id, who.getName(), ActionRequest.reasonOf(request));
        return new Release(AlertView.of(release.alert()), release.released(), release.proposedBy(), release.payments());
    }
}
