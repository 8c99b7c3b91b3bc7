package se.clientfunds.monitoring;

import java.util.List;
import java.util.stream.Collectors;

import se.clientfunds.sanctions.NameMatcher;

/** What the sanctions screenings say alike: the other entities a name matched, and why a payment is held. */
final class SanctionsHits {

    private SanctionsHits() {
    }

    /** {@code "; also EU.1.01 (0.93), …"} for the matches after the best, or nothing. */
    static String alsoMatched(List<NameMatcher.Match> matches) {
        return matches.size() < 2 ? "" : "; also " + matches.subList(1, matches.size()).stream()
                .map(match -> match.listed().reference() + " (" + match.scoreText() + ")").collect(Collectors.joining(", "));
    }

    /** The reason a held payment carries: its payer, the entity it is an exact hit on, and who releases it. */
    static String holdReason(String payer, NameMatcher.Match exact, long alertId) {
        return PaymentHolds.SANCTIONS_HOLD + ": payer \"" + payer + "\" is an exact hit on " + exact.listed().reference()
                + " (alert " + alertId + "); only a compliance decision by two people releases it";
    }
}
