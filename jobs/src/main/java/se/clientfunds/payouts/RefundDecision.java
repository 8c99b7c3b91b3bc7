package se.clientfunds.payouts;

import java.util.Objects;

/** What the refund check decided: pay it, refuse it (reported, never paid), or wait for its payment to arrive. */
public record RefundDecision(Verdict verdict, String reason) {

    public enum Verdict { PAY, REFUSE, WAIT }

    public RefundDecision {
        Objects.requireNonNull(verdict, "verdict");
        if (verdict != Verdict.PAY && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a refund decision to " + verdict + " needs a reason");
        }
    }

    static RefundDecision pay() {
        return new RefundDecision(Verdict.PAY, null);
    }

    static RefundDecision refuse(String reason) {
        return new RefundDecision(Verdict.REFUSE, reason);
    }

    static RefundDecision waitFor(String reason) {
        return new RefundDecision(Verdict.WAIT, reason);
    }
}
