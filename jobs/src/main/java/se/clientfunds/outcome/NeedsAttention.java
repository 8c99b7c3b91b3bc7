package se.clientfunds.outcome;

import java.util.List;

/**
 * An outcome that completed and may still need a person: an unexplained reconciliation difference, a safeguarding
 * shortfall, a statement gap, reports whose bytes changed for the same books. Exit 3 on the command line when
 * {@link #attention()} is not empty.
 */
public interface NeedsAttention {

    /** What needs a person, one line each; empty when nothing does. */
    List<String> attention();

    default boolean needsAttention() {
        return !attention().isEmpty();
    }
}
