package se.clientfunds.report.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.clientfunds.report.monthly.ReturnFixtures.day;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.SafeguardingStatus;

class SafeguardingReturnRecordsTest {

    @Test
    void summaryPerCurrencyFindsHighestAndLowestRequirementAndCountsShortfallDays() {
        // when
        SafeguardingReturn january = ReturnFixtures.january();

        // then
        assertThat(january.currencies()).containsExactly("EUR", "SEK");
        assertThat(january.days("SEK")).extracting(DayLine::date).containsExactly(LocalDate.of(2026, 1, 27),
                LocalDate.of(2026, 1, 28), LocalDate.of(2026, 1, 29), LocalDate.of(2026, 1, 30));
        CurrencySummary euro = january.summaries().get(0);
        CurrencySummary krona = january.summaries().get(1);
        assertThat(euro.highest().date()).isEqualTo(LocalDate.of(2026, 1, 30));
        // the lowest requirement on the 28th and the 29th: the earlier day
        assertThat(euro.lowest().date()).isEqualTo(LocalDate.of(2026, 1, 28));
        assertThat(euro.shortfallDays()).isZero();
        assertThat(krona.highest().requirement()).isEqualTo(Amount.of(1_200_000_00, "SEK"));
        assertThat(krona.lowest().requirement()).isEqualTo(Amount.of(900_000_00, "SEK"));
        assertThat(krona.shortfallDays()).isEqualTo(2);
        // the average of the month's days, half-even to the öre: (950 000 + 1 000 000 + 1 200 000 + 900 000) / 4
        assertThat(krona.averageRequirement()).isEqualTo(Amount.of(1_012_500_00, "SEK"));
        assertThat(euro.averageRequirement()).isEqualTo(Amount.of(10_666_67, "EUR"));
        assertThat(krona.figures().breaksOpenAtMonthEnd()).isEqualTo(new BreakTally(1, Amount.of(10_345_00, "SEK")));
        assertThat(krona.highest().difference()).isEqualTo(Amount.of(-50_000_00, "SEK"));
        assertThat(krona.highest().status()).isEqualTo(SafeguardingStatus.SHORTFALL);
        assertThat(january.shortfall()).isTrue();
        // the shortfall days in day order, the resources by IBAN
        assertThat(january.shortfalls()).extracting(ShortfallDay::day).containsExactly(LocalDate.of(2026, 1, 27),
                LocalDate.of(2026, 1, 29));
        assertThat(january.resourcesAtMonthEnd()).extracting(resource -> resource.iban()).isSorted();
    }

    @Test
    void brokenInputIsRefusedNamingTheFieldAndValue() {
        assertThatThrownBy(() -> ReturnFixtures.january(List.of(day(29, 1, 1, "SEK", true))))
                .hasMessageContaining("days holds 2026-01-29 in SEK twice");
        assertThatThrownBy(() -> ReturnFixtures.january(List.of(new DayLine(LocalDate.of(2026, 2, 2),
                Amount.of(1, "SEK"), Amount.of(1, "SEK"), true)))).hasMessageContaining("day 2026-02-02 is not in 2026-01");
        assertThatThrownBy(() -> ReturnFixtures.january(List.of(day(27, 1, 1, "NOK", true))))
                .hasMessageContaining("figures of NOK are missing");
        assertThatThrownBy(() -> new SafeguardingReturn(YearMonth.of(2026, 2), ReturnFixtures.header(), List.of(), List.of(),
                List.of(), List.of(), List.of(), 10)).hasMessageContaining("last business day 2026-01-30 is not in month 2026-02");
        assertThatThrownBy(() -> new SafeguardingReturn(ReturnFixtures.MONTH, ReturnFixtures.header(), List.of(),
                List.of(figures("SEK", 1, 1)), List.of(), List.of(), List.of(), 10))
                .hasMessageContaining("figures of SEK have no day in 2026-01");
        assertThatThrownBy(() -> new DayLine(LocalDate.of(2026, 1, 5), Amount.of(1, "SEK"), Amount.of(1, "EUR"), true))
                .hasMessageContaining("resource of 2026-01-05 is in EUR, the requirement in SEK");
        assertThatThrownBy(() -> figures("SEK", 5, 4))
                .hasMessageContaining("clientsWithFundsMax 4 of SEK is below clientsWithFundsAtMonthEnd 5");
        assertThatThrownBy(() -> new BreakTally(-1, Amount.of(0, "SEK"))).hasMessageContaining("break count -1 is negative");
        assertThatThrownBy(() -> new BreakTally(0, Amount.of(1, "SEK"))).hasMessageContaining("no breaks cannot be worth");
        assertThatThrownBy(() -> new BreakTally(2, Amount.of(-1, "SEK"))).hasMessageContaining("is negative");
        assertThatThrownBy(() -> new MonthFigures("SEK", 0, 0, BreakTally.none("EUR"), BreakTally.none("SEK"),
                BreakTally.none("SEK"))).hasMessageContaining("a break tally of SEK is missing or in another currency");
        assertThatThrownBy(() -> new SafeguardingReturnPdf(null)).hasMessageContaining("locale is missing");
        assertThatThrownBy(() -> new SafeguardingReturnXlsx(null)).hasMessageContaining("locale is missing");
    }

    private static MonthFigures figures(String currency, long atMonthEnd, long max) {
        return new MonthFigures(currency, atMonthEnd, max, BreakTally.none(currency), BreakTally.none(currency),
                BreakTally.none(currency));
    }
}
