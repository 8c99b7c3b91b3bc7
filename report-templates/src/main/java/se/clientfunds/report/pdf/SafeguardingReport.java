package se.clientfunds.report.pdf;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The day's safeguarding report: one position per currency, in currency order. */
public record SafeguardingReport(ReportHeader header, List<SafeguardingPosition> positions) {

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
    }

    /** Whether any currency is short: the report then needs attention before the next business day. */
    public boolean shortfall() {
        return positions.stream().anyMatch(position -> position.status() == SafeguardingStatus.SHORTFALL);
    }
}
