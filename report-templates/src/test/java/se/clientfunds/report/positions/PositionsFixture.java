package se.clientfunds.report.positions;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;

import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.Notice;

/**
 * A small business day in SEK, EUR and JPY. SEK and JPY satisfy the invariant; EUR is one cent short on the bank
 * side, so the workbook must show the check failing. Clients have names; the movements carry every event of the
 * ledger and one it does not know; the unallocated payments every reason code, the debtor credit both outcomes.
 */
public final class PositionsFixture {

    static final LocalDate BUSINESS_DATE = LocalDate.of(2025, 3, 14);
    static final String BANK_SEK = "BANK:SE4550000000058398257466";
    static final String CAMT_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String BGMAX_SHA = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    private PositionsFixture() {
    }

    static PositionsReport report() {
        return report(movements());
    }

    static PositionsReport report(Iterable<MovementLine> movements) {
        return report(movements, 1, List.of());
    }

    /**
     * Version 2 of the day's reports, written after a late statement was reconciled, with the account still closed
     * without its statement and the day before's shortfall without an action.
     */
    static PositionsReport laterVersion() {
        return report(movements(), 2, List.of(
                new Notice.ClosedWithoutStatement(List.of("SE4550000000058398257466")),
                new Notice.ShortfallWithoutAction(BUSINESS_DATE.minusDays(1), Amount.of(500_00, "SEK")),
                new Notice.LaterVersion(2, Notice.VersionReason.LATE_STATEMENT, 2)));
    }

    public static PositionsReport report(Iterable<MovementLine> movements, int version, List<Notice> notices) {
        return new PositionsReport(BUSINESS_DATE, 4711,
                List.of(new InputFile("camt053_20250314.xml", CAMT_SHA), new InputFile("bgmax_20250314.txt", BGMAX_SHA)),
                positions(), movements, unallocated(),
                new ControlTotals(7, 14, 1, List.of(sek(582_500), eur(0), jpy(0))), version, notices, debtorCredit());
    }

    public static List<PositionLine> positions() {
        return List.of(
                position(BANK_SEK, AccountKind.BANK, sek(10_000_000), sek(250_000), sek(120_000), sek(10_130_000)),
                client("CLIENT:CL00001", "Lindqvist Fastigheter AB", sek(6_000_000), sek(122_500), sek(150_000),
                        sek(6_027_500)),
                client("CLIENT:CL00002", "Åsa Öberg", sek(3_000_000), sek(0), sek(50_000), sek(3_050_000)),
                position("UNALLOCATED", AccountKind.UNALLOCATED, sek(900_000), sek(210_000), sek(250_000),
                        sek(940_000)),
                position("DEBTOR_CREDIT", AccountKind.DEBTOR_CREDIT, sek(50_000), sek(0), sek(10_000), sek(60_000)),
                position("PLATFORM_FEES", AccountKind.PLATFORM_FEES, sek(50_000), sek(0), sek(2_500), sek(52_500)),
                position("BANK:DE89370400440532013000", AccountKind.BANK, eur(100_000), eur(0), eur(0), eur(100_000)),
                client("CLIENT:CL00003", "Müller GmbH", eur(90_000), eur(0), eur(0), eur(90_000)),
                position("UNALLOCATED", AccountKind.UNALLOCATED, eur(10_001), eur(0), eur(0), eur(10_001)),
                position("BANK:SE3550000000054910000003", AccountKind.BANK, jpy(1_000_000), jpy(0), jpy(0),
                        jpy(1_000_000)),
                client("CLIENT:CL00004", "Tanaka KK", jpy(1_000_000), jpy(0), jpy(0), jpy(1_000_000)));
    }

    public static List<MovementLine> movements() {
        return List.of(
                new MovementLine(BUSINESS_DATE, "PAYMENT_RECEIVED", "OCR 4455667788", BANK_SEK, Side.D, sek(150_000)),
                new MovementLine(BUSINESS_DATE, "PAYMENT_RECEIVED", "OCR 4455667788", "UNALLOCATED", Side.C,
                        sek(150_000)),
                new MovementLine(BUSINESS_DATE, "PAYMENT_ALLOCATED", "OCR 4455667788", "UNALLOCATED", Side.D,
                        sek(150_000)),
                new MovementLine(BUSINESS_DATE, "PAYMENT_ALLOCATED", "OCR 4455667788", "CLIENT:CL00001", Side.C,
                        sek(150_000)),
                new MovementLine(BUSINESS_DATE, "PAYOUT", "PMT-2025-03-14-001", "CLIENT:CL00001", Side.D,
                        sek(120_000)),
                new MovementLine(BUSINESS_DATE, "PAYOUT", "PMT-2025-03-14-001", BANK_SEK, Side.C, sek(120_000)),
                new MovementLine(BUSINESS_DATE, "FEE_CHARGED", "OCR 4455667788", "CLIENT:CL00001", Side.D, sek(2_500)),
                new MovementLine(BUSINESS_DATE, "MANUAL_ALLOCATION", "OCR 9988776655", "UNALLOCATED", Side.D, sek(60_000)),
                new MovementLine(BUSINESS_DATE, "REFUND_PAID", "RFD-2025-03-14-001", "DEBTOR_CREDIT", Side.D, sek(10_000)),
                new MovementLine(BUSINESS_DATE, "PAYMENT_DEDUCTED", "BGC 0042", "CLIENT:CL00002", Side.D, sek(1_000)),
                // an event the renderer has no words for is printed as the ledger names it
                new MovementLine(BUSINESS_DATE, UNKNOWN_EVENT, "KORR-0001", BANK_SEK, Side.D, sek(100)));
    }

    /** An event of the ledger the report bundles do not know. */
    static final String UNKNOWN_EVENT = "INTEREST_CREDITED";

    /** The unallocated payments: one per reason code, in the order of the codes, the first two as before. */
    static final List<String> REASON_CODES = List.of("UNKNOWN_OCR", "NO_REFERENCE", "INVALID_OCR", "AMBIGUOUS_OCR",
            "CURRENCY_MISMATCH", "MANUAL", "OTHER", "SANCTIONS_HOLD");

    public static List<UnallocatedLine> unallocated() {
        return List.of(
                new UnallocatedLine("OCR 1234567897", BUSINESS_DATE.minusDays(1), sek(500_000), sek(440_000), "UNKNOWN_OCR",
                        "UNKNOWN_OCR: no invoice has OCR 1234567897", "Anna Andersson", "1234567897", 1),
                new UnallocatedLine("E2E-77", BUSINESS_DATE, eur(10_001), eur(10_001), "NO_REFERENCE", "", "Hans Müller", "", 0),
                new UnallocatedLine("OCR 1234567890", BUSINESS_DATE.minusDays(3), sek(10_000), sek(10_000), "INVALID_OCR",
                        "INVALID_OCR: 1234567890 fails the check digit", "Björk & Söner AB", "1234567890", 3),
                new UnallocatedLine("OCR 5555555555", BUSINESS_DATE.minusDays(2), sek(20_000), sek(20_000), "AMBIGUOUS_OCR",
                        "AMBIGUOUS_OCR: INV1, INV1-COPY", "Åsa Öberg", "5555555555", 2),
                new UnallocatedLine("OCR 7777777777", BUSINESS_DATE, sek(30_000), sek(30_000), "CURRENCY_MISMATCH",
                        "CURRENCY_MISMATCH: invoice in EUR", "Hans Müller", "7777777777", 0),
                new UnallocatedLine("OCR 8888888888", BUSINESS_DATE.minusDays(7), sek(40_000), sek(40_000), "MANUAL",
                        "karin.operator: väntar på kundens besked", "Anna Andersson", "8888888888", 5),
                new UnallocatedLine("OCR 9999999999", BUSINESS_DATE, sek(50_000), sek(50_000), "OTHER", "", "Björk & Söner AB",
                        "9999999999", 0),
                new UnallocatedLine("OCR 1111111116", BUSINESS_DATE, sek(60_000), sek(60_000), "SANCTIONS_HOLD",
                        "SANCTIONS_HOLD: payer \"Ivar Testovsky\" is an exact hit on EU.9001.01 (alert 1)", "Ivar Testovsky",
                        "1111111116", 0));
    }

    /** Money held in DEBTOR_CREDIT: an overpayment and a payment made twice. */
    public static List<DebtorCreditLine> debtorCredit() {
        return List.of(
                new DebtorCreditLine("OCR 5566778899", BUSINESS_DATE.minusDays(2), "Björk & Söner AB", "5566778899", sek(25_000),
                        "OVERPAID", 2),
                new DebtorCreditLine("BGC 0042", BUSINESS_DATE, "Åsa Öberg", "INV-2025-0042", sek(120_000), "DUPLICATE", 0));
    }

    /** {@code count} movements made one at a time while the renderer asks for them, never held as a list. */
    static Iterable<MovementLine> lazyMovements(int count) {
        return () -> new Iterator<>() {
            private int next = 1;

            @Override
            public boolean hasNext() {
                return next <= count;
            }

            @Override
            public MovementLine next() {
                int i = next++;
                return new MovementLine(BUSINESS_DATE, i % 2 == 0 ? "PAYMENT_RECEIVED" : "PAYMENT_ALLOCATED",
                        "OCR " + (1_000_000_000L + i), i % 2 == 0 ? BANK_SEK : "UNALLOCATED", i % 2 == 0 ? Side.D : Side.C,
                        sek(100 + i));
            }
        };
    }

    static PositionLine position(String account, AccountKind kind, Amount opening, Amount debit, Amount credit,
            Amount closing) {
        return new PositionLine(account, kind, opening.currency(), opening, debit, credit, closing);
    }

    static PositionLine client(String account, String name, Amount opening, Amount debit, Amount credit, Amount closing) {
        return new PositionLine(account, name, AccountKind.CLIENT, opening.currency(), opening, debit, credit, closing);
    }

    static Amount sek(long minor) {
        return new Amount(minor, "SEK");
    }

    static Amount eur(long minor) {
        return new Amount(minor, "EUR");
    }

    static Amount jpy(long minor) {
        return new Amount(minor, "JPY");
    }
}
