package se.clientfunds.report.reconciliation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import se.clientfunds.report.xlsx.TemplateStyles;

/**
 * Writes the first version of {@code src/main/resources/templates/reconciliation.xlsx}; after that the file is the
 * source, edited in Excel or LibreOffice. Run again only to start over:
 * {@code ./mvnw -B -o -pl report-templates test -Dtest=ReconciliationTemplateGenerator -Dreconciliation.template.regenerate=true}.
 */
class ReconciliationTemplateGenerator {

    static final Path TEMPLATE = Path.of("src/main/resources/templates/reconciliation.xlsx");

    @Test
    @EnabledIfSystemProperty(named = "reconciliation.template.regenerate", matches = "true")
    void regenerate() throws IOException {
        write(TEMPLATE);
    }

    static void write(Path target) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            TemplateStyles styles = new TemplateStyles(workbook);
            XSSFSheet summary = workbook.createSheet(ReconciliationXlsx.SUMMARY);
            styles.summary(summary, ReconciliationXlsx.KEY_PREFIX + "title",
                    List.of("heading", "label", "text", "count", "date", "amount", "header", "alert", "alertAmount"));
            summary.setColumnWidth(0, 52 * 256);
            for (int c = 1; c < 9; c++) {
                summary.setColumnWidth(c, 18 * 256);
            }
            // the exceptions, the timing items and the escalations: the same columns, one sheet each
            for (String sheet : List.of(ReconciliationXlsx.BREAKS, ReconciliationXlsx.TIMING, ReconciliationXlsx.ESCALATIONS)) {
                styles.table(workbook.createSheet(sheet), ReconciliationXlsx.KEY_PREFIX + "breaks.",
                        List.of("account", "id", "type", "direction", "amount", "currency", "reference", "counterparty",
                                "bookingDate", "age", "bucket", "status", "explanation"),
                        List.of("text", "count", "text", "text", "amount", "code", "text", "text", "date", "count", "text",
                                "text", "text"),
                        List.of(28, 10, 20, 14, 16, 10, 24, 24, 14, 10, 22, 12, 40));
            }
            TemplateStyles.write(workbook, target);
        }
    }
}
