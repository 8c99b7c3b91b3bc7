package se.clientfunds.approvals;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.clientfunds.allocation.ManualAllocation;
import se.clientfunds.approvals.ApprovalRequests.Request;
import se.clientfunds.approvals.ApprovalRequests.Status;
import se.clientfunds.operations.OperationRefused;
import se.clientfunds.outcome.InputError;
import se.clientfunds.reconciliation.ReconciliationQueries;

/**
 * A second person decides a proposal: approving does the action (as the approver, with the proposal's reason) and
 * records both in one transaction, so a proposal is approved exactly when its action is done; the author of a proposal
 * can never approve it. Rejecting (or, by its author, withdrawing) leaves everything as it was.
 */
@Service
public class Approvals {

    /** What a decision did: the proposal as it now stands, and what the approved action did. */
    public record Decision(Request request, String outcome) {
    }

    private final ApprovalRequests requests;
    private final ReconciliationQueries reconciliation;
    private final ManualAllocation allocation;
    private final TransactionTemplate transaction;

    public Approvals(ApprovalRequests requests, ReconciliationQueries reconciliation, ManualAllocation allocation,
                     PlatformTransactionManager transactionManager) {
        this.requests = requests;
        this.reconciliation = reconciliation;
        this.allocation = allocation;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Approves and does a waiting proposal; refused to its author and for a proposal decided already. */
    public Decision approve(long id, String who, String reason) {
        String because = required(who, reason, "approved");
        return transaction.execute(status -> {
            if (!se.clientfunds.operations.Actor.current().loggedIn()) {
                // the command line's person is whatever --operator says: a second person is only known by a login
                throw new OperationRefused("approval " + id + " is approved by a logged-in user in the console or the API, not"
                        + " on the command line, where anyone can name themselves with --operator");
            }
            Request request = waiting(requests.lock(id));
            if (request.proposedBy().equalsIgnoreCase(who.trim())) {
                throw new OperationRefused("approval " + id + " was proposed by " + request.proposedBy() + ": a different person"
                        + " approves it (four eyes)");
            }
            String actionReason = request.reason() + " (proposed by " + request.proposedBy() + ", approval " + id + ")";
            String outcome = switch (request.kind()) {
                case RESOLVE_BREAK -> {
                    reconciliation.resolveApproved(request.breakId(), request.amount(), who, actionReason);
                    yield "RESOLVED break " + request.breakId();
                }
                case ALLOCATE -> {
                    ManualAllocation.Result result = allocation.allocateApproved(request, who, actionReason);
                    yield "allocated " + result.allocated() + ", fee " + result.fee() + ", " + result.stillUnallocated() + " left";
                }
            };
            requests.decide(request, Status.APPROVED, who, because, "APPROVE", "APPROVED: " + outcome);
            return new Decision(requests.get(id), outcome);
        });
    }

    /**
     * Why a waiting proposal could no longer be approved as it stands, if it could not: its subject was settled another
     * way meanwhile (the break cleared by a later reconciliation, the payment used up) or changed (another share, client
     * or fee). Read only; approving checks the same again under locks.
     */
    public java.util.Optional<String> noLongerApplies(Request request) {
        if (request.status() != Status.PROPOSED) {
            return java.util.Optional.empty();
        }
        try {
            switch (request.kind()) {
                case RESOLVE_BREAK -> {
                    se.clientfunds.money.Money amount = reconciliation.openAmount(request.breakId());
                    if (!amount.equals(request.amount())) {
                        return java.util.Optional.of("break " + request.breakId() + " is now " + amount);
                    }
                }
                case ALLOCATE -> {
                    ManualAllocation.Result now = allocation.preview(request.payment(), request.invoiceId());
                    if (!(now.allocated().equals(request.amount()) && now.fee().equals(request.fee())
                            && now.clientId().equals(request.clientId()))) {
                        return java.util.Optional.of("it would now allocate " + now.allocated() + " to client " + now.clientId()
                                + " with a fee of " + now.fee());
                    }
                }
            }
            return java.util.Optional.empty();
        } catch (InputError settled) {
            return java.util.Optional.of(settled.getMessage());
        }
    }

    /** Rejects a waiting proposal; its author rejecting it withdraws it. Nothing else changes. */
    public Decision reject(long id, String who, String reason) {
        String because = required(who, reason, "rejected");
        if (!se.clientfunds.operations.Actor.current().loggedIn()) {
            throw new OperationRefused("approval " + id + " is rejected or withdrawn by a logged-in user in the console or the API,"
                    + " not on the command line, where anyone can name themselves with --operator");
        }
        return transaction.execute(status -> {
            Request request = waiting(requests.lock(id));
            boolean own = request.proposedBy().equalsIgnoreCase(who.trim());
            Status decided = own ? Status.WITHDRAWN : Status.REJECTED;
            requests.decide(request, decided, who, because, own ? "WITHDRAW" : "REJECT", decided.name());
            return new Decision(requests.get(id), decided.name());
        });
    }

    private static Request waiting(Request request) {
        if (request.status() != Status.PROPOSED) {
            throw new OperationRefused("approval " + request.id() + " was " + request.status().name().toLowerCase(java.util.Locale.ROOT)
                    + " by " + request.decidedBy() + " already");
        }
        return request;
    }

    private static String required(String who, String reason, String verb) {
        if (who == null || who.isBlank()) {
            throw new InputError("a proposal is " + verb + " by someone: the person is missing");
        }
        if (reason == null || reason.isBlank()) {
            throw new InputError("a proposal is " + verb + " with a reason (--reason TEXT)");
        }
        return reason.trim();
    }
}
