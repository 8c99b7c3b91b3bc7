package se.clientfunds.app.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.clientfunds.approvals.ApprovalRequests;
import se.clientfunds.approvals.Approvals;
import se.clientfunds.reconciliation.SafeguardingSignOffs;

/**
 * Four eyes: the proposals waiting for a second person and their decisions, and the safeguarding statement's sign-offs
 * (prepared by one FINANCE user, reviewed by another).
 */
@RestController
@RequestMapping("/api/v1")
class ApprovalsApi {

    /**
     * A proposal: what it does (the break, or the payment, invoice, client and fee an allocation posts exactly), amounts as
     * decimal text with their currency; the decision's fields are null while it waits; {@code noLongerApplies} says why
     * a waiting proposal could no longer be approved as it stands (its subject settled another way, or changed), null when
     * it could.
     */
    record Proposal(long id, String kind, String subject, Long breakId, String payment, String invoiceId, String clientId,
                    String fee, String amount, String currency, String proposedBy, String proposedRole, ZonedDateTime proposedAt,
                    String reason, String status, String decidedBy, ZonedDateTime decidedAt, String decisionReason,
                    String noLongerApplies) {

        Proposal withNoLongerApplies(String why) {
            return new Proposal(id, kind, subject, breakId, payment, invoiceId, clientId, fee, amount, currency, proposedBy,
                    proposedRole, proposedAt, reason, status, decidedBy, decidedAt, decisionReason, why);
        }

        static Proposal of(ApprovalRequests.Request request) {
            return new Proposal(request.id(), request.kind().name(), request.subject(), request.breakId(), request.payment(),
                    request.invoiceId(), request.clientId(), request.fee() == null ? null : request.fee().toDecimalString(),
                    request.amount().toDecimalString(), request.amount().currency().getCurrencyCode(), request.proposedBy(),
                    request.proposedRole(), request.proposedAt(), request.reason(), request.status().name(), request.decidedBy(),
                    request.decidedAt(), request.decisionReason(), null);
        }
    }

    /** What a decision did. */
    record Decided(Proposal proposal, String outcome) {
    }

    /**
     * The body of a sign-off: {@code PREPARED} or {@code REVIEWED}, the currency (left out when the day has one), why,
     * and (optional) the figures' SHA-256 the signer was shown ({@code GET …/safeguarding/sign-offs} gives the current
     * one): refused if the figures have changed since.
     */
    record SignOffRequest(String signOff, String currency, String reason, String statementSha256) {
    }

    /** The day's sign-offs, and the SHA-256 of the figures a sign-off would sign now, per currency. */
    record SignOffs(List<SignOff> signOffs, java.util.Map<String, String> currentStatementSha256) {
    }

    /** One sign-off as recorded; {@code current} false when the figures changed after it. */
    record SignOff(LocalDate day, String currency, String signOff, String operator, String role, ZonedDateTime at,
                   String statementSha256, String reason, boolean current) {

        static SignOff of(SafeguardingSignOffs.SignOff signOff) {
            return new SignOff(signOff.day(), signOff.currency(), signOff.kind().name(), signOff.operator(), signOff.role(),
                    signOff.at(), signOff.statementSha256(), signOff.reason(), signOff.current());
        }
    }

    private final ApprovalRequests requests;
    private final Approvals approvals;
    private final SafeguardingSignOffs signOffs;

    ApprovalsApi(ApprovalRequests requests, Approvals approvals, SafeguardingSignOffs signOffs) {
        this.requests = requests;
        this.approvals = approvals;
        this.signOffs = signOffs;
    }

    /** The proposals waiting (status PROPOSED, the default), decided ones by status, or all (status ALL); newest first. */
    @GetMapping("/approvals")
    @PreAuthorize("hasAuthority('READ')")
    List<Proposal> list(@RequestParam(defaultValue = "PROPOSED") String status) {
        ApprovalRequests.Status wanted = null;
        if (!"ALL".equalsIgnoreCase(status.trim())) {
            try {
                wanted = ApprovalRequests.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidField("status", "status '" + status + "' is not one of PROPOSED, APPROVED, REJECTED, WITHDRAWN, ALL");
            }
        }
        return requests.list(wanted, 500).stream().map(this::shown).toList();
    }

    @GetMapping("/approvals/{id}")
    @PreAuthorize("hasAuthority('READ')")
    Proposal show(@PathVariable long id) {
        return shown(requests.get(id));
    }

    /** A proposal with, while it waits, why it could no longer be approved as it stands (null when it could). */
    private Proposal shown(ApprovalRequests.Request request) {
        return Proposal.of(request).withNoLongerApplies(approvals.noLongerApplies(request).orElse(null));
    }

    /** Approves (and does) a proposal someone else made; the approver needs the permission the action itself needs. */
    @PostMapping("/approvals/{id}/approve")
    @PreAuthorize("hasAnyAuthority('RESOLVE_BREAKS', 'ALLOCATE')")
    Decided approve(@PathVariable long id, @RequestBody(required = false) ActionRequest request, Authentication who) {
        return decide(id, request, who, true);
    }

    /** Rejects a proposal; its author rejecting it withdraws it. */
    @PostMapping("/approvals/{id}/reject")
    @PreAuthorize("hasAnyAuthority('RESOLVE_BREAKS', 'ALLOCATE')")
    Decided reject(@PathVariable long id, @RequestBody(required = false) ActionRequest request, Authentication who) {
        return decide(id, request, who, false);
    }

    private Decided decide(long id, ActionRequest request, Authentication who, boolean approve) {
        String reason = ActionRequest.reasonOf(request);
        requirePermissionFor(requests.get(id), who);
        Approvals.Decision decision = approve ? approvals.approve(id, who.getName(), reason)
                : approvals.reject(id, who.getName(), reason);
        return new Decided(Proposal.of(decision.request()), decision.outcome());
    }

    @GetMapping("/days/{date}/safeguarding/sign-offs")
    @PreAuthorize("hasAuthority('READ')")
    SignOffs signOffs(@PathVariable LocalDate date) {
        return new SignOffs(signOffs.of(date).stream().map(SignOff::of).toList(), signOffs.figures(date));
    }

    @PostMapping("/days/{date}/safeguarding/sign-off")
    @PreAuthorize("hasAuthority('SIGN_OFF_SAFEGUARDING')")
    SignOff signOff(@PathVariable LocalDate date, @RequestBody(required = false) SignOffRequest request, Authentication who) {
        String reason = ActionRequest.reasonOf(new ActionRequest(request == null ? null : request.reason()));
        SafeguardingSignOffs.Kind kind;
        try {
            kind = SafeguardingSignOffs.Kind.valueOf(request.signOff() == null ? "" : request.signOff().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField("signOff", "signOff is required: PREPARED or REVIEWED");
        }
        return SignOff.of(signOffs.sign(date, request.currency(), kind, who.getName(), reason, request.statementSha256()));
    }

    /** Approving or rejecting a proposal needs the permission its action needs. */
    static void requirePermissionFor(ApprovalRequests.Request request, Authentication who) {
        Permission needed = request.kind() == ApprovalRequests.Kind.RESOLVE_BREAK ? Permission.RESOLVE_BREAKS : Permission.ALLOCATE;
        if (!needed.isGrantedTo(who)) {
            throw new AccessDeniedException("approval " + request.id() + " is decided by a user who may " + needed.name());
        }
    }
}
