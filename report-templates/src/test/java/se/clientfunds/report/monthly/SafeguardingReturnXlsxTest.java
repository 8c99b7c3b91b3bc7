package se.clientfunds.report.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.clientfunds.report.xlsx.WorkbookCells.fontColour;
import static se.clientfunds.report.xlsx.WorkbookCells.texts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineChart;

import se.clientfunds.report.ReportFiles;
import se.clientfunds.report.pdf.ReportFixtures;
import se.clientfunds.report.xlsx.PrintedSheet;

class SafeguardingReturnXlsxTest {

    private static final String RED = "C00000";

    @TempDir
    Path dir;

    @Test
    void summaryShowsTheMonthItsRunInputsAndFiguresPerCurrencyAsNumbersAndDates() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReturnFixtures.january(), Locale.ENGLISH, "en.xlsx"))) {
            // then
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1))).containsExactly("Summary", "Days");
            XSSFSheet summary = workbook.getSheet("Summary");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Monthly safeguarding return, January 2026");
            assertThat(beside(summary, "Month").get(0).getStringCellValue()).isEqualTo("January 2026");
            XSSFCell last = beside(summary, "Business date").get(0);
            assertThat(DateUtil.isCellDateFormatted(last)).isTrue();
            assertThat(last.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(ReturnFixtures.LAST);
            assertThat(beside(summary, "Job execution id").get(0).getNumericCellValue()).isEqualTo(4711);
            assertThat(beside(summary, ReturnFixtures.STATEMENT).get(0).getStringCellValue()).isEqualTo(ReportFixtures.CAMT_HASH);
            // the days are counted, never summed
            Row days = rowOf(summary, "Business days with safeguarding computed (SEK)");
            assertThat(texts(days)).containsExactly("Business days with safeguarding computed (SEK)", "4");
            assertThat(texts(rowOf(summary, "Breaks opened (SEK)"))).containsExactly("Breaks opened (SEK)", "3", "12345", "SEK");
            // currencies as columns, EUR then SEK
            assertThat(texts(rowOf(summary, "Currency"))).containsExactly("Currency", "EUR", "SEK");
            Row highest = rowOf(summary, "Highest requirement");
            assertThat(highest.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(highest.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(texts(rowOf(summary, "Average requirement"))).containsExactly("Average requirement", "10666.67", "1012500");
            assertThat(texts(highest)).containsExactly("Highest requirement", "12000", "1200000");
            assertThat(texts(rowOf(summary, "Day of the highest requirement")))
                    .containsExactly("Day of the highest requirement", "2026-01-30", "2026-01-29");
            assertThat(texts(rowOf(summary, "Lowest requirement"))).containsExactly("Lowest requirement", "10000", "900000");
            assertThat(texts(rowOf(summary, "Day of the lowest requirement")))
                    .containsExactly("Day of the lowest requirement", "2026-01-28", "2026-01-30");
            assertThat(texts(rowOf(summary, "Clients with funds at month end"))).endsWith("1", "4");
            assertThat(texts(rowOf(summary, "Clients with funds, most in a day"))).endsWith("1", "5");
            assertThat(texts(rowOf(summary, "Breaks opened in the month, number"))).endsWith("0", "3");
            assertThat(texts(rowOf(summary, "Breaks opened in the month, value"))).endsWith("0", "12345");
            assertThat(texts(rowOf(summary, "Breaks cleared in the month, number"))).endsWith("0", "2");
            assertThat(texts(rowOf(summary, "Breaks cleared in the month, value"))).endsWith("0", "2000");
            assertThat(texts(rowOf(summary, "Breaks open at month end, number"))).endsWith("0", "1");
            assertThat(texts(rowOf(summary, "Breaks open at month end, value"))).endsWith("0", "10345");
            Row shortfalls = rowOf(summary, "Days with a shortfall");
            assertThat(texts(shortfalls)).endsWith("0", "2");
            assertThat(fontColour(shortfalls.getCell(2).getCellStyle())).isEqualTo(RED);
            assertThat(fontColour(shortfalls.getCell(1).getCellStyle())).isNotEqualTo(RED);
        }
    }

    @Test
    void summaryListsResourcesAtMonthEndAgedBreaksShortfallDaysWithActionsAndTheAttestationBeforeTheHashes()
            throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReturnFixtures.january(), Locale.ENGLISH, "en.xlsx"))) {
            XSSFSheet summary = workbook.getSheet("Summary");

            // then
            assertThat(texts(rowOf(summary, ReportFixtures.BALANCED_IBAN))).containsExactly(ReportFixtures.BALANCED_IBAN,
                    "Klientmedel SEK", "Swedbank", "SEK", "900000", "30 Jan 2026 23:59:59 +01:00");
            assertThat(texts(rowOf(summary, ReportFixtures.EURO_IBAN))).endsWith("12500", "end of business day");
            Row aged = summary.getRow(rowOf(summary, "Breaks open at month end for more than 10 banking days (1)").getRowNum() + 2);
            assertThat(texts(aged)).containsExactly("900017", ReportFixtures.BALANCED_IBAN,
                    "Missing in books", "Money in", "10345", "SEK", "BGC 0017", "Björk & Söner AB", "2026-01-10", "14");
            Row unattended = summary.getRow(rowOf(summary, "Shortfall days and the actions taken").getRowNum() + 2);
            assertThat(texts(unattended)).containsExactly("2026-01-27", "1", "SEK", "No action recorded");
            assertThat(fontColour(unattended.getCell(3).getCellStyle())).isEqualTo(RED);
            assertThat(fontColour(unattended.getCell(1).getCellStyle())).isEqualTo(RED);
            Row toppedUp = summary.getRow(unattended.getRowNum() + 1);
            assertThat(texts(toppedUp)).containsExactly("2026-01-29", "50000", "SEK", "Top-up by the firm", "50000", "SEK",
                    "anna.finance", "30 Jan 2026 09:12:00 +01:00", "Egna medel in på klientmedelskontot");
            assertThat(fontColour(toppedUp.getCell(3).getCellStyle())).isNotEqualTo(RED);
            // the key figures before the file hashes, the attestation after them
            assertThat(List.of(rowOf(summary, "Average requirement").getRowNum(), rowOf(summary, "Input files").getRowNum(),
                    rowOf(summary, "Attestation").getRowNum())).isSorted();
            assertThat(rowOf(summary, "Attestation").getRowNum() + 1)
                    .isEqualTo(rowOf(summary, "I confirm that this return is complete and accurate: it shows every business day"
                            + " of the month, the client funds owed and the resource safeguarding them, each shortfall and what"
                            + " was done about it.").getRowNum());
            assertThat(List.of("Name", "Role", "Signature", "Date")).allSatisfy(line -> assertThat(rowOf(summary, line)).isNotNull());
        }
    }

    @Test
    void daysSheetHasOneRowPerDayAndCurrencyWithNumbersFrozenHeaderAutoFilterAndShortfallInRed() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReturnFixtures.january(), Locale.ENGLISH, "en.xlsx"))) {
            XSSFSheet days = workbook.getSheet("Days");

            // then
            assertThat(texts(days.getRow(0))).containsExactly("Date", "Currency", "Requirement", "Resource", "Difference",
                    "Status", "Resource complete");
            assertThat(days.getLastRowNum()).isEqualTo(7);
            PaneInformation pane = days.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(days.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:G8");
            assertThat(texts(days.getRow(1))).containsExactly("2026-01-28", "EUR", "10000", "10000", "0", "OK", "yes");
            Row short29th = days.getRow(6);
            assertThat(texts(short29th)).containsExactly("2026-01-29", "SEK", "1200000", "1150000", "-50000", "SHORTFALL", "yes");
            assertThat(texts(days.getRow(7))).containsExactly("2026-01-30", "SEK", "900000", "900000", "0", "UNCONFIRMED", "no");
            assertThat(short29th.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(short29th.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(fontColour(short29th.getCell(4).getCellStyle())).isEqualTo(RED);
            assertThat(fontColour(short29th.getCell(5).getCellStyle())).isEqualTo(RED);
            assertThat(fontColour(days.getRow(5).getCell(4).getCellStyle())).isNotEqualTo(RED);
        }
    }

    @Test
    void aNativeLineChartPerCurrencyPlotsRequirementAndResourceFromTheDaysSheet() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReturnFixtures.january(), Locale.ENGLISH, "en.xlsx"))) {
            List<XSSFChart> charts = workbook.getSheet("Summary").getDrawingPatriarch().getCharts();

            // then
            assertThat(charts).hasSize(2);
            assertThat(charts.get(0).getTitleText().getString()).isEqualTo("Requirement and resource, EUR");
            CTLineChart euro = charts.get(0).getCTChart().getPlotArea().getLineChartArray(0);
            assertThat(euro.getSerArray()).hasSize(2);
            assertThat(euro.getSerArray(0).getCat().getNumRef().getF()).isEqualTo("Days!$A$2:$A$4");
            assertThat(euro.getSerArray(0).getVal().getNumRef().getF()).isEqualTo("Days!$C$2:$C$4");
            assertThat(euro.getSerArray(1).getVal().getNumRef().getF()).isEqualTo("Days!$D$2:$D$4");
            assertThat(euro.getSerArray(0).getTx().getStrRef().getF()).isEqualTo("Days!$C$1");
            CTLineChart krona = charts.get(1).getCTChart().getPlotArea().getLineChartArray(0);
            assertThat(krona.getSerArray(0).getVal().getNumRef().getF()).isEqualTo("Days!$C$5:$C$8");
            assertThat(krona.getSerArray(0).getVal().getNumRef().getNumCache().getPtArray(2).getV()).isEqualTo("1200000.0");
        }
    }

    @Test
    void swedishAndGermanLabelsSheetNamesAndDateFormats() throws IOException {
        // when
        try (XSSFWorkbook swedish = open(render(ReturnFixtures.january(), Locale.forLanguageTag("sv"), "sv.xlsx"));
                XSSFWorkbook german = open(render(ReturnFixtures.january(), Locale.GERMAN, "de.xlsx"))) {
            // then
            assertThat(List.of(swedish.getSheetName(0), swedish.getSheetName(1))).containsExactly("Sammanfattning", "Dagar");
            assertThat(List.of(german.getSheetName(0), german.getSheetName(1))).containsExactly("Übersicht", "Tage");
            assertThat(swedish.getSheet("Sammanfattning").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Månatlig rapport om skydd av klientmedel, januari 2026");
            assertThat(texts(swedish.getSheet("Dagar").getRow(0))).startsWith("Datum", "Valuta", "Krav", "Täckning");
            assertThat(texts(swedish.getSheet("Dagar").getRow(6))).contains("UNDERSKOTT");
            assertThat(texts(rowOf(swedish.getSheet("Sammanfattning"), "Genomsnittligt krav"))).endsWith("10666.67", "1012500");
            assertThat(texts(rowOf(german.getSheet("Übersicht"), "Höchster Sicherungsbedarf"))).endsWith("12000", "1200000");
            assertThat(german.getSheet("Tage").getRow(1).getCell(0).getCellStyle().getDataFormatString())
                    .isEqualTo("dd.mm.yyyy");
            assertThat(texts(german.getSheet("Tage").getRow(6))).contains("UNTERDECKUNG", "ja");
            // the charts read the days sheet by its German name
            CTLineChart krona = german.getSheet("Übersicht").getDrawingPatriarch().getCharts().get(1).getCTChart().getPlotArea()
                    .getLineChartArray(0);
            assertThat(krona.getSerArray(0).getVal().getNumRef().getF()).isEqualTo("Tage!$C$5:$C$8");
        }
    }

    @Test
    void sameReturnGivesTheSameBytes() throws Exception {
        // when
        Path first = render(ReturnFixtures.january(), Locale.GERMAN, "first.xlsx");
        Thread.sleep(1_100);
        Path second = render(ReturnFixtures.january(), Locale.GERMAN, "second.xlsx");
        Path other = render(ReturnFixtures.january(List.of(ReturnFixtures.day(26, 1_00, 1_00, "SEK", true))),
                Locale.GERMAN, "other.xlsx");

        // then
        assertThat(ReportFiles.sha256(second)).isEqualTo(ReportFiles.sha256(first));
        assertThat(ReportFiles.sha256(other)).isNotEqualTo(ReportFiles.sha256(first));
    }

    @Test
    void aMonthWithoutDaysHasNoChartAndAMissingReturnIsRefused() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(new SafeguardingReturn(ReturnFixtures.MONTH, ReturnFixtures.header(),
                List.of(), List.of(), List.of(), List.of(), List.of(), 10), Locale.ENGLISH, "empty.xlsx"))) {
            // then
            XSSFSheet summary = workbook.getSheet("Summary");
            assertThat(rowOf(summary, "No safeguarding was computed in the month.")).isNotNull();
            assertThat(summary.getDrawingPatriarch()).isNull();
            assertThat(workbook.getSheet("Days").getLastRowNum()).isZero();
            assertThat(rowOf(summary, "Attestation")).isNotNull();
        }
        assertThatThrownBy(() -> new SafeguardingReturnXlsx(Locale.ENGLISH).write(null, dir.resolve("none.xlsx")))
                .hasMessageContaining("return is missing");
    }

    @Test
    void bothSheetsPrintOnePageWideLandscapeWithTitleDateAndPageNOfMAndDaysRepeatTheirHeaderRow() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReturnFixtures.january(), Locale.forLanguageTag("sv"), "sv.xlsx"))) {
            // then: the summary is as wide as its charts, the days as their seven columns
            String title = "Månatlig rapport om skydd av klientmedel, januari 2026";
            assertThat(PrintedSheet.of(workbook.getSheet("Sammanfattning")))
                    .isEqualTo(PrintedSheet.onePageWide(true, title, "2026-01-30", "Sida &P av &N", null));
            assertThat(PrintedSheet.of(workbook.getSheet("Dagar")))
                    .isEqualTo(PrintedSheet.onePageWide(true, title, "2026-01-30", "Sida &P av &N", "1:1"));
        }
    }

    private Path render(SafeguardingReturn monthly, Locale locale, String name) throws IOException {
        Path file = dir.resolve(name);
        new SafeguardingReturnXlsx(locale).write(monthly, file);
        return file;
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** Column B of every row whose column A reads {@code label}. */
    private static List<XSSFCell> beside(XSSFSheet sheet, String label) {
        List<XSSFCell> cells = new ArrayList<>();
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                cells.add((XSSFCell) row.getCell(1));
            }
        }
        return cells;
    }

    private static Row rowOf(XSSFSheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row '" + label + "' on sheet " + sheet.getSheetName());
    }
}
