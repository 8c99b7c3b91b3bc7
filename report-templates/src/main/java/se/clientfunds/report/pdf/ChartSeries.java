package se.clientfunds.report.pdf;

import java.util.List;

import se.clientfunds.report.Amount;

/** One line of a chart: its name in the legend and one amount per point, all in one currency. */
public record ChartSeries(String name, List<Amount> values) {

    public ChartSeries {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("chart series name '" + name + "' is blank");
        }
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("values of chart series " + name + " are missing");
        }
        values = List.copyOf(values);
        String currency = values.get(0).currency();
        for (Amount value : values) {
            if (!value.currency().equals(currency)) {
                throw new IllegalArgumentException("chart series " + name + " mixes " + currency + " and " + value.currency());
            }
        }
    }

    public String currency() {
        return values.get(0).currency();
    }
}
