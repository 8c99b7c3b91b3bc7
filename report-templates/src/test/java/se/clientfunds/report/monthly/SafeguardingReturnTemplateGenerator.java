package se.clientfunds.report.monthly;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import se.clientfunds.report.xlsx.TemplateStyles;

/**
 * Writes the first version of {@code src/main/resources/templates/safeguarding-return.xlsx}; after that the file is
 * the source, edited in Excel or LibreOffice. Run again only to start over:
 * {@code ./mvnw -B -o -pl report-templates test -Dtest=SafeguardingReturnTemplateGenerator -Dreturn.template.regenerate=true}.
 */
class SafeguardingReturnTemplateGenerator {

    static final Path TEMPLATE = Path.of("src/main/resources/templates/safeguarding-return.xlsx");

    @Test
    @EnabledIfSystemProperty(named = "return.template.regenerate", matches = "true")
    void regenerate() throws IOException {
        write(TEMPLATE);
    }

    static void write(Path target) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            TemplateStyles styles = new TemplateStyles(workbook);
            XSSFSheet summary = workbook.createSheet(SafeguardingReturnXlsx.SUMMARY);
            styles.summary(summary, SafeguardingReturnXlsx.KEY_PREFIX + "title",
                    List.of("heading", "label", "text", "count", "date", "amount", "header", "alert", "alertAmount"));
            summary.setColumnWidth(0, 40 * 256);
            for (int c = 1; c < 8; c++) {
                summary.setColumnWidth(c, 18 * 256);
            }
            styles.table(workbook.createSheet(SafeguardingReturnXlsx.DAYS), SafeguardingReturnXlsx.KEY_PREFIX,
                    List.of("date", "currency", "requirement", "resource", "difference", "status", "complete"),
                    List.of("date", "code", "amount", "amount", "amount", "text", "text"),
                    List.of(14, 10, 18, 18, 18, 14, 18));
            TemplateStyles.write(workbook, target);
        }
    }
}
