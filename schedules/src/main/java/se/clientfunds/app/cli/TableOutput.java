package se.clientfunds.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import se.clientfunds.report.ReportTable;
import se.clientfunds.report.TableFormat;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Prints a report's rows in a {@link TableFormat} as they come, with the same bytes {@link TableFormat#render} gives.
 * CSV and JSON are written row by row, so a query of millions of rows passes through without being held; an aligned
 * table needs every row for its column widths, so TABLE holds them until {@link #finish()}.
 */
final class TableOutput {

    // the console's writer outlives the generator
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final TableFormat format;
    private final List<String> columns;
    private final PrintWriter out;
    private final List<List<String>> held = new ArrayList<>();
    private final String csvHeader;
    private final JsonGenerator json;

    private TableOutput(TableFormat format, List<String> columns, PrintWriter out) {
        this.format = format;
        this.columns = List.copyOf(columns);
        this.out = out;
        this.csvHeader = TableFormat.CSV.render(new ReportTable(columns, List.of()));
        if (format == TableFormat.CSV) {
            out.print(csvHeader);
        }
        this.json = format == TableFormat.JSON ? JSON.createGenerator(ObjectWriteContext.empty(), out) : null;
        if (json != null) {
            json.writeStartArray();
        }
    }

    /** Prints a whole table of {@link se.clientfunds.app.DayTables}. */
    static void print(se.clientfunds.app.DayTables.Table table, TableFormat format, PrintWriter out) {
        TableOutput output = start(format, table.columns(), out);
        table.rows().forEach(row -> output.row(row.toArray(String[]::new)));
        output.finish();
    }

    /** Starts the output: CSV writes its header now. */
    static TableOutput start(TableFormat format, List<String> columns, PrintWriter out) {
        return new TableOutput(format, columns, out);
    }

    /** One row, cells in column order; a null cell (a value not recorded) is shown empty. */
    void row(String... cells) {
        List<String> row = Arrays.stream(cells).map(cell -> cell == null ? "" : cell).toList();
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("a row of " + row.size() + " cells for the " + columns.size() + " columns "
                    + columns);
        }
        switch (format) {
            case TABLE -> held.add(row);
            // TableFormat renders whole tables only: a table of this one row, less its header, keeps its quoting
            case CSV -> out.print(TableFormat.CSV.render(new ReportTable(columns, List.of(row))).substring(csvHeader.length()));
            case JSON -> {
                json.writeStartObject();
                for (int c = 0; c < row.size(); c++) {
                    json.writeStringProperty(columns.get(c), row.get(c));
                }
                json.writeEndObject();
            }
        }
    }

    /** Ends the output (the table is printed now) and flushes it. */
    void finish() {
        switch (format) {
            case TABLE -> out.print(TableFormat.TABLE.render(new ReportTable(columns, held)));
            case CSV -> { }
            case JSON -> {
                json.writeEndArray();
                json.close();
                out.print("\n");
            }
        }
        out.flush();
    }
}
