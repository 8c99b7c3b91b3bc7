package se.clientfunds.report.audit;

import java.time.LocalDateTime;

/**
 * An action an operator took, from the audit trail: when, who, what (restart, stop, abandon, explain a break…), on
 * what, and why.
 *
 * @param subject what the action was taken on, e.g. {@code job execution 4711} or {@code break 900001}
 * @param reason  the reason the operator gave, empty when the action asks for none
 */
public record OperatorAction(LocalDateTime at, String who, String action, String subject, String reason) {

    public OperatorAction {
        String of = "operator action " + action + " by " + who + " at " + at;
        Fields.present("at", at, of);
        Fields.text("who", who, of);
        Fields.text("action", action, of);
        subject = subject == null ? "" : subject;
        reason = reason == null ? "" : reason;
    }
}
