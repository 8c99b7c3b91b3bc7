package se.clientfunds.app.web;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.clientfunds.allocation.ManualAllocation;
import se.clientfunds.approvals.ApprovalRequests;
import se.clientfunds.reconciliation.ReconciliationQueries;

/** What operators and finance correct by hand: breaks resolved or explained, payments allocated (as the CLI does). */
@RestController
@RequestMapping("/api/v1")
class CorrectionsApi {

    /**
     * What a break action did: {@code RESOLVED} or {@code EXPLAINED}, or {@code PROPOSED} (HTTP 202) when resolving it
     * needs a second person, with the proposal's id in {@code approval}.
     */
    record BreakOutcome(long breakId, String action, String operator, String reason, Long approval) {
    }

    /** The body of an allocation by hand. */
    record AllocationRequest(String invoiceId, String reason) {
    }

    /** What an allocation by hand did, amounts as decimal text with their currency. */
    record AllocationOutcome(String payment, String invoiceId, String allocated, String fee, String stillUnallocated,
                             String currency, String bookingDate, String operator, String status, Long approval) {
    }

    private final ReconciliationQueries reconciliation;
    private final ManualAllocation allocation;
    private final se.clientfunds.allocation.AllocationQueries invoices;

    CorrectionsApi(ReconciliationQueries reconciliation, ManualAllocation allocation,
                   se.clientfunds.allocation.AllocationQueries invoices) {
        this.reconciliation = reconciliation;
        this.allocation = allocation;
        this.invoices = invoices;
    }

    @PostMapping("/breaks/{id}/resolve")
    @PreAuthorize("hasAuthority('RESOLVE_BREAKS')")
    ResponseEntity<BreakOutcome> resolve(@PathVariable long id, @RequestBody(required = false) ActionRequest request,
                                         Principal who) {
        return act(id, true, request, who);
    }

    @PostMapping("/breaks/{id}/explain")
    @PreAuthorize("hasAuthority('RESOLVE_BREAKS')")
    ResponseEntity<BreakOutcome> explain(@PathVariable long id, @RequestBody(required = false) ActionRequest request,
                                         Principal who) {
        return act(id, false, request, who);
    }

    private ResponseEntity<BreakOutcome> act(long id, boolean resolve, ActionRequest request, Principal who) {
        String reason = ActionRequest.reasonOf(request);
        Optional<ApprovalRequests.Request> proposal = reconciliation.act(id, resolve, who.getName(), reason);
        if (proposal.isPresent()) {
            return ResponseEntity.accepted().body(new BreakOutcome(id, "PROPOSED", who.getName(), reason, proposal.get().id()));
        }
        return ResponseEntity.ok(new BreakOutcome(id, resolve ? "RESOLVED" : "EXPLAINED", who.getName(), reason, null));
    }

    /** An invoice not paid in full, with the CLI's {@code invoices} columns; amounts as decimal text. */
    record OpenInvoice(String invoiceId, String clientId, String ocr, String currency, String amount, String paid,
                       String outstanding, String dueDate, String debtorName) {
    }

    /**
     * The invoices not paid in full that {@code q} finds, for an allocation by hand: by OCR or invoice id (exact), the
     * amount outstanding (a decimal), or a part of the debtor's name; at most 25.
     */
    @GetMapping("/invoices")
    @PreAuthorize("hasAuthority('READ')")
    List<OpenInvoice> invoices(@RequestParam(required = false) String q) {
        if (q == null || q.trim().length() < 2) {
            throw new InvalidField("q", "q is required: an OCR, invoice id, amount outstanding or part of a debtor's name"
                    + " (2 characters or more)");
        }
        return invoices.searchOpen(q, 25).stream().map(invoice -> new OpenInvoice(invoice.invoiceId(), invoice.clientId(),
                invoice.ocr(), invoice.amount().currency().getCurrencyCode(), invoice.amount().toDecimalString(),
                invoice.paid().toDecimalString(), invoice.outstanding().toDecimalString(), invoice.dueDate().toString(),
                invoice.debtorName())).toList();
    }

    /**
     * Allocates what waits in UNALLOCATED of a payment, named by its bank reference ({@code account}, its IBAN, when the
     * reference is on more than one client-funds account), to an invoice.
     */
    @PostMapping("/payments/{reference}/allocate")
    @PreAuthorize("hasAuthority('ALLOCATE')")
    ResponseEntity<AllocationOutcome> allocate(@PathVariable String reference, @RequestParam(required = false) String account,
                               @RequestBody(required = false) AllocationRequest request, Principal who) {
        if (request == null || request.invoiceId() == null || request.invoiceId().isBlank()) {
            throw new InvalidField("invoiceId", "invoiceId is required: the invoice the payment pays");
        }
        String reason = ActionRequest.reasonOf(new ActionRequest(request.reason()));
        ManualAllocation.Result result = allocation.allocate(account == null || account.isBlank() ? reference
                : account.trim() + "/" + reference, request.invoiceId().trim(), who.getName(), reason);
        AllocationOutcome outcome = new AllocationOutcome(result.payment(), result.invoiceId(), result.allocated().toDecimalString(),
                result.fee().toDecimalString(), result.stillUnallocated().toDecimalString(),
                result.allocated().currency().getCurrencyCode(), result.bookingDate().toString(), who.getName(),
                result.done() ? "ALLOCATED" : "PROPOSED", result.done() ? null : result.proposal().id());
        return result.done() ? ResponseEntity.ok(outcome) : ResponseEntity.accepted().body(outcome);
    }
}
