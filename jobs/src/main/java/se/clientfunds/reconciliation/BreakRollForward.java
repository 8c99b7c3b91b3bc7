package se.clientfunds.reconciliation;

import java.util.HashSet;
import java.util.Set;

/**
 * The breaks' roll-forward of one reconciliation run against the run before it (the previous day's last run, or this
 * day's earlier run): opening + new − cleared = closing, where opening is what was open at the end of that run and
 * closing what is open at the end of this one. A break opened by a later reconciliation of an earlier day counts as
 * new here, one cleared by it as cleared: the roll-forward compares two points in time, not two days' events.
 */
public record BreakRollForward(int opening, int opened, int cleared, int closing) {

    public BreakRollForward {
        if (opening + opened - cleared != closing) {
            throw new IllegalArgumentException("breaks do not roll forward: opening " + opening + " + new " + opened
                    + " − cleared " + cleared + " ≠ closing " + closing);
        }
    }

    /** The roll-forward between the break ids open at the end of the previous run and those open at the end of this one. */
    public static BreakRollForward between(Set<Long> previous, Set<Long> current) {
        Set<Long> opened = new HashSet<>(current);
        opened.removeAll(previous);
        Set<Long> cleared = new HashSet<>(previous);
        cleared.removeAll(current);
        return new BreakRollForward(previous.size(), opened.size(), cleared.size(), current.size());
    }
}
