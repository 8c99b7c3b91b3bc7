package se.clientfunds.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportRecordsTest {

    private static final LocalDate DAY = ReportFixtures.DAY;

    @Test
    void amountIsExactInMinorUnitsOfAnIsoCurrency() {
        assertThat(Amount.of(123_450, "SEK").decimal()).isEqualByComparingTo("1234.50");
        assertThat(Amount.of(123_450, "SEK").decimal().scale()).isEqualTo(2);
        assertThat(Amount.of(1_234, "JPY").decimal().toPlainString()).isEqualTo("1234");
        assertThatThrownBy(() -> Amount.of(1, "sek")).hasMessage("currency 'sek' is not a three-letter ISO 4217 code");
        assertThatThrownBy(() -> Amount.of(1, "XQZ")).hasMessage("currency 'XQZ' is not an ISO 4217 code");
        assertThatThrownBy(() -> Amount.of(1, "SEK").plus(Amount.of(1, "EUR"))).hasMessageContaining("currency EUR");
    }

    @Test
    void headerRefusesAMissingDateANonPositiveJobAndABadHash() {
        assertThatThrownBy(() -> new ReportHeader(null, 1, List.of(), List.of())).hasMessage("businessDate is missing");
        assertThatThrownBy(() -> new ReportHeader(DAY, 0, List.of(), List.of())).hasMessage("jobExecutionId 0 is not positive");
        assertThatThrownBy(() -> new InputFile("camt.xml", "abc"))
                .hasMessage("sha256 'abc' of input file camt.xml is not 64 hex digits");
        assertThatThrownBy(() -> new InputFile(" ", "ab".repeat(32))).hasMessage("input file name ' ' is blank");
        assertThatThrownBy(() -> new ControlTotal("entries", -1, null)).hasMessage("count -1 of control total entries is negative");
        assertThat(new InputFile("camt.xml", "AB".repeat(32)).sha256()).isEqualTo("ab".repeat(32));
    }

    @Test
    void safeguardingPositionDerivesRequirementDifferenceAndStatus() {
        SafeguardingPosition shortfall = new SafeguardingPosition(Amount.of(100, "SEK"), Amount.of(20, "SEK"),
                Amount.of(3, "SEK"), Amount.of(120, "SEK"), true);
        assertThat(shortfall.requirement()).isEqualTo(Amount.of(123, "SEK"));
        assertThat(shortfall.difference()).isEqualTo(Amount.of(-3, "SEK"));
        assertThat(shortfall.status()).isEqualTo(SafeguardingStatus.SHORTFALL);
        assertThat(SafeguardingStatus.of(Amount.of(0, "EUR"))).isEqualTo(SafeguardingStatus.OK);
        assertThat(SafeguardingStatus.of(Amount.of(1, "EUR"))).isEqualTo(SafeguardingStatus.EXCESS);
        assertThatThrownBy(() -> new SafeguardingPosition(Amount.of(1, "SEK"), Amount.of(0, "SEK"), Amount.of(0, "SEK"),
                Amount.of(1, "EUR"), true)).hasMessage("resource is in EUR, expected SEK");
        assertThatThrownBy(() -> new SafeguardingReport(ReportFixtures.header(), List.of(shortfall, shortfall)))
                .hasMessage("positions holds currency SEK twice");
    }

    @Test
    void reconciliationRecordsRefuseInconsistentFigures() {
        assertThatThrownBy(() -> new RollForward(3, 2, 1, 5)).hasMessage("closing 5 is not opening 3 + newBreaks 2 - cleared 1");
        assertThatThrownBy(() -> new RollForward(-1, 1, 0, 0)).hasMessageContaining("opening -1");
        assertThatThrownBy(() -> new BalanceProof(Amount.of(1, "SEK"), Amount.of(1, "EUR"), Amount.of(0, "SEK"),
                Amount.of(0, "SEK"), Amount.of(0, "SEK"))).hasMessage("booksClosing is in EUR, expected SEK");
        assertThatThrownBy(() -> new ReconciliationBreak(7, BreakType.MISSING_IN_BANK, Amount.of(1, "SEK"), "R", DAY, -1,
                BreakStatus.OPEN)).hasMessage("ageBankingDays -1 of break 7 is negative");
        assertThatThrownBy(() -> new ReconciliationBreak(7, null, Amount.of(1, "SEK"), "R", DAY, 0, BreakStatus.OPEN))
                .hasMessage("type of break 7 is missing");
        ReconciliationBreak euro = new ReconciliationBreak(3, BreakType.MISSING_IN_BOOKS, Amount.of(1, "EUR"), null, DAY, 0,
                BreakStatus.OPEN);
        assertThat(euro.reference()).isEmpty();
        assertThatThrownBy(() -> account(Map.of(), List.of(euro))).hasMessage("amount of break 3 is in EUR, expected SEK");
        ReconciliationBreak krona = new ReconciliationBreak(3, BreakType.MISSING_IN_BOOKS, Amount.of(1, "SEK"), "R", DAY, 0,
                BreakStatus.OPEN);
        assertThatThrownBy(() -> account(Map.of(), List.of(krona, krona)))
                .hasMessage("breaks of account SE45 holds break id 3 twice");
        assertThatThrownBy(() -> account(Map.of(MatchRule.TOLERANCE, -1), List.of()))
                .hasMessage("matches TOLERANCE of account SE45 is -1");
        assertThat(account(Map.of(MatchRule.BATCH_TOTAL, 2), List.of()).matches())
                .containsExactly(Map.entry(MatchRule.REFERENCE, 0), Map.entry(MatchRule.BATCH_TOTAL, 2),
                        Map.entry(MatchRule.AMOUNT_AND_COUNTERPARTY, 0), Map.entry(MatchRule.TOLERANCE, 0));
    }

    @Test
    void balanceProofLeavesTheUnexplainedDifference() {
        BalanceProof proof = new BalanceProof(Amount.of(1_000, "SEK"), Amount.of(900, "SEK"), Amount.of(150, "SEK"),
                Amount.of(40, "SEK"), Amount.of(-5, "SEK"));
        assertThat(proof.difference()).isEqualTo(Amount.of(100, "SEK"));
        assertThat(proof.explained()).isEqualTo(Amount.of(105, "SEK"));
        assertThat(proof.unexplained()).isEqualTo(Amount.of(-5, "SEK"));
    }

    @Test
    void ageingBucketsAreZeroToOneTwoToFiveSixToTenAndOverTen() {
        assertThat(List.of(0, 1, 2, 5, 6, 10, 11, 400).stream().map(AgeingBucket::of)).containsExactly(AgeingBucket.DAYS_0_1,
                AgeingBucket.DAYS_0_1, AgeingBucket.DAYS_2_5, AgeingBucket.DAYS_2_5, AgeingBucket.DAYS_6_10,
                AgeingBucket.DAYS_6_10, AgeingBucket.OVER_10, AgeingBucket.OVER_10);
    }

    @Test
    void renderersRefuseAMissingLocaleOrReport() {
        assertThatThrownBy(() -> new SafeguardingPdf(null)).hasMessage("locale is missing");
        assertThatThrownBy(() -> new ReconciliationPdf(Locale.GERMAN).write(null, new ByteArrayOutputStream()))
                .hasMessage("report is missing");
    }

    private static AccountReconciliation account(Map<MatchRule, Integer> matches, List<ReconciliationBreak> breaks) {
        return new AccountReconciliation("SE45", "SEK", matches, breaks, new RollForward(0, 0, 0, 0), null, List.of());
    }
}
