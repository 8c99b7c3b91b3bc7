package se.clientfunds.report.monthly;

import se.clientfunds.report.Amount;

/**
 * The month in one currency, as the return's summary shows it: the days of the highest and the lowest requirement
 * (the earlier day on a tie), the average requirement over the month's days (half-even to the minor unit), how many
 * days were short, and the counts of {@link MonthFigures}.
 */
public record CurrencySummary(String currency, DayLine highest, DayLine lowest, Amount averageRequirement, long shortfallDays,
                              MonthFigures figures) {
}
