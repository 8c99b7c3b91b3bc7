package se.clientfunds.report;

import java.util.List;

/**
 * A plain table of text cells with a header row: what the command line prints as a table, CSV or JSON.
 * Cells are already formatted (amounts as decimals with a dot), so every format shows the same figures.
 */
public record ReportTable(List<String> columns, List<List<String>> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != columns.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + rows.get(i).size() + " cells, the header "
                        + columns.size());
            }
        }
    }
}
