package se.clientfunds.report.monthly;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.AccountResource;
import se.clientfunds.report.pdf.ReportHeader;

/**
 * The monthly safeguarding return: every business day's requirement and resource per currency up to the month's last
 * business day (the header's business date), and per currency the clients with funds and the breaks. Days are put
 * in currency and date order here, so the same records give the same document whatever order they were read in.
 */
public record SafeguardingReturn(YearMonth month, ReportHeader header, List<DayLine> days, List<MonthFigures> figures,
                                 List<AccountResource> resourcesAtMonthEnd, List<AgedBreak> agedBreaks,
                                 List<ShortfallDay> shortfalls, int escalateAfterDays) {

    private static final Comparator<DayLine> CURRENCY_THEN_DATE = Comparator.comparing(DayLine::currency)
            .thenComparing(DayLine::date);

    public SafeguardingReturn {
        if (month == null) {
            throw new IllegalArgumentException("month is missing");
        }
        if (header == null) {
            throw new IllegalArgumentException("header is missing");
        }
        if (!YearMonth.from(header.businessDate()).equals(month)) {
            throw new IllegalArgumentException("last business day " + header.businessDate() + " is not in month " + month);
        }
        if (days == null) {
            throw new IllegalArgumentException("days is missing");
        }
        if (figures == null) {
            throw new IllegalArgumentException("figures is missing");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            DayLine day = days.get(i);
            if (day == null) {
                throw new IllegalArgumentException("days holds a missing day at index " + i);
            }
            if (!YearMonth.from(day.date()).equals(month) || day.date().isAfter(header.businessDate())) {
                throw new IllegalArgumentException("day " + day.date() + " is not in " + month + " up to "
                        + header.businessDate());
            }
            if (!seen.add(day.currency() + " " + day.date())) {
                throw new IllegalArgumentException("days holds " + day.date() + " in " + day.currency() + " twice");
            }
        }
        SortedSet<String> currencies = new TreeSet<>();
        days.forEach(day -> currencies.add(day.currency()));
        Set<String> counted = new HashSet<>();
        for (int i = 0; i < figures.size(); i++) {
            MonthFigures figure = figures.get(i);
            if (figure == null) {
                throw new IllegalArgumentException("figures holds a missing entry at index " + i);
            }
            if (!counted.add(figure.currency())) {
                throw new IllegalArgumentException("figures holds currency " + figure.currency() + " twice");
            }
            if (!currencies.contains(figure.currency())) {
                throw new IllegalArgumentException("figures of " + figure.currency() + " have no day in " + month);
            }
        }
        for (String currency : currencies) {
            if (!counted.contains(currency)) {
                throw new IllegalArgumentException("figures of " + currency + " are missing");
            }
        }
        days = days.stream().sorted(CURRENCY_THEN_DATE).toList();
        figures = figures.stream().sorted(Comparator.comparing(MonthFigures::currency)).toList();
        resourcesAtMonthEnd = resourcesAtMonthEnd == null ? List.of()
                : resourcesAtMonthEnd.stream().sorted(Comparator.comparing(AccountResource::iban)).toList();
        agedBreaks = agedBreaks == null ? List.of() : agedBreaks.stream().sorted(Comparator.comparing(AgedBreak::bookingDate)
                .thenComparingLong(AgedBreak::id)).toList();
        shortfalls = shortfalls == null ? List.of() : shortfalls.stream().sorted(Comparator.comparing(ShortfallDay::day)
                .thenComparing(day -> day.shortfall().currency())).toList();
        if (escalateAfterDays < 0) {
            throw new IllegalArgumentException("escalateAfterDays " + escalateAfterDays + " is negative");
        }
    }

    /** The currencies with days in the month, in code order. */
    public List<String> currencies() {
        return figures.stream().map(MonthFigures::currency).toList();
    }

    /** The days of {@code currency}, oldest first. */
    public List<DayLine> days(String currency) {
        return days.stream().filter(day -> day.currency().equals(currency)).toList();
    }

    /** One summary per currency, in code order. */
    public List<CurrencySummary> summaries() {
        return figures.stream().map(figure -> {
            List<DayLine> lines = days(figure.currency());
            Comparator<DayLine> byRequirement = Comparator.comparingLong(day -> day.requirement().minor());
            // lines are oldest first and min/max keep the first of equals only when asked to: reduce does
            DayLine highest = lines.stream().reduce((a, b) -> byRequirement.compare(b, a) > 0 ? b : a).orElseThrow();
            DayLine lowest = lines.stream().reduce((a, b) -> byRequirement.compare(b, a) < 0 ? b : a).orElseThrow();
            long sum = lines.stream().mapToLong(day -> day.requirement().minor()).reduce(0, Math::addExact);
            long average = java.math.BigDecimal.valueOf(sum).divide(java.math.BigDecimal.valueOf(lines.size()), 0,
                    java.math.RoundingMode.HALF_EVEN).longValueExact();
            return new CurrencySummary(figure.currency(), highest, lowest, new Amount(average, figure.currency()),
                    lines.stream().filter(DayLine::shortfall).count(), figure);
        }).toList();
    }

    /** Whether any currency was short on any day of the month. */
    public boolean shortfall() {
        return days.stream().anyMatch(DayLine::shortfall);
    }
}
