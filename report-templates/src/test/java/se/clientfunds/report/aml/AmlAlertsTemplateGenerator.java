package se.clientfunds.report.aml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import se.clientfunds.report.xlsx.TemplateStyles;

/**
 * Writes the first version of {@code src/main/resources/templates/aml-alerts.xlsx}; after that the file is the source,
 * edited in Excel or LibreOffice. Run again only to start over:
 * {@code ./mvnw -B -o -pl report-templates test -Dtest=AmlAlertsTemplateGenerator -Daml.template.regenerate=true}.
 */
class AmlAlertsTemplateGenerator {

    static final Path TEMPLATE = Path.of("src/main/resources/templates/aml-alerts.xlsx");

    @Test
    @EnabledIfSystemProperty(named = "aml.template.regenerate", matches = "true")
    void regenerate() throws IOException {
        write(TEMPLATE);
    }

    static void write(Path target) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            TemplateStyles styles = new TemplateStyles(workbook);
            XSSFSheet summary = workbook.createSheet(AmlAlertsXlsx.SUMMARY);
            styles.summary(summary, AmlAlertsXlsx.KEY_PREFIX + "title",
                    List.of("heading", "label", "text", "count", "date", "amount", "header", "alert", "alertAmount"));
            summary.setColumnWidth(0, 52 * 256);
            for (int c = 1; c < 6; c++) {
                summary.setColumnWidth(c, 14 * 256);
            }
            String prefix = AmlAlertsXlsx.KEY_PREFIX;
            styles.table(workbook.createSheet(AmlAlertsXlsx.ALERTS), prefix + "alerts.",
                    List.of("id", "rule", "severity", "businessDate", "subjectKind", "subject", "amount", "currency", "status",
                            "analyst", "explanation"),
                    List.of("count", "text", "text", "date", "text", "text", "amount", "code", "text", "text", "text"),
                    List.of(10, 28, 12, 14, 14, 28, 16, 10, 16, 16, 60));
            styles.table(workbook.createSheet(AmlAlertsXlsx.EVIDENCE), prefix + "evidence.",
                    List.of("alert", "account", "bankReference"), List.of("count", "text", "text"), List.of(10, 28, 36));
            styles.table(workbook.createSheet(AmlAlertsXlsx.HELD), prefix + "held.",
                    List.of("account", "bankReference", "bookingDate", "amount", "currency", "heldOn", "alert", "payer", "reason"),
                    List.of("text", "text", "date", "amount", "code", "date", "count", "text", "text"),
                    List.of(28, 28, 14, 16, 10, 14, 10, 28, 50));
            styles.table(workbook.createSheet(AmlAlertsXlsx.FILINGS), prefix + "filings.",
                    List.of("alert", "reportCode", "file", "sha256"), List.of("count", "code", "text", "text"),
                    List.of(10, 12, 40, 66));
            TemplateStyles.write(workbook, target);
        }
    }
}
