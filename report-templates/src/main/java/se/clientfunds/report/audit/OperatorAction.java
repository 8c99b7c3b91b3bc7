package se.clientfunds.report.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An action an operator took, from the audit trail: when (with its offset from UTC), who, what (an allocation by
 * hand, a break explained or resolved, a safeguarding action, a restart...), on what, why, and the business day it
 * concerns (the audit of that day lists it).
 *
 * @param subject what the action was taken on, e.g. {@code job execution 4711} or {@code break 900001}
 * @param reason  the reason the operator gave, empty when the action asks for none
 */
public record OperatorAction(OffsetDateTime at, LocalDate concerns, String who, String action, String subject, String reason) {

    public OperatorAction {
        String of = "operator action " + action + " by " + who + " at " + at;
        Fields.present("at", at, of);
        Fields.present("concerns", concerns, of);
        Fields.text("who", who, of);
        Fields.text("action", action, of);
        subject = subject == null ? "" : subject;
        reason = reason == null ? "" : reason;
    }
}
