package se.clientfunds.report.positions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import se.clientfunds.report.xlsx.TemplateStyles;

/**
 * Writes the first version of {@code src/main/resources/templates/positions.xlsx}. After that the file is the source:
 * a person edits it in Excel or LibreOffice, and this generator is only run again to start over:
 * {@code ./mvnw -B -o -pl report-templates test -Dtest=PositionsTemplateGenerator -Dpositions.template.regenerate=true}.
 */
class PositionsTemplateGenerator {

    static final Path TEMPLATE = Path.of("src/main/resources/templates/positions.xlsx");

    @Test
    @EnabledIfSystemProperty(named = "positions.template.regenerate", matches = "true")
    void regenerate() throws IOException {
        write(TEMPLATE);
    }

    static void write(Path target) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            TemplateStyles styles = new TemplateStyles(workbook);
            XSSFSheet summary = workbook.createSheet(PositionsXlsxRenderer.SUMMARY);
            styles.summary(summary, "positions.title",
                    List.of("heading", "label", "text", "count", "date", "amount", "header", "check", "alert"));
            summary.setColumnWidth(0, 38 * 256);
            for (int c = 1; c < 9; c++) {
                summary.setColumnWidth(c, 18 * 256);
            }
            String columns = PositionsLabels.PREFIX + "column.";
            styles.table(workbook.createSheet(PositionsXlsxRenderer.POSITIONS), columns,
                    List.of("account", "name", "kind", "currency", "opening", "debit", "credit", "closing"),
                    List.of("text", "text", "text", "code", "amount", "amount", "amount", "amount"),
                    List.of(40, 28, 16, 10, 18, 18, 18, 18));
            styles.table(workbook.createSheet(PositionsXlsxRenderer.MOVEMENTS), columns,
                    List.of("bookingDate", "eventType", "reference", "account", "side", "amount", "currency"),
                    List.of("date", "text", "text", "text", "code", "amount", "code"),
                    List.of(14, 22, 28, 40, 6, 18, 10));
            styles.table(workbook.createSheet(PositionsXlsxRenderer.UNALLOCATED), columns,
                    List.of("paymentReference", "bookingDate", "amount", "unallocated", "currency", "reason", "details", "debtor",
                            "payerReference", "age"),
                    List.of("text", "date", "amount", "amount", "code", "text", "text", "text", "text", "count"),
                    List.of(28, 14, 18, 18, 10, 34, 30, 28, 24, 12));
            styles.table(workbook.createSheet(PositionsXlsxRenderer.DEBTOR_CREDIT), columns,
                    List.of("paymentReference", "bookingDate", "debtor", "payerReference", "held", "currency", "outcome", "age"),
                    List.of("text", "date", "text", "text", "amount", "code", "text", "count"),
                    List.of(28, 14, 28, 24, 18, 10, 18, 12));
            TemplateStyles.write(workbook, target);
        }
    }
}
