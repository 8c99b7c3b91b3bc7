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
    /** Runs the restarts asked from the console; a job it runs is stopped at shutdown like any other (StopJobsOnShutdown). */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleController.class);

    /** At most four restarts from the console at once (each waits for the books' lock anyway); a fifth is refused. */
    private final java.util.concurrent.ExecutorService executor = new java.util.concurrent.ThreadPoolExecutor(0, 4, 60,
            java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), work -> {
                Thread thread = new Thread(work, "console-restart");
                thread.setDaemon(true);
                return thread;
            });

    ConsoleController(BusinessDayOverview days, JobOperations operations) {
        this.days = days;
        this.operations = operations;
    }

    @jakarta.annotation.PreDestroy
    void stopRestarting() {
        executor.shutdown();
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

    @GetMapping("/console/executions")
    @PreAuthorize("hasAuthority('READ')")
    String executions(@RequestParam(required = false) String status, @RequestParam(required = false) String job,
                      @RequestParam(required = false) LocalDate date, @RequestParam(defaultValue = "0") int page, Model model) {
        ExecutionQuery query = new ExecutionQuery(blankToNull(job), blankToNull(status), date, page, 50);
        java.util.List<se.clientfunds.operations.ExecutionSummary> listed = operations.list(query);
        model.addAttribute("executions", listed);
        // the progress of those that run (items done of those expected), for their bars
        java.util.Map<Long, Long> percent = new java.util.HashMap<>();
        listed.stream().filter(se.clientfunds.operations.ExecutionSummary::markedRunning).forEach(running -> {
            se.clientfunds.operations.ExecutionDetail detail = operations.show(running.id());
            percent.put(running.id(), detail.itemsExpected() > 0 ? Math.min(100, detail.itemsDone() * 100 / detail.itemsExpected()) : 0);
        });
        model.addAttribute("progress", percent);
        model.addAttribute("total", operations.count(query));
        model.addAttribute("status", status);
        model.addAttribute("job", job);
        model.addAttribute("date", date);
        model.addAttribute("page", page);
        // what the table asks for again while an execution runs: this page, with its filters
        model.addAttribute("refresh", org.springframework.web.util.UriComponentsBuilder.fromPath("/console/executions")
                .queryParamIfPresent("status", java.util.Optional.ofNullable(blankToNull(status)))
                .queryParamIfPresent("job", java.util.Optional.ofNullable(blankToNull(job)))
                .queryParamIfPresent("date", java.util.Optional.ofNullable(date)).queryParam("page", page).encode().toUriString());
        return "console/executions";
    }

    @GetMapping("/console/executions/{id}")
    @PreAuthorize("hasAuthority('READ')")
    String execution(@PathVariable long id, Model model) {
        model.addAttribute("execution", operations.show(id));
        model.addAttribute("actions", operations.actions(id));
        return "console/execution";
    }

    /** The live part of an execution's page (status, progress, steps), which the page asks for again while it runs. */
    @GetMapping("/console/executions/{id}/live")
    @PreAuthorize("hasAuthority('READ')")
    String live(@PathVariable long id, Model model) {
        model.addAttribute("execution", operations.show(id));
        return "console/execution :: live";
    }

    /**
     * Restart, stop, abandon or recover, with the reason typed beside the button; the outcome is said on the page. A
     * restart runs on in the background once it has started: the page of the new execution follows it live.
     */
    @PostMapping("/console/executions/{id}/{action}")
    @PreAuthorize("hasAuthority('OPERATE_JOBS')")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String reason,
               Principal who, RedirectAttributes flash) throws InterruptedException {
        if ("restart".equals(action)) {
            return restart(id, reason, who, flash);
        }
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

    private String restart(long id, String reason, Principal who, RedirectAttributes flash) throws InterruptedException {
        se.clientfunds.operations.Actor actor = se.clientfunds.operations.Actor.current();
        long actionsBefore = operations.latestActionId();
        java.util.concurrent.Future<JobOperations.Outcome> running;
        try {
            running = executor.submit(() -> {
                try {
                    return se.clientfunds.operations.Actor.as(actor, () -> operations.restart(id, who.getName(), reason));
                } catch (RuntimeException failed) {
                    // said on the page when it comes while the request waits; logged in any case, the page may have moved on
                    LOG.warn("the restart of job execution {} asked by {} in the console ended: {}", id, who.getName(),
                            failed.getMessage());
                    throw failed;
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException busy) {
            flash.addFlashAttribute("error", "too many restarts are running from the console now: try again when one has ended");
            return "redirect:/console/executions/" + id;
        }
        // until it is refused or ends, or this restart's own record names the execution it started (then the page follows it)
        // (longer than an operator's wait for the books' lock, so that a refusal for want of it is said here)
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (running.isDone()) {
                try {
                    JobOperations.Outcome outcome = running.get();
                    flash.addFlashAttribute(outcome.jobFailed() ? "error" : "message", outcome.message());
                    return "redirect:/console/executions/" + outcome.result().id();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof InputError || e.getCause() instanceof se.clientfunds.outcome.JobFailed) {
                        flash.addFlashAttribute("error", e.getCause().getMessage());
                    } else {
                        LOG.error("the restart of job execution {} asked by {} failed", id, who.getName(), e.getCause());
                        flash.addFlashAttribute("error", "the restart of job execution " + id + " failed unexpectedly: the"
                                + " server's log says why");
                    }
                    return "redirect:/console/executions/" + id;
                }
            }
            java.util.Optional<Long> started = operations.restartedAs(id, who.getName(), actionsBefore);
            if (started.isPresent()) {
                flash.addFlashAttribute("message", "job execution " + id + " (" + operations.show(started.get()).summary().job()
                        + ") restarted as job execution " + started.get() + " by " + who.getName() + ": it runs, this page"
                        + " follows it");
                return "redirect:/console/executions/" + started.get();
            }
            Thread.sleep(100);
        }
        flash.addFlashAttribute("message", "the restart of job execution " + id + " has not started after 15 seconds: see"
                + " Executions for the new one, or the server's log for why");
        return "redirect:/console/executions/" + id;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
