package se.clientfunds.report.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.clientfunds.report.xlsx.WorkbookCells.fontColour;
import static se.clientfunds.report.xlsx.WorkbookCells.texts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.report.ReportFiles;
import se.clientfunds.report.pdf.AccountReconciliation;
import se.clientfunds.report.pdf.Amount;
import se.clientfunds.report.pdf.BreakStatus;
import se.clientfunds.report.pdf.BreakType;
import se.clientfunds.report.pdf.ReconciliationBreak;
import se.clientfunds.report.pdf.ReconciliationReport;
import se.clientfunds.report.pdf.ReportFixtures;
import se.clientfunds.report.pdf.RollForward;
import se.clientfunds.report.xlsx.PrintedSheet;

class ReconciliationXlsxTest {

    private static final String RED = "C00000";

    @TempDir
    Path dir;

    @Test
    void summaryShowsHeaderMatchesRollForwardAgeingAndBalanceProofPerAccountAsNumbers() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReportFixtures.reconciliation(40), Locale.ENGLISH, "en.xlsx"))) {
            // then
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1))).containsExactly("Summary", "Breaks");
            XSSFSheet summary = workbook.getSheet("Summary");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Reconciliation of client-funds accounts");
            XSSFCell date = valueBeside(summary, "Business date").get(0);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(ReportFixtures.DAY);
            assertThat(date.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(valueBeside(summary, "Job execution id").get(0).getNumericCellValue()).isEqualTo(4711);
            assertThat(valueBeside(summary, "camt053_2025-03-14.xml").get(0).getStringCellValue())
                    .isEqualTo(ReportFixtures.CAMT_HASH);
            // accounts in IBAN order: the balanced one first
            assertThat(valueBeside(summary, "Same reference")).extracting(Cell::getNumericCellValue).containsExactly(120.0, 4.0);
            assertThat(valueBeside(summary, "Total")).extracting(Cell::getNumericCellValue).containsExactly(132.0, 4.0);
            assertThat(valueBeside(summary, "Over 10 banking days")).extracting(Cell::getNumericCellValue)
                    .containsExactly(4.0, 0.0);
            XSSFCell statementClosing = valueBeside(summary, "Statement closing balance").get(0);
            assertThat(statementClosing.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(statementClosing.getNumericCellValue()).isEqualTo(1_000_000.00);
            assertThat(statementClosing.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(valueBeside(summary, "Tolerance residuals")).extracting(Cell::getNumericCellValue)
                    .containsExactly(-15.50, -234.56);
            assertThat(valueBeside(summary, "Unexplained difference")).extracting(Cell::getNumericCellValue)
                    .containsExactly(0.0, -1_000.00);
            Row rollForward = rowAfter(summary, "Roll-forward of breaks (opening + new - cleared = closing)");
            assertThat(List.of(1, 2, 3, 4)).extracting(c -> rollForward.getCell(c).getNumericCellValue())
                    .containsExactly(37.0, 5.0, 2.0, 40.0);
            assertThat(valueBeside(summary, "The statements follow on without a gap.")).isEmpty();
            assertThat(rowsStartingWith(summary, "sequence number 42 follows 40: statement 41 is missing")).hasSize(1);
        }
    }

    @Test
    void unexplainedDifferenceAndContinuityProblemAreRedAndNothingElseIs() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReportFixtures.reconciliation(40), Locale.ENGLISH, "en.xlsx"))) {
            XSSFSheet summary = workbook.getSheet("Summary");
            List<XSSFCell> unexplained = valueBeside(summary, "Unexplained difference");

            // then: the failing account's difference in a red font on a red fill, with a real number format
            XSSFCellStyle alert = unexplained.get(1).getCellStyle();
            assertThat(fontColour(alert)).isEqualTo(RED);
            assertThat(alert.getFillForegroundXSSFColor()).isNotNull();
            assertThat(alert.getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(fontColour(rowsStartingWith(summary, "sequence number 42 follows 40: statement 41 is missing").get(0)
                    .getCellStyle())).isEqualTo(RED);
            assertThat(fontColour(rowsStartingWith(summary, "NEEDS ATTENTION: see the balance proof and statement continuity below.")
                    .get(0).getCellStyle())).isEqualTo(RED);
            // the balanced account's zero difference and the failing account's explained part are not red
            assertThat(fontColour(unexplained.get(0).getCellStyle())).isNotEqualTo(RED);
            assertThat(valueBeside(summary, "Difference (statement - books)"))
                    .allSatisfy(cell -> assertThat(fontColour(cell.getCellStyle())).isNotEqualTo(RED));
        }
    }

    @Test
    void breaksSheetHasOneRowPerBreakWithNumbersDatesFrozenHeaderAndAutoFilter() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReportFixtures.reconciliation(40), Locale.ENGLISH, "en.xlsx"))) {
            XSSFSheet breaks = workbook.getSheet("Breaks");

            // then
            assertThat(texts(breaks.getRow(0))).containsExactly("Account", "Break id", "Type", "Amount", "Currency",
                    "Reference", "Booking date", "Age (banking days)", "Ageing bucket", "Status");
            assertThat(breaks.getLastRowNum()).isEqualTo(41);
            PaneInformation pane = breaks.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(breaks.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:J42");
            // the balanced account's oldest break first: id 14, 14 banking days, an amount difference, resolved
            Row first = breaks.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(ReportFixtures.BALANCED_IBAN);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(14);
            assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(14.14);
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(DateUtil.isCellDateFormatted(first.getCell(6))).isTrue();
            assertThat(first.getCell(6).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(ReportFixtures.DAY.minusDays(14));
            assertThat(texts(first).subList(7, 10)).containsExactly("14", "Over 10 banking days", "Resolved");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Amount difference");
            Row last = breaks.getRow(41);
            assertThat(texts(last)).containsExactly(ReportFixtures.FAILING_IBAN, "900001", "Amount difference", "-1234.5",
                    "SEK", "E2E-77", "2025-03-13", "1", "0–1 banking days", "Open");
        }
    }

    @Test
    void bothSheetsPrintOnePageWideLandscapeWithTitleDateAndPageNOfMAndBreaksRepeatTheirHeaderRow() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReportFixtures.reconciliation(40), Locale.GERMAN, "de.xlsx"))) {
            // then
            assertThat(PrintedSheet.of(workbook.getSheet("Summary"))).isEqualTo(PrintedSheet.onePageWide(true,
                    "Abstimmung der Kundengeldkonten", "14.03.2025", "Seite &P von &N", null));
            assertThat(PrintedSheet.of(workbook.getSheet("Breaks"))).isEqualTo(PrintedSheet.onePageWide(true,
                    "Abstimmung der Kundengeldkonten", "14.03.2025", "Seite &P von &N", "1:1"));
        }
    }

    @Test
    void tenThousandBreaksGiveTenThousandRows() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReportFixtures.reconciliation(10_000), Locale.ENGLISH, "large.xlsx"))) {
            // then
            XSSFSheet breaks = workbook.getSheet("Breaks");
            assertThat(breaks.getPhysicalNumberOfRows()).isEqualTo(1 + 10_000 + 1);
            assertThat(breaks.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:J10002");
        }
    }

    @Test
    void swedishAndGermanLabelsAndDateFormats() throws IOException {
        // when
        try (XSSFWorkbook swedish = open(render(ReportFixtures.reconciliation(40), Locale.forLanguageTag("sv"), "sv.xlsx"));
                XSSFWorkbook german = open(render(ReportFixtures.reconciliation(40), Locale.GERMAN, "de.xlsx"))) {
            // then
            assertThat(texts(swedish.getSheet("Breaks").getRow(0))).startsWith("Konto", "Avvikelse (id)", "Typ", "Belopp");
            assertThat(valueBeside(swedish.getSheet("Summary"), "Oförklarad differens")).hasSize(2);
            assertThat(swedish.getSheet("Summary").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Avstämning av klientmedelskonton");
            assertThat(texts(german.getSheet("Breaks").getRow(1)).subList(8, 10))
                    .containsExactly("Über 10 Bankarbeitstage", "Erledigt");
            assertThat(german.getSheet("Breaks").getRow(1).getCell(6).getCellStyle().getDataFormatString())
                    .isEqualTo("dd.mm.yyyy");
            assertThat(valueBeside(german.getSheet("Summary"), "Unerklärte Differenz")).extracting(Cell::getNumericCellValue)
                    .containsExactly(0.0, -1_000.00);
        }
    }

    @Test
    void sameReportGivesTheSameBytes() throws Exception {
        // when
        Path first = render(ReportFixtures.reconciliation(500), Locale.GERMAN, "first.xlsx");
        Thread.sleep(1_100);
        Path second = render(ReportFixtures.reconciliation(500), Locale.GERMAN, "second.xlsx");
        Path other = render(ReportFixtures.reconciliation(501), Locale.GERMAN, "other.xlsx");

        // then
        assertThat(ReportFiles.sha256(second)).isEqualTo(ReportFiles.sha256(first));
        assertThat(ReportFiles.sha256(other)).isNotEqualTo(ReportFiles.sha256(first));
    }

    @Test
    void brokenInputIsRefusedNamingTheField() {
        ReconciliationBreak inEuro = new ReconciliationBreak(7, BreakType.MISSING_IN_BANK, Amount.of(100, "EUR"), "X",
                LocalDate.of(2025, 3, 13), 1, BreakStatus.OPEN);
        assertThatThrownBy(() -> new AccountReconciliation(ReportFixtures.BALANCED_IBAN, "SEK", Map.of(), List.of(inEuro),
                new RollForward(0, 1, 0, 1), null, List.of())).hasMessageContaining("amount of break 7 is in EUR");
        assertThatThrownBy(() -> new ReconciliationBreak(8, BreakType.MISSING_IN_BANK, Amount.of(1, "SEK"), "X", null, 1,
                BreakStatus.OPEN)).hasMessageContaining("bookingDate of break 8");
        assertThatThrownBy(() -> new ReconciliationReport(ReportFixtures.header(), null)).hasMessageContaining("accounts");
        assertThatThrownBy(() -> new ReconciliationXlsx(null)).hasMessageContaining("locale");
        assertThatThrownBy(() -> new ReconciliationXlsx(Locale.ENGLISH).write(null, dir.resolve("none.xlsx")))
                .hasMessageContaining("report is missing");
    }

    private Path render(ReconciliationReport report, Locale locale, String name) throws IOException {
        Path file = dir.resolve(name);
        new ReconciliationXlsx(locale).write(report, file);
        return file;
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** Column B of every row whose column A reads {@code label}. */
    private static List<XSSFCell> valueBeside(XSSFSheet sheet, String label) {
        List<XSSFCell> cells = new ArrayList<>();
        for (XSSFCell cell : rowsStartingWith(sheet, label)) {
            XSSFCell value = sheet.getRow(cell.getRowIndex()).getCell(1);
            if (value != null) {
                cells.add(value);
            }
        }
        return cells;
    }

    private static List<XSSFCell> rowsStartingWith(XSSFSheet sheet, String label) {
        List<XSSFCell> cells = new ArrayList<>();
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                cells.add((XSSFCell) first);
            }
        }
        return cells;
    }

    private static Row rowAfter(XSSFSheet sheet, String label) {
        return sheet.getRow(rowsStartingWith(sheet, label).get(0).getRowIndex() + 1);
    }
}
