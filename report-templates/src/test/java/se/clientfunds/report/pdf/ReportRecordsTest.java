package se.clientfunds.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.clientfunds.report.pdf.ReportFixtures.sek;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.clientfunds.report.Amount;

class ReportRecordsTest {

    private static final LocalDate DAY = ReportFixtures.DAY;

    @Test
    void headerRefusesAMissingDateANonPositiveJobABadHashAndALaterVersionNoticeOnVersionOne() {
        assertThatThrownBy(() -> new ReportHeader(null, 1, List.of(), List.of())).hasMessage("businessDate is missing");
        assertThatThrownBy(() -> new ReportHeader(DAY, 0, List.of(), List.of())).hasMessage("jobExecutionId 0 is not positive");
        assertThatThrownBy(() -> new InputFile("camt.xml", "abc"))
                .hasMessage("sha256 'abc' of input file camt.xml is not 64 hex digits");
        assertThatThrownBy(() -> new InputFile(" ", "ab".repeat(32))).hasMessage("input file name ' ' is blank");
        assertThat(new InputFile("camt.xml", "AB".repeat(32)).sha256()).isEqualTo("ab".repeat(32));
        assertThatThrownBy(() -> new ReportHeader(DAY, 1, List.of(), List.of(), 1,
                List.of(new Notice.LaterVersion(2, Notice.VersionReason.REWRITTEN, 1))))
                .hasMessage("version 1 cannot carry a later-version notice");
        assertThatThrownBy(() -> new ReportHeader(DAY, 1, List.of(), List.of(), 0, List.of())).hasMessage("version 0 is not positive");
        assertThat(new ReportHeader(DAY, 1, List.of(), List.of()).version()).isEqualTo(1);
        // the notice says which version the reports are: it must be theirs, once
        assertThatThrownBy(() -> new ReportHeader(DAY, 1, List.of(), List.of(), 2,
                List.of(new Notice.LaterVersion(3, Notice.VersionReason.REWRITTEN, 1))))
                .hasMessage("the later-version notice says version 3, the reports are version 2");
        assertThatThrownBy(() -> new ReportHeader(DAY, 1, List.of(), List.of(), 2,
                List.of(new Notice.LaterVersion(2, Notice.VersionReason.REWRITTEN, 1),
                        new Notice.LaterVersion(2, Notice.VersionReason.LATE_STATEMENT, 2))))
                .hasMessage("version 2 carries 2 later-version notices");
    }

    @Test
    void noticesRefuseWhatTheyCannotSay() {
        assertThatThrownBy(() -> new Notice.ClosedWithoutStatement(List.of()))
                .hasMessage("accounts closed without a statement are missing");
        assertThatThrownBy(() -> new Notice.ShortfallWithoutAction(DAY, sek(0)))
                .hasMessage("shortfall of 2025-03-14 must be a positive amount, is 0.00 SEK");
        assertThatThrownBy(() -> new Notice.LaterVersion(1, Notice.VersionReason.LATE_STATEMENT, 1))
                .hasMessage("a later version is 2 or more, is 1");
        assertThat(new Notice.ClosedWithoutStatement(List.of("SE45")).alert()).isTrue();
        assertThat(new Notice.ShortfallWithoutAction(DAY, sek(1)).alert()).isTrue();
        assertThat(new Notice.LaterVersion(3, Notice.VersionReason.REWRITTEN, 1).alert()).isFalse();
    }

    @Test
    void controlTotalsAreKindsWithACurrencyAndSafeguardingDaysAreACountNeverASum() {
        assertThat(ControlTotal.sum(ControlTotalKind.OPEN_BREAKS, 3, sek(300)).currency()).isEqualTo("SEK");
        assertThat(ControlTotal.count(ControlTotalKind.FILES_IMPORTED, 2).total()).isNull();
        assertThatThrownBy(() -> ControlTotal.count(ControlTotalKind.MATCHES, -1))
                .hasMessage("count -1 of control total MATCHES is negative");
        assertThatThrownBy(() -> new ControlTotal(ControlTotalKind.OPEN_BREAKS, "EUR", 1, sek(1)))
                .hasMessageContaining("is not in EUR");
        // a sum of daily requirements means nothing: the days are counted
        assertThatThrownBy(() -> new ControlTotal(ControlTotalKind.SAFEGUARDING_DAYS, "SEK", 20, sek(3_100_000_00)))
                .hasMessage("control total SAFEGUARDING_DAYS counts days and has no sum, got 3100000.00 SEK");
        assertThat(new ControlTotal(ControlTotalKind.SAFEGUARDING_DAYS, "SEK", 20, null).count()).isEqualTo(20);
    }

    @Test
    void safeguardingPositionDerivesClientMoneyRequirementDifferenceAndStatusAndItsScheduleMustAddUp() {
        // given: 100 + 20 + 3 owed to clients and payers, 4 in transit, a resource of 120
        SafeguardingPosition shortfall = new SafeguardingPosition(sek(100), sek(20), sek(3), sek(4), 1, sek(120), true,
                ReportFixtures.schedule(sek(4), sek(-7)));

        // then
        assertThat(shortfall.clientMoney()).isEqualTo(sek(123));
        assertThat(shortfall.requirement()).isEqualTo(sek(127));
        assertThat(shortfall.difference()).isEqualTo(sek(-7));
        assertThat(shortfall.status()).isEqualTo(SafeguardingStatus.SHORTFALL);
        assertThat(shortfall.schedule().total()).isEqualTo(sek(-3));
        assertThat(shortfall.schedule().excessOrShortfall()).isEqualTo(shortfall.difference());
        assertThat(SafeguardingStatus.of(Amount.of(0, "EUR"))).isEqualTo(SafeguardingStatus.OK);
        assertThat(SafeguardingStatus.of(Amount.of(1, "EUR"))).isEqualTo(SafeguardingStatus.EXCESS);
        assertThatThrownBy(() -> new SafeguardingPosition(sek(100), sek(20), sek(3), sek(4), 1, sek(120), true,
                ReportFixtures.schedule(sek(4), sek(-6))))
                .hasMessageContaining("the reconciling schedule of SEK adds up to");
        assertThatThrownBy(() -> new SafeguardingPosition(sek(100), sek(20), sek(3), sek(5), 1, sek(120), true,
                ReportFixtures.schedule(sek(4), sek(-7))))
                .hasMessageContaining("payments in transit");
        assertThatThrownBy(() -> new SafeguardingReport(ReportFixtures.header(), List.of(shortfall, shortfall), List.of(),
                SafeguardingMethod.SEGREGATION, List.of(), List.of())).hasMessage("positions holds currency SEK twice");
        assertThatThrownBy(() -> new SafeguardingReport(ReportFixtures.header(), List.of(), List.of(), null, List.of(),
                List.of())).hasMessage("the safeguarding method is missing");
    }

    @Test
    void theScheduleOfTheFixtureExplainsTheShortfallToTheOre() {
        // when
        SafeguardingPosition krona = ReportFixtures.safeguarding().positions().get(2);

        // then: resource 3 500,00 − client money 1 235 567,89, less 2 500,00 in transit
        assertThat(krona.currency()).isEqualTo("SEK");
        assertThat(krona.schedule().total()).isEqualTo(sek(-1_232_067_89));
        assertThat(krona.schedule().excessOrShortfall()).isEqualTo(sek(-1_234_567_89)).isEqualTo(krona.difference());
        assertThat(krona.schedule().lines()).hasSize(12).containsKeys("inTransit", "writtenOff", "unexplained", "notConfirmed");
    }

    @Test
    void reconciliationRecordsRefuseInconsistentFigures() {
        assertThatThrownBy(() -> new RollForward(3, 2, 1, 5)).hasMessage("closing 5 is not opening 3 + newBreaks 2 - cleared 1");
        assertThatThrownBy(() -> new RollForward(-1, 1, 0, 0)).hasMessageContaining("opening -1");
        assertThatThrownBy(() -> new BalanceProof(sek(1), Amount.of(1, "EUR"), sek(0), sek(0), sek(0), sek(0)))
                .hasMessage("booksClosing is in EUR, expected SEK");
        assertThatThrownBy(() -> new ReconciliationBreak(7, BreakType.MISSING_IN_BANK, sek(1), "R", DAY, -1,
                BreakStatus.OPEN)).hasMessage("ageBankingDays -1 of break 7 is negative");
        assertThatThrownBy(() -> new ReconciliationBreak(7, null, sek(1), "R", DAY, 0, BreakStatus.OPEN))
                .hasMessage("type of break 7 is missing");
        assertThatThrownBy(() -> new ReconciliationBreak(7, BreakType.MISSING_IN_BANK, null, sek(1), "R", "", DAY, 0,
                BreakStatus.OPEN, false, "")).hasMessage("direction of break 7 is missing");
        ReconciliationBreak euro = new ReconciliationBreak(3, BreakType.MISSING_IN_BOOKS, Amount.of(1, "EUR"), null, DAY, 0,
                BreakStatus.OPEN);
        assertThat(euro.reference()).isEmpty();
        assertThat(euro.counterparty()).isEmpty();
        assertThat(euro.direction()).isEqualTo(Direction.IN);
        assertThatThrownBy(() -> account(Map.of(), List.of(euro))).hasMessage("amount of break 3 is in EUR, expected SEK");
        ReconciliationBreak krona = new ReconciliationBreak(3, BreakType.MISSING_IN_BOOKS, sek(1), "R", DAY, 0, BreakStatus.OPEN);
        assertThatThrownBy(() -> account(Map.of(), List.of(krona, krona)))
                .hasMessage("breaks of account SE45 holds break id 3 twice");
        assertThatThrownBy(() -> account(Map.of(MatchRule.TOLERANCE, -1), List.of()))
                .hasMessage("matches TOLERANCE of account SE45 is -1");
        assertThat(account(Map.of(MatchRule.BATCH_TOTAL, 2), List.of()).matches())
                .containsExactly(Map.entry(MatchRule.REFERENCE, 0), Map.entry(MatchRule.BATCH_TOTAL, 2),
                        Map.entry(MatchRule.AMOUNT_AND_COUNTERPARTY, 0), Map.entry(MatchRule.TOLERANCE, 0));
        assertThatThrownBy(() -> new ReconciliationReport(ReportFixtures.header(), List.of(), -1))
                .hasMessage("escalateAfterDays -1 is negative");
    }

    @Test
    void continuityProblemsNeedWhatTheirSentenceSays() {
        assertThatThrownBy(() -> new ContinuityProblem(ContinuityProblem.Kind.GAP, DAY, DAY.minusDays(2), null, null, null,
                null, null)).hasMessage("a GAP of 2025-03-14 needs the days around it");
        assertThatThrownBy(() -> new ContinuityProblem(ContinuityProblem.Kind.SEQUENCE_BREAK, DAY, DAY.minusDays(1), null, null,
                null, 4L, null)).hasMessageContaining("needs the previous day and both sequence numbers");
        assertThat(ContinuityProblem.noStatement(DAY).previousDay()).isNull();
    }

    @Test
    void balanceProofLeavesTheUnexplainedDifferenceWithWriteOffsOnTheirOwnLine() {
        BalanceProof proof = new BalanceProof(sek(1_000), sek(900), sek(150), sek(40), sek(-5), sek(3));
        assertThat(proof.difference()).isEqualTo(sek(100));
        assertThat(proof.explained()).isEqualTo(sek(108));
        assertThat(proof.unexplained()).isEqualTo(sek(-8));
        assertThat(new BalanceProof(sek(1_000), sek(900), sek(150), sek(40), sek(-5)).writtenOff()).isEqualTo(sek(0));
    }

    @Test
    void timingItemsExceptionsAndEscalationsSplitTheBreaks() {
        // given: the fixture's 40 breaks, ages i % 15, those of age 0 timing items
        AccountReconciliation account = ReportFixtures.reconciliation(40).accounts().get(0);

        // then
        assertThat(account.timingItems()).extracting(ReconciliationBreak::id).containsExactly(15L, 30L);
        assertThat(account.exceptions()).hasSize(38).noneMatch(ReconciliationBreak::timing);
        // older than 10 banking days and not resolved, oldest first
        assertThat(account.escalations(ReportFixtures.ESCALATE_AFTER_DAYS)).extracting(ReconciliationBreak::id)
                .containsExactly(13L, 28L, 12L, 27L);
        assertThat(account.escalations(ReportFixtures.ESCALATE_AFTER_DAYS))
                .allMatch(item -> item.ageBankingDays() > 10 && item.status() != BreakStatus.RESOLVED);
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
        return new AccountReconciliation("SE45", "SEK", matches, breaks, new RollForward(0, 0, 0, 0), null, List.of(),
                ReconciliationStatus.FAILED_RECONCILIATION);
    }
}
