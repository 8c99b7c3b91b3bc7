package se.clientfunds.report.pdf;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The day's safeguarding statement: one position per currency (requirement, resource, difference and its reconciling
 * schedule), the resource per account and bank at the reconciliation point, the safeguarding method, and what was done
 * about a shortfall or excess: actions about this day, and actions about the banking day before (shown on the next
 * day's statement too).
 *
 * @param resources          each client-funds account's closing balance, in IBAN order
 * @param actions            actions recorded about this day's position
 * @param previousDayActions actions recorded about the previous banking day's position
 */
public record SafeguardingReport(ReportHeader header, List<SafeguardingPosition> positions, List<AccountResource> resources,
                                 SafeguardingMethod method, List<SafeguardingAction> actions,
                                 List<SafeguardingAction> previousDayActions) {

    public SafeguardingReport {
        if (header == null) {
            throw new IllegalArgumentException("header is missing");
        }
        if (positions == null) {
            throw new IllegalArgumentException("positions is missing");
        }
        Set<String> currencies = new HashSet<>();
        for (SafeguardingPosition position : positions) {
            if (position == null) {
                throw new IllegalArgumentException("positions holds a missing position");
            }
            if (!currencies.add(position.currency())) {
                throw new IllegalArgumentException("positions holds currency " + position.currency() + " twice");
            }
        }
        positions = positions.stream().sorted(Comparator.comparing(SafeguardingPosition::currency)).toList();
        resources = resources == null ? List.of()
                : resources.stream().sorted(Comparator.comparing(AccountResource::iban)).toList();
        if (method == null) {
            throw new IllegalArgumentException("the safeguarding method is missing");
        }
        actions = actions == null ? List.of() : sorted(actions);
        previousDayActions = previousDayActions == null ? List.of() : sorted(previousDayActions);
    }

    private static List<SafeguardingAction> sorted(List<SafeguardingAction> actions) {
        return actions.stream().sorted(Comparator.comparing(SafeguardingAction::at).thenComparing(SafeguardingAction::type)
                .thenComparing(SafeguardingAction::reason)).toList();
    }

    /** Whether any currency is short: the report then needs attention before the next business day. */
    public boolean shortfall() {
        return positions.stream().anyMatch(position -> position.status() == SafeguardingStatus.SHORTFALL);
    }
}
