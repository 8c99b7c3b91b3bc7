package se.clientfunds.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import se.clientfunds.report.pdf.ReportText;

class PrintLayoutTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    private final PrintLayout english = new PrintLayout(new ReportText(Locale.ENGLISH, "reports/messages"), "Fees & charges", DAY);

    @Test
    void aTableAsWideAsAPortraitPagePrintsPortraitAndOneColumnMoreLandscape() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            // given: three columns of 30 characters, then four
            XSSFSheet narrow = table(workbook, "Narrow", 3, 30);
            XSSFSheet wide = table(workbook, "Wide", 4, 30);

            // when
            english.table(narrow, 3);
            english.table(wide, 4);

            // then: the title's ampersand doubled, since a single one starts a code like &P
            assertThat(PrintedSheet.of(narrow)).isEqualTo(
                    PrintedSheet.onePageWide(false, "Fees && charges", "14 Mar 2025", "Page &P of &N", "1:1"));
            assertThat(PrintedSheet.of(wide)).isEqualTo(
                    PrintedSheet.onePageWide(true, "Fees && charges", "14 Mar 2025", "Page &P of &N", "1:1"));
        }
    }

    @Test
    void aSummaryIsAsWideAsItsCellsAndItsChartsAndRepeatsNoRows() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            // given: two cells of 30 characters, then the same with a chart's frame over six columns of 30
            XSSFSheet cells = table(workbook, "Cells", 2, 30);
            XSSFSheet charted = table(workbook, "Charted", 2, 30);
            for (int c = 2; c < 6; c++) {
                charted.setColumnWidth(c, 30 * 256);
            }
            XSSFDrawing drawing = charted.createDrawingPatriarch();
            drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, 2, 6, 20));

            // when
            new PrintLayout(new ReportText(Locale.GERMAN, "reports/messages"), "Positionen", DAY).summary(cells);
            english.summary(charted);

            // then
            assertThat(PrintedSheet.of(cells))
                    .isEqualTo(PrintedSheet.onePageWide(false, "Positionen", "14.03.2025", "Seite &P von &N", null));
            assertThat(PrintedSheet.of(charted).landscape()).isTrue();
            assertThat(PrintedSheet.of(charted).repeatingRows()).isNull();
        }
    }

    /** A sheet with a header row of {@code columns} cells, each column {@code characters} wide. */
    private static XSSFSheet table(XSSFWorkbook workbook, String name, int columns, int characters) {
        XSSFSheet sheet = workbook.createSheet(name);
        var header = sheet.createRow(0);
        for (int c = 0; c < columns; c++) {
            header.createCell(c).setCellValue("column " + c);
            sheet.setColumnWidth(c, characters * 256);
        }
        return sheet;
    }
}
