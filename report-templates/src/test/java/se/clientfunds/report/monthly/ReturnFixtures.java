package se.clientfunds.report.monthly;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import se.clientfunds.report.pdf.Amount;
import se.clientfunds.report.pdf.ControlTotal;
import se.clientfunds.report.pdf.InputFile;
import se.clientfunds.report.pdf.ReportFixtures;
import se.clientfunds.report.pdf.ReportHeader;

/**
 * January 2026 up to Friday the 30th, three days: SEK in excess, then short by 50 000,00 on the 29th, then exactly
 * covered with an incomplete resource; EUR covered every day, its lowest requirement on two days.
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
                day(28, 1_000_000_00, 1_000_500_00, "SEK", true),
                day(29, 1_200_000_00, 1_150_000_00, "SEK", true),
                day(28, 10_000_00, 10_000_00, "EUR", true),
                day(29, 10_000_00, 11_000_00, "EUR", true),
                day(30, 12_000_00, 12_500_00, "EUR", true)));
        days.addAll(more);
        return new SafeguardingReturn(MONTH, header(), days,
                List.of(new MonthFigures("SEK", 4, 5, 3, 1), new MonthFigures("EUR", 1, 1, 0, 0)));
    }

    static ReportHeader header() {
        return new ReportHeader(LAST, 4711,
                List.of(new InputFile(STATEMENT, ReportFixtures.CAMT_HASH), new InputFile("clients.csv", ReportFixtures.LEDGER_HASH)),
                List.of(new ControlTotal("safeguarding rows SEK", 3, Amount.of(3_100_000_00, "SEK")),
                        new ControlTotal("files imported", 2, null)));
    }

    public static DayLine day(int dayOfMonth, long requirement, long resource, String currency, boolean complete) {
        return new DayLine(MONTH.atDay(dayOfMonth), Amount.of(requirement, currency), Amount.of(resource, currency), complete);
    }
}
