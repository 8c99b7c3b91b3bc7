package se.clientfunds.extracts;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import se.clientfunds.extract.RefundRecord;
import se.clientfunds.extract.RowProblem;

/**
 * A refund support approved is paid once: the first refunds file that brings its id claims it. A later file that
 * brings the id again is refused when it is validated, naming the row; a file that loses the claim to another refunds
 * file imported at the same time is refused when it completes.
 */
final class RefundClaim {

    private final Set<String> claimed;

    /** @param claimed the refund ids earlier refunds files claimed */
    RefundClaim(Set<String> claimed) {
        this.claimed = Set.copyOf(claimed);
    }

    /** Why the refund on the line cannot be imported, if an earlier file claimed its id. */
    Optional<RowProblem> problem(long line, RefundRecord refund) {
        if (!claimed.contains(refund.refundId())) {
            return Optional.empty();
        }
        return Optional.of(new RowProblem(line, "refund_id", refund.refundId(), "refund already imported from an earlier refunds.csv"));
    }

    /** Why a refunds file is refused when another file claimed one of its refunds while it was being imported. */
    static String lostToAnotherFile(Path file, String cause) {
        return file.getFileName() + ": a refund in it was accepted from another refunds file while this one was being imported ("
                + cause + ")";
    }
}
