package se.clientfunds.report.monthly;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.AccountResource;
import se.clientfunds.report.pdf.BreakType;
import se.clientfunds.report.pdf.ControlTotal;
import se.clientfunds.report.pdf.ControlTotalKind;
import se.clientfunds.report.pdf.Direction;
import se.clientfunds.report.pdf.InputFile;
import se.clientfunds.report.pdf.ReportFixtures;
import se.clientfunds.report.pdf.ReportHeader;
import se.clientfunds.report.pdf.SafeguardingAction;

/**
 * January 2026 up to Friday the 30th. SEK short by 1,00 on the 27th (no action recorded), in excess on the 28th, short
 * by 50 000,00 on the 29th (topped up the next morning), exactly covered with an incomplete resource on the 30th; EUR
 * covered the 28th to the 30th, its lowest requirement on two days. Three SEK breaks opened in the month, two cleared,
 * one open at month end and older than the escalation threshold.
 */
public final class ReturnFixtures {

    static final YearMonth MONTH = YearMonth.of(2026, 1);
    static final LocalDate LAST = LocalDate.of(2026, 1, 30);
    static final String STATEMENT = "camt053-2026-01-30.xml";

    private ReturnFixtures() {
    }

    public static SafeguardingReturn january() {
        return january(List.of());
    }

    /** The fixture with {@code more} days added. */
    public static SafeguardingReturn january(List<DayLine> more) {
        List<DayLine> days = new ArrayList<>(List.of(
                // given out of order: the return sorts them
                day(30, 900_000_00, 900_000_00, "SEK", false),
                day(27, 950_000_00, 949_999_00, "SEK", true),
                day(28, 1_000_000_00, 1_000_500_00, "SEK", true),
                day(29, 1_200_000_00, 1_150_000_00, "SEK", true),
                day(28, 10_000_00, 10_000_00, "EUR", true),
                day(29, 10_000_00, 11_000_00, "EUR", true),
                day(30, 12_000_00, 12_500_00, "EUR", true)));
        days.addAll(more);
        return january(header(), days);
    }

    /** The fixture's days under {@code header}. */
    public static SafeguardingReturn january(ReportHeader header, List<DayLine> days) {
        return new SafeguardingReturn(MONTH, header, days,
                List.of(new MonthFigures("SEK", 4, 5, new BreakTally(3, sek(12_345_00)), new BreakTally(2, sek(2_000_00)),
                                new BreakTally(1, sek(10_345_00))),
                        new MonthFigures("EUR", 1, 1, BreakTally.none("EUR"), BreakTally.none("EUR"), BreakTally.none("EUR"))),
                List.of(new AccountResource(ReportFixtures.BALANCED_IBAN, "Klientmedel SEK", "Swedbank", "SEK", sek(900_000_00),
                                "2026-01-30T23:59:59+01:00"),
                        new AccountResource(ReportFixtures.EURO_IBAN, "Kundengelder EUR", "Commerzbank", "EUR",
                                Amount.of(12_500_00, "EUR"), "")),
                List.of(new AgedBreak(900_017, ReportFixtures.BALANCED_IBAN, BreakType.MISSING_IN_BOOKS, Direction.IN,
                        sek(10_345_00), "BGC 0017", "Björk & Söner AB", LAST.minusDays(20), 14)),
                List.of(new ShortfallDay(LocalDate.of(2026, 1, 29), sek(50_000_00), List.of(new SafeguardingAction(
                        LocalDate.of(2026, 1, 29), SafeguardingAction.Type.TOP_UP, sek(50_000_00), "anna.finance",
                        OffsetDateTime.of(2026, 1, 30, 9, 12, 0, 0, ZoneOffset.ofHours(1)), "Egna medel in på klientmedelskontot"))),
                        new ShortfallDay(LocalDate.of(2026, 1, 27), sek(1_00), List.of())),
                ReportFixtures.ESCALATE_AFTER_DAYS);
    }

    static ReportHeader header() {
        return new ReportHeader(LAST, 4711,
                List.of(new InputFile(STATEMENT, ReportFixtures.CAMT_HASH), new InputFile("clients.csv", ReportFixtures.LEDGER_HASH)),
                List.of(new ControlTotal(ControlTotalKind.SAFEGUARDING_DAYS, "EUR", 3, null),
                        new ControlTotal(ControlTotalKind.SAFEGUARDING_DAYS, "SEK", 4, null),
                        ControlTotal.sum(ControlTotalKind.BREAKS_OPENED, 3, sek(12_345_00)),
                        ControlTotal.count(ControlTotalKind.FILES_IMPORTED, 2)));
    }

    static Amount sek(long minor) {
        return Amount.of(minor, "SEK");
    }

    public static DayLine day(int dayOfMonth, long requirement, long resource, String currency, boolean complete) {
        return new DayLine(MONTH.atDay(dayOfMonth), Amount.of(requirement, currency), Amount.of(resource, currency), complete);
    }
}
