package se.clientfunds.report.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.clientfunds.report.positions.PositionsFixture.eur;
import static se.clientfunds.report.positions.PositionsFixture.sek;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.report.Amount;

class PositionsRecordsTest {

    @Test
    void amountCellsHoldTheExactDecimalValue() {
        // then
        assertThat(PositionsXlsxRenderer.cellValue(new Amount(-1, "SEK"))).isEqualTo(-0.01);
    }

    @Test
    void positionRefusesAnAmountInAnotherCurrency() {
        assertThatThrownBy(() -> new PositionLine("CLIENT:CL00001", AccountKind.CLIENT, "SEK", sek(100), sek(0),
                eur(50), sek(150)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("credit 0.50 EUR of CLIENT:CL00001 is not in SEK");
    }

    @Test
    void positionRefusesANullAccountAndAnAccountOfAnotherKind() {
        assertThatThrownBy(() -> new PositionLine(null, AccountKind.CLIENT, "SEK", sek(0), sek(0), sek(0), sek(0)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("account is null");
        assertThatThrownBy(() -> new PositionLine("CLIENT:CL00001", AccountKind.BANK, "SEK", sek(0), sek(0), sek(0),
                sek(0)))
                .hasMessage("account 'CLIENT:CL00001' is not of kind BANK");
        assertThatThrownBy(() -> new PositionLine("UNALLOCATED_X", AccountKind.UNALLOCATED, "SEK", sek(0), sek(0),
                sek(0), sek(0)))
                .hasMessage("account 'UNALLOCATED_X' is not of kind UNALLOCATED");
    }

    @Test
    void positionRefusesNegativeTurnoverAndAClosingThatDoesNotRollForward() {
        assertThatThrownBy(() -> new PositionLine("BANK:SE45", AccountKind.BANK, "SEK", sek(100), sek(-1), sek(0),
                sek(99)))
                .hasMessage("debit -0.01 SEK of BANK:SE45 is negative");
        // a liability grows by credits: 100 + 50 - 20 = 130, not 70
        assertThatThrownBy(() -> new PositionLine("CLIENT:CL1", AccountKind.CLIENT, "SEK", sek(10_000), sek(2_000),
                sek(5_000), sek(7_000)))
                .hasMessage("closing 70.00 SEK of CLIENT:CL1 is not opening 100.00 SEK with debit 20.00 SEK and "
                        + "credit 50.00 SEK (130.00 SEK)");
    }

    @Test
    void controlTotalsRefuseNegativeCountsAndACurrencyTwice() {
        assertThatThrownBy(() -> new ControlTotals(-1, 0, 0, List.of()))
                .hasMessage("recordsRead -1 is negative");
        assertThatThrownBy(() -> new ControlTotals(0, -5, 0, List.of()))
                .hasMessage("postingsWritten -5 is negative");
        assertThatThrownBy(() -> new ControlTotals(0, 0, -2, List.of()))
                .hasMessage("recordsSkipped -2 is negative");
        assertThatThrownBy(() -> new ControlTotals(0, 0, 0, List.of(sek(1), sek(2))))
                .hasMessage("debitsPerCurrency lists SEK twice");
    }

    @Test
    void reportRefusesAMissingDateAndANonPositiveExecutionId() {
        ControlTotals totals = new ControlTotals(0, 0, 0, List.of());
        assertThatThrownBy(() -> new PositionsReport(null, 1, List.of(), List.of(), List.of(), List.of(), totals))
                .hasMessage("businessDate is null");
        assertThatThrownBy(() -> new PositionsReport(LocalDate.of(2025, 3, 14), 0, List.of(), List.of(), List.of(),
                List.of(), totals))
                .hasMessage("jobExecutionId 0 is not positive");
    }

    @Test
    void aLaterVersionsNoticeMustBeOfTheReportsVersionAndDebtorCreditMustBeHeld() {
        ControlTotals totals = new ControlTotals(0, 0, 0, List.of());
        LocalDate day = LocalDate.of(2025, 3, 14);
        assertThatThrownBy(() -> new PositionsReport(day, 1, List.of(), List.of(), List.of(), List.of(), totals, 1,
                List.of(new se.clientfunds.report.pdf.Notice.LaterVersion(2, se.clientfunds.report.pdf.Notice.VersionReason.REWRITTEN,
                        1)), List.of())).hasMessage("version 1 cannot carry a later-version notice");
        assertThatThrownBy(() -> new PositionsReport(day, 1, List.of(), List.of(), List.of(), List.of(), totals, 3,
                List.of(new se.clientfunds.report.pdf.Notice.LaterVersion(2, se.clientfunds.report.pdf.Notice.VersionReason.REWRITTEN,
                        1)), List.of())).hasMessage("the later-version notice says version 2, the report is version 3");
        assertThatThrownBy(() -> new DebtorCreditLine("OCR 1", day, "Anna", "", sek(0), "OVERPAID", 0))
                .hasMessage("held 0.00 SEK of OCR 1 is not positive");
        assertThatThrownBy(() -> new UnallocatedLine("OCR 1", day, sek(100), sek(100), "OTHER", "", "Anna", "", -1))
                .hasMessage("age -1 of OCR 1 is negative");
        assertThat(new PositionLine("CLIENT:CL1", null, AccountKind.CLIENT, "SEK", sek(0), sek(0), sek(0), sek(0)).name())
                .isEmpty();
    }

    @Test
    void inputFileMovementAndUnallocatedLinesNameTheFieldTheyRefuse() {
        assertThatThrownBy(() -> new InputFile("camt.xml", "ABC"))
                .hasMessage("sha256 'ABC' of camt.xml is not 64 lower-case hex digits");
        assertThatThrownBy(() -> new MovementLine(LocalDate.of(2025, 3, 14), "PAYOUT", "PMT-1", null, Side.D, sek(1)))
                .hasMessage("account of PMT-1 is null");
        assertThatThrownBy(() -> new MovementLine(LocalDate.of(2025, 3, 14), "PAYOUT", "PMT-1", "BANK:SE45", Side.D,
                sek(0)))
                .hasMessage("amount 0.00 SEK of PMT-1 is not positive");
        assertThatThrownBy(() -> new UnallocatedLine("OCR 1", LocalDate.of(2025, 3, 14), sek(100), eur(100), "none",
                "Anna"))
                .hasMessage("unallocated 1.00 EUR of OCR 1 is not in SEK");
        assertThatThrownBy(() -> new UnallocatedLine("OCR 1", LocalDate.of(2025, 3, 14), sek(100), sek(101), "none",
                "Anna"))
                .hasMessage("unallocated 1.01 SEK of OCR 1 is not between 0 (exclusive) and the amount 1.00 SEK");
    }
}
