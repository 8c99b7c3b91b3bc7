package se.clientfunds.app.web;

import java.security.Principal;
import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.clientfunds.operations.BusinessDayOverview;
import se.clientfunds.operations.ExecutionQuery;
import se.clientfunds.operations.JobOperations;
import se.clientfunds.outcome.InputError;

/**
 * The operators' console, server-rendered over the same operations service as the CLI and the API: Today (the latest
 * business days, what needs attention in red), Executions (filtered), one Execution (steps, the root cause, and the
 * actions the user's roles allow, each with its reason). No decision is taken here.
 */
@Controller
class ConsoleController {

    private final BusinessDayOverview days;
    private final JobOperations operations;

    ConsoleController(BusinessDayOverview days, JobOperations operations) {
        this.days = days;
        this.operations = operations;
    }

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    @PreAuthorize("hasAuthority('READ')")
    String today(Model model) {
        model.addAttribute("days", days.days(null, null));
        return "console/today";
    }

    @GetMapping("/console/days/{date}")
    @PreAuthorize("hasAuthority('READ')")
    String day(@PathVariable LocalDate date, Model model) {
        model.addAttribute("day", days.day(date));
        return "console/day";
    }

    @GetMapping("/console/executions")
    @PreAuthorize("hasAuthority('READ')")
    String executions(@RequestParam(required = false) String status, @RequestParam(required = false) String job,
                      @RequestParam(required = false) LocalDate date, @RequestParam(defaultValue = "0") int page, Model model) {
        ExecutionQuery query = new ExecutionQuery(blankToNull(job), blankToNull(status), date, page, 50);
        model.addAttribute("executions", operations.list(query));
        model.addAttribute("total", operations.count(query));
        model.addAttribute("status", status);
        model.addAttribute("job", job);
        model.addAttribute("date", date);
        model.addAttribute("page", page);
        return "console/executions";
    }

    @GetMapping("/console/executions/{id}")
    @PreAuthorize("hasAuthority('READ')")
    String execution(@PathVariable long id, Model model) {
        model.addAttribute("execution", operations.show(id));
        model.addAttribute("actions", operations.actions(id));
        return "console/execution";
    }

    /** Restart, stop, abandon or recover, with the reason typed beside the button; the outcome is said on the page. */
    @PostMapping("/console/executions/{id}/{action}")
    @PreAuthorize("hasAuthority('OPERATE_JOBS')")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String reason,
               Principal who, RedirectAttributes flash) {
        try {
            JobOperations.Outcome outcome = switch (action) {
                case "restart" -> operations.restart(id, who.getName(), reason);
                case "stop" -> operations.stop(id, who.getName(), reason);
                case "abandon" -> operations.abandon(id, who.getName(), reason);
                case "recover" -> operations.recover(id, who.getName(), reason);
                default -> throw new InputError("no action '" + action + "': restart, stop, abandon or recover");
            };
            flash.addFlashAttribute(outcome.jobFailed() ? "error" : "message", outcome.message());
            return "redirect:/console/executions/" + outcome.result().id();
        } catch (InputError | se.clientfunds.outcome.JobFailed refused) {
            flash.addFlashAttribute("error", refused.getMessage());
            return "redirect:/console/executions/" + id;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
