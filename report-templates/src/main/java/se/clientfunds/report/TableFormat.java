package se.clientfunds.report;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** How a {@link ReportTable} is written: aligned text for people, RFC 4180 CSV or a JSON array for programs. */
public enum TableFormat {

    TABLE {
        @Override
        public String render(ReportTable table) {
            int[] widths = new int[table.columns().size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = table.columns().get(c).length();
                for (List<String> row : table.rows()) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
            StringBuilder text = new StringBuilder();
            appendAligned(text, table.columns(), widths);
            for (List<String> row : table.rows()) {
                appendAligned(text, row, widths);
            }
            return text.toString();
        }
    },

    CSV {
        @Override
        public String render(ReportTable table) {
            StringBuilder text = new StringBuilder();
            appendCsv(text, table.columns());
            for (List<String> row : table.rows()) {
                appendCsv(text, row);
            }
            return text.toString();
        }
    },

    JSON {
        @Override
        public String render(ReportTable table) {
            StringWriter out = new StringWriter();
            try (JsonGenerator json = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
                json.writeStartArray();
                for (List<String> row : table.rows()) {
                    json.writeStartObject();
                    for (int c = 0; c < row.size(); c++) {
                        json.writeStringProperty(table.columns().get(c), row.get(c));
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            return out + "\n";
        }
    };

    public abstract String render(ReportTable table);

    /** Parses {@code table}, {@code csv} or {@code json}, any case. */
    public static TableFormat parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format '" + text + "' is not one of table, csv, json", e);
        }
    }

    private static void appendAligned(StringBuilder text, List<String> cells, int[] widths) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            boolean numeric = cell.matches("-?[0-9][0-9.]*");
            String padding = " ".repeat(widths[c] - cell.length());
            text.append(numeric ? padding + cell : cell + padding);
            text.append(c == cells.size() - 1 ? "" : "  ");
        }
        text.append('\n');
    }

    private static void appendCsv(StringBuilder text, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = '"' + cell.replace("\"", "\"\"") + '"';
            }
            text.append(c == 0 ? "" : ",").append(cell);
        }
        text.append('\n');
    }
}
