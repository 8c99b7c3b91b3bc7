package se.clientfunds.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;
import se.clientfunds.reference.OcrReference;

class ExtractRecordsTest {

    private static final Currency SEK = Currency.getInstance("SEK");
    private static final Iban ACCOUNT = new Iban("SE4550000000058398257466");

    @Test
    void anInvoiceRefusesADueDateBeforeItsIssueDate() {
        // given
        LocalDate issued = LocalDate.of(2026, 11, 2);

        // when / then
        assertThatThrownBy(() -> new InvoiceRecord(2, "INV-1", "C1", new OcrReference("1000017"),
                Money.ofMinor(100, "SEK"), issued, issued.minusDays(1), "Bo", "", "SE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("due_date 2026-11-01 is before issue_date 2026-11-02");
    }

    @Test
    void anInvoiceRefusesAnAmountThatIsNotPositive() {
        // given
        LocalDate issued = LocalDate.of(2026, 11, 2);

        // when / then
        assertThatThrownBy(() -> new InvoiceRecord(2, "INV-1", "C1", new OcrReference("1000017"),
                Money.zero(SEK), issued, issued, "Bo", "", "SE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount 0.00 SEK must be more than zero");
    }

    @Test
    void aClientRefusesAFixedFeeInAnotherCurrency() {
        // given
        Money euros = Money.ofMinor(100, "EUR");

        // when / then
        assertThatThrownBy(() -> new ClientRecord(2, "C1", "556036-0793", "Bolaget", SEK, ACCOUNT,
                PayoutSchedule.DAILY, euros, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fee_fixed 1.00 EUR is not in the client's currency SEK");
    }

    @Test
    void aRefundRefusesAnEmptyApprover() {
        // when / then
        assertThatThrownBy(() -> new RefundRecord(2, "R1", "P1", Money.ofMinor(100, "SEK"), ACCOUNT, "Bo", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("approved_by must not be empty");
        assertThatThrownBy(() -> new RefundRecord(2, "R\u00001", "P1", Money.ofMinor(100, "SEK"), ACCOUNT, "Bo",
                "eva"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("refund_id 'R");
    }

    @Test
    void aValidRefundKeepsItsValues() {
        // when
        RefundRecord refund = new RefundRecord(9, "R1", "P1", Money.ofMinor(100, "SEK"), ACCOUNT, "Bo", "eva");

        // then
        assertThat(refund.currency()).isEqualTo(SEK);
        assertThat(refund.line()).isEqualTo(9);
    }
}
