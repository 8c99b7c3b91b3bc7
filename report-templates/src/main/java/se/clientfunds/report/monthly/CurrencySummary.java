package se.clientfunds.report.monthly;

/**
 * The month in one currency, as the return's summary shows it: the days of the highest and the lowest requirement
 * (the earlier day on a tie), how many days were short, and the counts of {@link MonthFigures}.
 */
public record CurrencySummary(String currency, DayLine highest, DayLine lowest, long shortfallDays, MonthFigures figures) {
}
