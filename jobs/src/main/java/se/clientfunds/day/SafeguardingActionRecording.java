package se.clientfunds.day;

import java.time.LocalDate;

import org.springframework.stereotype.Service;

import se.clientfunds.outcome.InputError;
import se.clientfunds.outcome.JobFailed;
import se.clientfunds.reconciliation.SafeguardingActions;
import se.clientfunds.reports.ReportPublication;
import se.clientfunds.reports.ReportVersions;

/**
 * {@code settle safeguarding action}: records what was done about a day's shortfall or excess, then writes the day's
 * reports again as a new version that shows it (the earlier version kept). The next banking day's statement shows it
 * too, and so does the month's return.
 */
@Service
public class SafeguardingActionRecording {

    /**
     * The action recorded, and the day's new version of its reports; when writing them failed, why (the action stands:
     * {@code settle reports DATE} finishes the version, the action must not be recorded again).
     */
    public record Outcome(SafeguardingActions.Action action, ReportPublication.Outcome reports, String reportsFailure) {
    }

    private final SafeguardingActions actions;
    private final ReportPublication publication;

    SafeguardingActionRecording(SafeguardingActions actions, ReportPublication publication) {
        this.actions = actions;
        this.publication = publication;
    }

    public Outcome record(LocalDate day, String currency, SafeguardingActions.Type type, String amount, String reason,
                          String operator) {
        SafeguardingActions.Action action = actions.record(day, currency, type, amount, reason, operator);
        try {
            ReportPublication.Outcome reports = publication.newVersion(day, "safeguarding action recorded: " + action.type() + " "
                    + action.amount() + " by " + action.operator(), ReportVersions.ReasonCode.SAFEGUARDING_ACTION);
            return new Outcome(action, reports, null);
        } catch (IllegalStateException | InputError | JobFailed e) {
            return new Outcome(action, null, e.getMessage());
        }
    }
}
