package se.clientfunds.report.pdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Report records for the renderer tests: a day with an excess, a shortfall and an exact currency; two accounts. */
public final class ReportFixtures {

    public static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    public static final String CAMT_HASH = "3f".repeat(32);
    public static final String LEDGER_HASH = "a1b2c3d4".repeat(8);
    public static final String BALANCED_IBAN = "SE4550000000058398257466";
    public static final String FAILING_IBAN = "SE7280000810340009783242";

    private ReportFixtures() {
    }

    public static ReportHeader header() {
        return new ReportHeader(DAY, 4711,
                List.of(new InputFile("camt053_2025-03-14.xml", CAMT_HASH), new InputFile("bgmax_2025-03-14.txt", LEDGER_HASH)),
                List.of(new ControlTotal("statement entries", 1234, Amount.of(123_456_789, "SEK")),
                        new ControlTotal("clients with funds", 87, null)));
    }

    /** SEK short by 1 234 567,89 (requirement 1 235 567,89); EUR in excess by 1 234,50; NOK exactly covered. */
    public static SafeguardingReport safeguarding() {
        return new SafeguardingReport(header(), List.of(
                new SafeguardingPosition(Amount.of(1_000_000_00, "SEK"), Amount.of(234_567_89, "SEK"),
                        Amount.of(1_000_00, "SEK"), Amount.of(1_000_00, "SEK"), true),
                new SafeguardingPosition(Amount.of(10_000_00, "EUR"), Amount.of(0, "EUR"), Amount.of(250_00, "EUR"),
                        Amount.of(10_250_00 + 1_234_50, "EUR"), true),
                new SafeguardingPosition(Amount.of(7_00, "NOK"), Amount.of(0, "NOK"), Amount.of(0, "NOK"),
                        Amount.of(7_00, "NOK"), false)));
    }

    public static ReconciliationReport reconciliation(int breaks) {
        AccountReconciliation balanced = new AccountReconciliation(BALANCED_IBAN, "SEK",
                Map.of(MatchRule.REFERENCE, 120, MatchRule.BATCH_TOTAL, 7, MatchRule.AMOUNT_AND_COUNTERPARTY, 3,
                        MatchRule.TOLERANCE, 2),
                breaks(breaks), new RollForward(breaks - 5 + 2, 5, 2, breaks),
                new BalanceProof(Amount.of(1_000_000_00, "SEK"), Amount.of(998_765_50, "SEK"), Amount.of(1_500_00, "SEK"),
                        Amount.of(250_00, "SEK"), Amount.of(-15_50, "SEK")),
                List.of());
        AccountReconciliation failing = new AccountReconciliation(FAILING_IBAN, "SEK", Map.of(MatchRule.REFERENCE, 4),
                List.of(new ReconciliationBreak(900_001, BreakType.AMOUNT_DIFFERENCE, Amount.of(-1_234_50, "SEK"), "E2E-77",
                        DAY.minusDays(1), 1, BreakStatus.OPEN)),
                new RollForward(0, 1, 0, 1),
                new BalanceProof(Amount.of(50_000_00, "SEK"), Amount.of(51_234_56, "SEK"), Amount.of(0, "SEK"),
                        Amount.of(0, "SEK"), Amount.of(-234_56, "SEK")),
                List.of("sequence number 42 follows 40: statement 41 is missing"));
        return new ReconciliationReport(header(), List.of(failing, balanced));
    }

    /**
     * Breaks with ids 1 to {@code count}: ages 0 to 14 banking days in turn, every type and status. The bank-only and
     * books-only figures of the fixture's proof are not their sums: the renderer prints what it is given.
     */
    public static List<ReconciliationBreak> breaks(int count) {
        BreakType[] types = BreakType.values();
        BreakStatus[] statuses = BreakStatus.values();
        List<ReconciliationBreak> breaks = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            int age = i % 15;
            breaks.add(new ReconciliationBreak(i, types[i % types.length], Amount.of(i * 101L * (types[i % types.length] == BreakType.MISSING_IN_BANK ? -1 : 1), "SEK"),
                    "REF-" + i, DAY.minusDays(age), age, statuses[i % statuses.length]));
        }
        return breaks;
    }
}
