package se.clientfunds.extracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.clientfunds.extract.RefundRecord;
import se.clientfunds.extract.RowProblem;
import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

class RefundClaimTest {

    private static final Iban TO_ACCOUNT = Iban.parse("SE4921943530228675673451");

    @Test
    void aRefundNoEarlierFileClaimedCanBeImported() {
        // given
        RefundClaim claim = new RefundClaim(Set.of("RF1"));
        // when / then
        assertThat(claim.problem(3, refund(3, "RF2"))).isEmpty();
    }

    @Test
    void aRefundAnEarlierFileClaimedIsAProblemOfItsRow() {
        // given
        RefundClaim claim = new RefundClaim(Set.of("RF1", "RF2"));
        // when / then
        assertThat(claim.problem(7, refund(7, "RF2")))
                .contains(new RowProblem(7, "refund_id", "RF2", "refund already imported from an earlier refunds.csv"));
    }

    @Test
    void withNothingClaimedEveryRefundCanBeImported() {
        assertThat(new RefundClaim(Set.of()).problem(2, refund(2, "RF1"))).isEmpty();
    }

    @Test
    void aFileThatLostTheClaimToAnotherIsRefusedNamingItAndTheCause() {
        assertThat(RefundClaim.lostToAnotherFile(Path.of("/home/inbox/refunds-a.csv"), "Duplicate entry 'RF1' for key 'PRIMARY'"))
                .isEqualTo("refunds-a.csv: a refund in it was accepted from another refunds file while this one was being imported"
                        + " (Duplicate entry 'RF1' for key 'PRIMARY')");
    }

    private static RefundRecord refund(long line, String refundId) {
        return new RefundRecord(line, refundId, "SE4550000000058398257466/BK1", Money.ofMinor(100_00, "SEK"), TO_ACCOUNT,
                "Åsa Eriksson", "anna");
    }
}
