package se.clientfunds.report.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.clientfunds.report.monthly.ReturnFixtures.day;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.report.pdf.Amount;
import se.clientfunds.report.pdf.SafeguardingStatus;

class SafeguardingReturnRecordsTest {

    @Test
    void summaryPerCurrencyFindsHighestAndLowestRequirementAndCountsShortfallDays() {
        // when
        SafeguardingReturn january = ReturnFixtures.january();

        // then
        assertThat(january.currencies()).containsExactly("EUR", "SEK");
        assertThat(january.days("SEK")).extracting(DayLine::date).containsExactly(LocalDate.of(2026, 1, 28),
                LocalDate.of(2026, 1, 29), LocalDate.of(2026, 1, 30));
        CurrencySummary euro = january.summaries().get(0);
        CurrencySummary krona = january.summaries().get(1);
        assertThat(euro.highest().date()).isEqualTo(LocalDate.of(2026, 1, 30));
        // the lowest requirement on the 28th and the 29th: the earlier day
        assertThat(euro.lowest().date()).isEqualTo(LocalDate.of(2026, 1, 28));
        assertThat(euro.shortfallDays()).isZero();
        assertThat(krona.highest().requirement()).isEqualTo(Amount.of(1_200_000_00, "SEK"));
        assertThat(krona.lowest().requirement()).isEqualTo(Amount.of(900_000_00, "SEK"));
        assertThat(krona.shortfallDays()).isEqualTo(1);
        assertThat(krona.figures().breaksOpenAtMonthEnd()).isEqualTo(1);
        assertThat(krona.highest().difference()).isEqualTo(Amount.of(-50_000_00, "SEK"));
        assertThat(krona.highest().status()).isEqualTo(SafeguardingStatus.SHORTFALL);
        assertThat(january.shortfall()).isTrue();
    }

    @Test
    void brokenInputIsRefusedNamingTheFieldAndValue() {
        assertThatThrownBy(() -> ReturnFixtures.january(List.of(day(29, 1, 1, "SEK", true))))
                .hasMessageContaining("days holds 2026-01-29 in SEK twice");
        assertThatThrownBy(() -> ReturnFixtures.january(List.of(new DayLine(LocalDate.of(2026, 2, 2),
                Amount.of(1, "SEK"), Amount.of(1, "SEK"), true)))).hasMessageContaining("day 2026-02-02 is not in 2026-01");
        assertThatThrownBy(() -> ReturnFixtures.january(List.of(day(27, 1, 1, "NOK", true))))
                .hasMessageContaining("figures of NOK are missing");
        assertThatThrownBy(() -> new SafeguardingReturn(YearMonth.of(2026, 2), ReturnFixtures.header(), List.of(), List.of()))
                .hasMessageContaining("last business day 2026-01-30 is not in month 2026-02");
        assertThatThrownBy(() -> new SafeguardingReturn(ReturnFixtures.MONTH, ReturnFixtures.header(), List.of(),
                List.of(new MonthFigures("SEK", 1, 1, 0, 0)))).hasMessageContaining("figures of SEK have no day in 2026-01");
        assertThatThrownBy(() -> new DayLine(LocalDate.of(2026, 1, 5), Amount.of(1, "SEK"), Amount.of(1, "EUR"), true))
                .hasMessageContaining("resource of 2026-01-05 is in EUR, the requirement in SEK");
        assertThatThrownBy(() -> new MonthFigures("SEK", 5, 4, 0, 0))
                .hasMessageContaining("clientsWithFundsMax 4 of SEK is below clientsWithFundsAtMonthEnd 5");
        assertThatThrownBy(() -> new MonthFigures("SEK", 0, 0, -1, 0)).hasMessageContaining("breaksOpened -1 of SEK is negative");
        assertThatThrownBy(() -> new SafeguardingReturnPdf(null)).hasMessageContaining("locale is missing");
        assertThatThrownBy(() -> new SafeguardingReturnXlsx(null)).hasMessageContaining("locale is missing");
    }
}
