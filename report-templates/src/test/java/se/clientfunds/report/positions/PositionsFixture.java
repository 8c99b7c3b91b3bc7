package se.clientfunds.report.positions;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;

/**
 * A small business day in SEK, EUR and JPY. SEK and JPY satisfy the invariant; EUR is one cent short on the bank
 * side, so the workbook must show the check failing.
 */
final class PositionsFixture {

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
        return new PositionsReport(BUSINESS_DATE, 4711,
                List.of(new InputFile("camt053_20250314.xml", CAMT_SHA), new InputFile("bgmax_20250314.txt", BGMAX_SHA)),
                positions(), movements, unallocated(),
                new ControlTotals(7, 14, 1, List.of(sek(582_500), eur(0), jpy(0))));
    }

    static List<PositionLine> positions() {
        return List.of(
                position(BANK_SEK, AccountKind.BANK, sek(10_000_000), sek(250_000), sek(120_000), sek(10_130_000)),
                position("CLIENT:CL00001", AccountKind.CLIENT, sek(6_000_000), sek(122_500), sek(150_000),
                        sek(6_027_500)),
                position("CLIENT:CL00002", AccountKind.CLIENT, sek(3_000_000), sek(0), sek(50_000), sek(3_050_000)),
                position("UNALLOCATED", AccountKind.UNALLOCATED, sek(900_000), sek(210_000), sek(250_000),
                        sek(940_000)),
                position("DEBTOR_CREDIT", AccountKind.DEBTOR_CREDIT, sek(50_000), sek(0), sek(10_000), sek(60_000)),
                position("PLATFORM_FEES", AccountKind.PLATFORM_FEES, sek(50_000), sek(0), sek(2_500), sek(52_500)),
                position("BANK:DE89370400440532013000", AccountKind.BANK, eur(100_000), eur(0), eur(0), eur(100_000)),
                position("CLIENT:CL00003", AccountKind.CLIENT, eur(90_000), eur(0), eur(0), eur(90_000)),
                position("UNALLOCATED", AccountKind.UNALLOCATED, eur(10_001), eur(0), eur(0), eur(10_001)),
                position("BANK:SE3550000000054910000003", AccountKind.BANK, jpy(1_000_000), jpy(0), jpy(0),
                        jpy(1_000_000)),
                position("CLIENT:CL00004", AccountKind.CLIENT, jpy(1_000_000), jpy(0), jpy(0), jpy(1_000_000)));
    }

    static List<MovementLine> movements() {
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
                new MovementLine(BUSINESS_DATE, "PAYOUT", "PMT-2025-03-14-001", BANK_SEK, Side.C, sek(120_000)));
    }

    static List<UnallocatedLine> unallocated() {
        return List.of(
                new UnallocatedLine("OCR 1234567897", BUSINESS_DATE.minusDays(1), sek(500_000), sek(440_000),
                        "invoice not found", "Anna Andersson"),
                new UnallocatedLine("E2E-77", BUSINESS_DATE, eur(10_001), eur(10_001), "no reference", "Hans Müller"));
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
