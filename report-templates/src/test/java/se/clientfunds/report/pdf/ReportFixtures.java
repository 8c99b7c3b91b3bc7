package se.clientfunds.report.pdf;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.clientfunds.report.Amount;

/**
 * Report records for the renderer tests: a day with a shortfall (SEK), an excess (EUR) and an exactly covered currency
 * (NOK), each with its reconciling schedule; two reconciled accounts, one failing.
 */
public final class ReportFixtures {

    public static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    public static final String CAMT_HASH = "3f".repeat(32);
    public static final String LEDGER_HASH = "a1b2c3d4".repeat(8);
    public static final String BALANCED_IBAN = "SE4550000000058398257466";
    public static final String FAILING_IBAN = "SE7280000810340009783242";
    public static final String EURO_IBAN = "DE89370400440532013000";
    public static final String KRONE_IBAN = "NO9386011117947";
    public static final ZoneOffset STOCKHOLM_WINTER = ZoneOffset.ofHours(1);
    /** Breaks older than this many banking days are escalated. */
    public static final int ESCALATE_AFTER_DAYS = 10;
    /** The payers and payees of the breaks, in turn. */
    public static final List<String> COUNTERPARTIES = List.of("Anna Andersson", "Hans Müller", "Björk & Söner AB");

    private ReportFixtures() {
    }

    /** The first version's header: two input files, a control total with a sum in SEK and a count. */
    public static ReportHeader header() {
        return new ReportHeader(DAY, 4711,
                List.of(new InputFile("camt053_2025-03-14.xml", CAMT_HASH), new InputFile("bgmax_2025-03-14.txt", LEDGER_HASH)),
                List.of(ControlTotal.sum(ControlTotalKind.CLIENT_FUNDS_ACCOUNTS, 1234, Amount.of(123_456_789, "SEK")),
                        ControlTotal.count(ControlTotalKind.ACCOUNTS_RECONCILED, 87)));
    }

    /**
     * Version 2 of the day's reports, written because a late statement was reconciled in run 2, which still has an
     * account closed without its statement and a shortfall of the day before without an action.
     */
    public static ReportHeader laterVersion() {
        ReportHeader first = header();
        return new ReportHeader(DAY, 4799, first.inputFiles(), first.controlTotals(), 2, List.of(
                new Notice.ClosedWithoutStatement(List.of(FAILING_IBAN)),
                new Notice.ShortfallWithoutAction(DAY.minusDays(1), Amount.of(500_00, "SEK")),
                new Notice.LaterVersion(2, Notice.VersionReason.LATE_STATEMENT, 2)));
    }

    /**
     * SEK short by 1 234 567,89: client money 1 235 567,89 and 3 payments in transit of 2 500,00 (requirement
     * 1 238 067,89) against a resource of 3 500,00, one account without its statement; EUR in excess by 1 234,50, the
     * firm's own fees; NOK exactly covered.
     */
    public static SafeguardingReport safeguarding() {
        return safeguarding(header());
    }

    public static SafeguardingReport safeguarding(ReportHeader header) {
        return safeguarding(header, SafeguardingMethod.SEGREGATION);
    }

    public static SafeguardingReport safeguarding(ReportHeader header, SafeguardingMethod method) {
        SafeguardingPosition krona = new SafeguardingPosition(sek(1_000_000_00), sek(234_567_89), sek(1_000_00), sek(2_500_00), 3,
                sek(3_500_00), false, new ReconcilingSchedule(sek(2_500_00), sek(500_00), sek(-200_00), sek(300_00), sek(-50_00),
                sek(-12_34), sek(100_00), sek(-75_00), sek(-66), sek(10_00), sek(-139_89), sek(-1_235_000_00)));
        SafeguardingPosition euro = new SafeguardingPosition(eur(10_000_00), eur(0), eur(250_00), eur(0), 0, eur(11_484_50), true,
                schedule(eur(0), eur(1_234_50)));
        // NOK: every statement in, 2.00 short (a receipt booked that the statement does not show)
        Amount noKrone = Amount.of(0, "NOK");
        SafeguardingPosition krone = new SafeguardingPosition(Amount.of(7_00, "NOK"), noKrone, noKrone, noKrone, 0,
                Amount.of(5_00, "NOK"), true, new ReconcilingSchedule(noKrone, noKrone, Amount.of(-2_00, "NOK"), noKrone, noKrone,
                        noKrone, noKrone, noKrone, noKrone, noKrone, noKrone, noKrone));
        List<AccountResource> resources = List.of(
                new AccountResource(BALANCED_IBAN, "Klientmedel SEK", "Swedbank", "SEK", sek(3_500_00), "2025-03-14T23:59:59+01:00"),
                new AccountResource(FAILING_IBAN, "Klientmedel SEK 2", "SEB", "SEK", null, ""),
                new AccountResource(EURO_IBAN, "Kundengelder EUR", "Commerzbank", "EUR", eur(11_484_50), ""),
                new AccountResource(KRONE_IBAN, "Klientmidler NOK", "", "NOK", Amount.of(5_00, "NOK"), "2025-03-14T18:00:00+01:00"));
        List<SafeguardingAction> today = List.of(
                new SafeguardingAction(DAY, SafeguardingAction.Type.TOP_UP, sek(1_234_567_89), "anna.finance",
                        DAY.atTime(16, 5).atOffset(STOCKHOLM_WINTER), "Egna medel in på klientmedelskontot"));
        List<SafeguardingAction> yesterday = List.of(
                new SafeguardingAction(DAY.minusDays(1), SafeguardingAction.Type.WITHDRAW_EXCESS, eur(1_000_00), "karin.operator",
                        DAY.atTime(9, 30, 15).atOffset(STOCKHOLM_WINTER), "Avgifter till driftkontot"),
                new SafeguardingAction(DAY.minusDays(1), SafeguardingAction.Type.OTHER, sek(0), "karin.operator",
                        DAY.atTime(9, 45).atOffset(STOCKHOLM_WINTER), "Banken bekräftar saldot per telefon"));
        return new SafeguardingReport(header, List.of(krona, euro, krone), resources, method, today, yesterday);
    }

    /** A schedule with only payments in transit and the firm's own fees (all other lines zero). */
    public static ReconcilingSchedule schedule(Amount inTransit, Amount firmFees) {
        Amount zero = Amount.of(0, inTransit.currency());
        return new ReconcilingSchedule(inTransit, firmFees, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero);
    }

    public static ReconciliationReport reconciliation(int breaks) {
        return reconciliation(header(), breaks);
    }

    /**
     * The balanced account with {@code breaks} breaks (see {@link #breaks(int)}) and the failing account with an
     * unexplained difference, a break explained by an operator and every kind of continuity problem.
     */
    public static ReconciliationReport reconciliation(ReportHeader header, int breaks) {
        AccountReconciliation balanced = new AccountReconciliation(BALANCED_IBAN, "SEK",
                Map.of(MatchRule.REFERENCE, 120, MatchRule.BATCH_TOTAL, 7, MatchRule.AMOUNT_AND_COUNTERPARTY, 3,
                        MatchRule.TOLERANCE, 2),
                breaks(breaks), new RollForward(breaks - 5 + 2, 5, 2, breaks),
                new BalanceProof(sek(1_000_000_00), sek(998_765_50), sek(1_500_00), sek(250_00), sek(-15_50), sek(0)),
                List.of(), ReconciliationStatus.RECONCILED);
        AccountReconciliation failing = new AccountReconciliation(FAILING_IBAN, "SEK", Map.of(MatchRule.REFERENCE, 4),
                List.of(new ReconciliationBreak(900_001, BreakType.AMOUNT_DIFFERENCE, Direction.IN, sek(-1_234_50), "E2E-77",
                        "Hans Müller", DAY.minusDays(1), 1, BreakStatus.EXPLAINED, false,
                        "2025-03-14 karin.operator: bank fee deducted, booked tomorrow")),
                new RollForward(0, 1, 0, 1),
                new BalanceProof(sek(50_000_00), sek(51_234_56), sek(0), sek(0), sek(-234_56), sek(200_00)),
                List.of(ContinuityProblem.sequenceBreak(DAY, DAY.minusDays(1), 42, 40),
                        ContinuityProblem.gap(DAY.minusDays(4), DAY.minusDays(5), DAY.minusDays(1)),
                        ContinuityProblem.openingDiffers(DAY.minusDays(1), DAY.minusDays(5), sek(51_000_00), sek(50_900_00)),
                        ContinuityProblem.noStatement(DAY.minusDays(2))),
                ReconciliationStatus.FAILED_RECONCILIATION);
        return new ReconciliationReport(header, List.of(failing, balanced), ESCALATE_AFTER_DAYS);
    }

    /**
     * Breaks with ids 1 to {@code count}, ages 0 to 14 banking days in turn. Those of age 0 are the day's payouts the
     * bank debits later (timing items: missing in the bank, money out, open); the others take every type and status
     * in turn, money in when only the bank has it, out when only the books do, an amount difference either way; the
     * explained ones carry an operator's explanation. The bank-only and books-only figures of the fixture's proof are
     * not their sums: the renderer prints what it is given.
     */
    public static List<ReconciliationBreak> breaks(int count) {
        BreakType[] types = BreakType.values();
        BreakStatus[] statuses = BreakStatus.values();
        List<ReconciliationBreak> breaks = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            int age = i % 15;
            boolean timing = age == 0;
            BreakType type = timing ? BreakType.MISSING_IN_BANK : types[i % types.length];
            Direction direction = switch (type) {
                case MISSING_IN_BOOKS -> Direction.IN;
                case MISSING_IN_BANK -> Direction.OUT;
                case AMOUNT_DIFFERENCE -> i % 2 == 0 ? Direction.IN : Direction.OUT;
            };
            BreakStatus status = timing ? BreakStatus.OPEN : statuses[i % statuses.length];
            String explanation = status == BreakStatus.EXPLAINED ? "2025-03-13 anna.finance: chased with the bank, case " + i : "";
            breaks.add(new ReconciliationBreak(i, type, direction, sek(i * 101L * (type == BreakType.MISSING_IN_BANK ? -1 : 1)),
                    "REF-" + i, COUNTERPARTIES.get(i % COUNTERPARTIES.size()), DAY.minusDays(age), age, status, timing,
                    explanation));
        }
        return breaks;
    }

    public static OffsetDateTime at(int hour, int minute, int second) {
        return DAY.atTime(hour, minute, second).atOffset(STOCKHOLM_WINTER);
    }

    public static Amount sek(long minor) {
        return Amount.of(minor, "SEK");
    }

    public static Amount eur(long minor) {
        return Amount.of(minor, "EUR");
    }
}
