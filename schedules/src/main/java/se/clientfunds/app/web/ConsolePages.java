package se.clientfunds.app.web;

import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.quartz.SchedulerException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.clientfunds.allocation.AllocationQueries;
import se.clientfunds.allocation.ManualAllocation;
import se.clientfunds.app.DayTables;
import se.clientfunds.app.schedule.Schedules;
import se.clientfunds.approvals.ApprovalRequests;
import se.clientfunds.approvals.Approvals;
import se.clientfunds.operations.AuditTrail;
import se.clientfunds.operations.BusinessDayOverview;
import se.clientfunds.outcome.InputError;
import se.clientfunds.reconciliation.ReconciliationQueries;
import se.clientfunds.reconciliation.SafeguardingSignOffs;

/**
 * The console's pages beyond the jobs: a business day's figures (positions, reconciliation, breaks to resolve or
 * explain, safeguarding with its sign-offs, the reports and whether they verify), Unallocated (allocate by hand after
 * seeing the fee and what remains), Approvals (four eyes), Schedules and the Audit trail. Every action goes to the same
 * service the CLI and the API use, with the reason typed beside its button; a refusal is said on the page.
 */
@Controller
class ConsolePages {

    private final BusinessDayOverview days;
    private final DayTables tables;
    private final ReconciliationQueries reconciliation;
    private final SafeguardingSignOffs signOffs;
    private final ReportsApi reports;
    private final AllocationQueries allocations;
    private final ManualAllocation allocation;
    private final ApprovalRequests requests;
    private final Approvals approvals;
    private final Schedules schedules;
    private final AuditTrail audit;

    ConsolePages(BusinessDayOverview days, DayTables tables, ReconciliationQueries reconciliation, SafeguardingSignOffs signOffs,
                 ReportsApi reports, AllocationQueries allocations, ManualAllocation allocation, ApprovalRequests requests,
                 Approvals approvals, Schedules schedules, AuditTrail audit) {
        this.days = days;
        this.tables = tables;
        this.reconciliation = reconciliation;
        this.signOffs = signOffs;
        this.reports = reports;
        this.allocations = allocations;
        this.allocation = allocation;
        this.requests = requests;
        this.approvals = approvals;
        this.schedules = schedules;
        this.audit = audit;
    }

    // --- a business day

    @GetMapping("/console/days/{date}")
    @PreAuthorize("hasAuthority('READ')")
    String day(@PathVariable LocalDate date, Model model) {
        model.addAttribute("day", days.day(date));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("positions", table(() -> tables.positions(date)));
        figures.put("reconciliation", table(() -> tables.reconciliation(date)));
        figures.put("breaks", table(() -> tables.breaks(date)));
        figures.put("safeguarding", table(() -> tables.safeguarding(date)));
        model.addAttribute("figures", figures);
        model.addAttribute("signOffs", signOffs.of(date));
        // what a sign-off from this page signs: the figures shown, per currency
        model.addAttribute("statements", signOffs.figures(date));
        java.util.Set<String> breaks = figures.get("breaks") instanceof DayTables.Table table
                ? table.rows().stream().map(row -> row.get(0)).collect(java.util.stream.Collectors.toSet()) : java.util.Set.of();
        model.addAttribute("waiting", requests.list(ApprovalRequests.Status.PROPOSED, 500).stream()
                .filter(request -> request.kind() == ApprovalRequests.Kind.RESOLVE_BREAK
                        && breaks.contains(String.valueOf(request.breakId()))).toList());
        try {
            model.addAttribute("reports", reports.reports(date, null));
            model.addAttribute("verification", reports.verify(date));
        } catch (InputError none) {
            model.addAttribute("reportsMissing", none.getMessage());
        }
        return "console/day";
    }

    /** A figure table, or why the day has none yet. */
    private static Object table(Supplier<DayTables.Table> table) {
        try {
            return table.get();
        } catch (InputError none) {
            return none.getMessage();
        }
    }

    @GetMapping("/console/days/{date}/reports/{file}")
    @PreAuthorize("hasAuthority('READ')")
    ResponseEntity<byte[]> report(@PathVariable LocalDate date, @PathVariable String file,
                                  @RequestParam(required = false) Integer version) throws IOException {
        return reports.file(date, file, version);
    }

    @PostMapping("/console/breaks/{id}/{action}")
    @PreAuthorize("hasAuthority('RESOLVE_BREAKS')")
    String breakAction(@PathVariable long id, @PathVariable String action, @RequestParam LocalDate date,
                       @RequestParam(required = false) String reason, Principal who, RedirectAttributes flash) {
        return said(flash, "/console/days/" + date, () -> {
            boolean resolve = switch (action) {
                case "resolve" -> true;
                case "explain" -> false;
                default -> throw new InputError("no action '" + action + "' on a break: resolve or explain");
            };
            return reconciliation.act(id, resolve, who.getName(), reason)
                    .map(proposal -> "break " + id + " of " + proposal.amount() + " needs a second person: proposed as approval "
                            + proposal.id())
                    .orElse("break " + id + (resolve ? " resolved" : " explained"));
        });
    }

    @PostMapping("/console/days/{date}/sign-off")
    @PreAuthorize("hasAuthority('SIGN_OFF_SAFEGUARDING')")
    String signOff(@PathVariable LocalDate date, @RequestParam String currency, @RequestParam String signOff,
                   @RequestParam(required = false) String reason, @RequestParam(required = false) String seen, Principal who,
                   RedirectAttributes flash) {
        return said(flash, "/console/days/" + date, () -> {
            SafeguardingSignOffs.SignOff signed = signOffs.sign(date, currency, SafeguardingSignOffs.Kind.valueOf(signOff),
                    who.getName(), reason, seen);
            return "safeguarding statement of " + date + " in " + signed.currency() + " signed as "
                    + signed.kind().name().toLowerCase(java.util.Locale.ROOT) + " by " + signed.operator();
        });
    }

    // --- unallocated

    /**
     * The payments waiting in UNALLOCATED; with {@code payment} chosen, the invoices {@code q} finds; with an invoice
     * chosen too, what the allocation would do (the share, the fee, what is left, whether it needs a second person).
     */
    @GetMapping("/console/unallocated")
    @PreAuthorize("hasAuthority('READ')")
    String unallocated(@RequestParam(required = false) String payment, @RequestParam(required = false) String q,
                       @RequestParam(required = false) String invoice, Model model,
                       org.springframework.security.core.Authentication who) {
        model.addAttribute("payments", allocations.unallocated());
        // searching and previewing is for those who may allocate
        if (!Permission.ALLOCATE.isGrantedTo(who)) {
            return "console/unallocated";
        }
        model.addAttribute("payment", payment);
        model.addAttribute("q", q);
        if (payment != null && !payment.isBlank() && q != null) {
            model.addAttribute("invoices", allocations.searchOpen(q, 25));
        }
        if (payment != null && !payment.isBlank() && invoice != null && !invoice.isBlank()) {
            model.addAttribute("invoice", invoice);
            try {
                model.addAttribute("preview", allocation.preview(payment, invoice));
            } catch (InputError refused) {
                model.addAttribute("error", refused.getMessage());
            }
        }
        return "console/unallocated";
    }

    @PostMapping("/console/unallocated/allocate")
    @PreAuthorize("hasAuthority('ALLOCATE')")
    String allocate(@RequestParam String payment, @RequestParam String invoice, @RequestParam(required = false) String reason,
                    Principal who, RedirectAttributes flash) {
        return said(flash, "/console/unallocated", () -> {
            ManualAllocation.Result result = allocation.allocate(payment, invoice, who.getName(), reason);
            return result.done()
                    ? "payment " + result.payment() + ": " + result.allocated() + " allocated to invoice " + result.invoiceId()
                            + ", fee " + result.fee() + ", " + result.stillUnallocated() + " left"
                    : "allocating " + result.allocated() + " of " + result.payment() + " to invoice " + result.invoiceId()
                            + " is above " + result.approvalAbove() + ": proposed as approval " + result.proposal().id()
                            + ", a second person approves it";
        });
    }

    // --- four eyes

    @GetMapping("/console/approvals")
    @PreAuthorize("hasAuthority('READ')")
    String approvals(Model model) {
        List<ApprovalRequests.Request> waiting = requests.list(ApprovalRequests.Status.PROPOSED, 500);
        model.addAttribute("waiting", waiting);
        // those that can no longer be approved as they stand, and why: only rejecting them is offered
        Map<Long, String> stale = new LinkedHashMap<>();
        waiting.forEach(request -> approvals.noLongerApplies(request).ifPresent(why -> stale.put(request.id(), why)));
        model.addAttribute("stale", stale);
        model.addAttribute("decided", requests.list(null, 100).stream()
                .filter(request -> request.status() != ApprovalRequests.Status.PROPOSED).toList());
        return "console/approvals";
    }

    @PostMapping("/console/approvals/{id}/{action}")
    @PreAuthorize("hasAnyAuthority('RESOLVE_BREAKS', 'ALLOCATE')")
    String decide(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String reason,
                  org.springframework.security.core.Authentication who, RedirectAttributes flash) {
        ApprovalRequests.Request request;
        try {
            request = requests.get(id);
        } catch (InputError missing) {
            flash.addFlashAttribute("error", missing.getMessage());
            return "redirect:/console/approvals";
        }
        ApprovalsApi.requirePermissionFor(request, who);
        return said(flash, "/console/approvals", () -> {
            Approvals.Decision decision = switch (action) {
                case "approve" -> approvals.approve(id, who.getName(), reason);
                case "reject" -> approvals.reject(id, who.getName(), reason);
                default -> throw new InputError("no action '" + action + "' on a proposal: approve or reject");
            };
            return "approval " + id + " " + decision.request().status().name().toLowerCase(java.util.Locale.ROOT) + ": "
                    + decision.outcome();
        });
    }

    // --- schedules

    @GetMapping("/console/schedules")
    @PreAuthorize("hasAuthority('READ')")
    String schedules(Model model) throws SchedulerException {
        model.addAttribute("schedules", schedules.list());
        model.addAttribute("running", schedules.servers().stream().anyMatch(Schedules.Server::live));
        return "console/schedules";
    }

    @PostMapping("/console/schedules/{name}/{action}")
    @PreAuthorize("hasAuthority('OPERATE_SCHEDULES')")
    String schedule(@PathVariable String name, @PathVariable String action, @RequestParam(required = false) String reason,
                    Principal who, RedirectAttributes flash) {
        return said(flash, "/console/schedules", () -> {
            if (reason == null || reason.isBlank()) {
                throw new InputError("a schedule is paused or resumed with a reason");
            }
            try {
                switch (action) {
                    case "pause" -> schedules.pause(name, who.getName(), reason);
                    case "resume" -> schedules.resume(name, who.getName(), reason);
                    default -> throw new InputError("no action '" + action + "' on a schedule: pause or resume");
                }
            } catch (SchedulerException e) {
                throw new IllegalStateException("the scheduler refused: " + e.getMessage(), e);
            }
            return "schedule " + name + ("pause".equals(action) ? " paused" : " resumed");
        });
    }

    // --- audit trail

    @GetMapping("/console/audit")
    @PreAuthorize("hasAuthority('READ')")
    String audit(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                 @RequestParam(required = false) String operator, @RequestParam(required = false) String action, Model model) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("operator", operator);
        model.addAttribute("action", action);
        try {
            AuditTrail.Span span = audit.between(from, to, operator);
            String wanted = action == null || action.isBlank() ? null : action.trim().toUpperCase(java.util.Locale.ROOT);
            model.addAttribute("span", span);
            model.addAttribute("actions", span.actions().stream()
                    .filter(recorded -> wanted == null || recorded.action().contains(wanted)).toList());
        } catch (InputError refused) {
            model.addAttribute("error", refused.getMessage());
        }
        return "console/audit";
    }

    /** Does an action and says its outcome, or why it was refused, on the page it redirects to. */
    private static String said(RedirectAttributes flash, String page, Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (InputError | IllegalArgumentException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + page;
    }
}
