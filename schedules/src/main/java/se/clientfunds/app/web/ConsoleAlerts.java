package se.clientfunds.app.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.clientfunds.monitoring.Alerts;
import se.clientfunds.monitoring.Filings;
import se.clientfunds.outcome.InputError;

/**
 * The console's Alerts pages, for compliance: the alerts with a filter by status and date, one alert with its
 * explanation and history, and the analyst's actions (assign, comment, close, escalate, release a hold with a second
 * analyst, file with the FIU), over the same services as the API and the command line.
 */
@Controller
class ConsoleAlerts {

    private final Alerts alerts;
    private final Filings filings;

    ConsoleAlerts(Alerts alerts, Filings filings) {
        this.alerts = alerts;
        this.filings = filings;
    }

    @GetMapping("/console/alerts")
    @PreAuthorize("hasAuthority('READ_ALERTS')")
    String list(@RequestParam(required = false) String status,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        Alerts.Status wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = Alerts.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                model.addAttribute("error", "status '" + status + "' is not one of " + java.util.Arrays.toString(Alerts.Status.values()));
            }
        }
        model.addAttribute("alerts", alerts.list(date, wanted, 1_000));
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("date", date);
        model.addAttribute("statuses", Alerts.Status.values());
        return "console/alerts";
    }

    @GetMapping("/console/alerts/{id}")
    @PreAuthorize("hasAuthority('READ_ALERTS')")
    String alert(@PathVariable long id, Model model, RedirectAttributes flash) {
        try {
            model.addAttribute("alert", alerts.get(id));
        } catch (InputError missing) {
            flash.addFlashAttribute("error", missing.getMessage());
            return "redirect:/console/alerts";
        }
        model.addAttribute("history", alerts.history(id));
        return "console/alert";
    }

    @PostMapping("/console/alerts/{id}/{action}")
    @PreAuthorize("hasAuthority('WORK_ALERTS')")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String reason,
               java.security.Principal who, RedirectAttributes flash) {
        try {
            String said = switch (action) {
                case "assign" -> "alert " + id + " is " + alerts.assign(id, who.getName(), reason).status();
                case "comment" -> {
                    alerts.comment(id, who.getName(), reason);
                    yield "alert " + id + ": comment recorded";
                }
                case "close" -> "alert " + id + " is " + alerts.close(id, who.getName(), reason).status();
                case "escalate" -> "alert " + id + " is " + alerts.escalate(id, who.getName(), reason).status();
                case "release-hold" -> {
                    Alerts.Release release = alerts.releaseHold(id, who.getName(), reason);
                    yield release.released() ? "alert " + id + ": " + String.join(" ", release.payments()) + " released (proposed by "
                            + release.proposedBy() + "): the next allocation takes them"
                            : "alert " + id + ": release proposed; a second analyst releases it";
                }
                case "file" -> "alert " + id + " FILED: " + filings.file(id, who.getName(), reason).file().getFileName();
                default -> throw new InputError("no action '" + action + "' on an alert");
            };
            flash.addFlashAttribute("message", said);
        } catch (InputError | IllegalArgumentException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/console/alerts/" + id;
    }
}
