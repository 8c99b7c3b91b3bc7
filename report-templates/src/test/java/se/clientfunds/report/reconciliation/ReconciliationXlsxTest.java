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

import se.clientfunds.report.Amount;
import se.clientfunds.report.ReportFiles;
import se.clientfunds.report.pdf.AccountReconciliation;
import se.clientfunds.report.pdf.BreakStatus;
import se.clientfunds.report.pdf.BreakType;
import se.clientfunds.report.pdf.ReconciliationBreak;
import se.clientfunds.report.pdf.ReconciliationReport;
import se.clientfunds.report.pdf.ReconciliationStatus;
import se.clientfunds.report.pdf.ReportFixtures;
import se.clientfunds.report.pdf.RollForward;
import se.clientfunds.report.xlsx.PrintedSheet;

class ReconciliationXlsxTest {

    private static final String RED = "C00000";

    @TempDir
    Path dir;

    @Test
    void summaryShowsHeaderStatusMatchesRollForwardAgeingAndBalanceProofPerAccountAsNumbers() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReportFixtures.reconciliation(40), Locale.ENGLISH, "en.xlsx"))) {
            // then
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                    workbook.getSheetName(3))).containsExactly("Summary", "Exceptions", "Timing items", "Escalations");
            XSSFSheet summary = workbook.getSheet("Summary");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Reconciliation of client-funds accounts");
            XSSFCell date = valueBeside(summary, "Business date").get(0);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(ReportFixtures.DAY);
            assertThat(date.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(valueBeside(summary, "Job execution id").get(0).getNumericCellValue()).isEqualTo(4711);
            assertThat(valueBeside(summary, "camt053_2025-03-14.xml").get(0).getStringCellValue())
                    .isEqualTo(ReportFixtures.CAMT_HASH);
            assertThat(valueBeside(summary, "Client-funds accounts (SEK)").get(0).getNumericCellValue()).isEqualTo(1234);
            assertThat(rowsStartingWith(summary, "Version")).isEmpty();
            // accounts in IBAN order: the balanced one first
            assertThat(valueBeside(summary, "Status")).extracting(Cell::getStringCellValue)
                    .containsExactly("RECONCILED", "FAILED RECONCILIATION");
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
            assertThat(valueBeside(summary, "Written off by operators")).extracting(Cell::getNumericCellValue)
                    .containsExactly(0.0, 200.00);
            assertThat(valueBeside(summary, "Unexplained difference")).extracting(Cell::getNumericCellValue)
                    .containsExactly(0.0, -1_200.00);
            Row rollForward = rowAfter(summary, "Roll-forward of breaks (opening + new − cleared = closing)");
            assertThat(List.of(1, 2, 3, 4)).extracting(c -> rollForward.getCell(c).getNumericCellValue())
                    .containsExactly(37.0, 5.0, 2.0, 40.0);
            assertThat(valueBeside(summary, "The statements follow on without a gap.")).isEmpty();
            // how many breaks each of the other sheets has of the account
            assertThat(valueBeside(summary, "Escalations: open breaks older than 10 banking days"))
                    .extracting(Cell::getNumericCellValue).containsExactly(4.0, 0.0);
            assertThat(valueBeside(summary, "Timing items: the day's payouts and refunds the bank debits later"))
                    .extracting(Cell::getNumericCellValue).containsExactly(2.0, 0.0);
            assertThat(valueBeside(summary, "Exceptions: breaks to clear")).extracting(Cell::getNumericCellValue)
                    .containsExactly(38.0, 1.0);
        }
    }

    @Test
    void continuityProblemsAreWordedPerKind() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReportFixtures.reconciliation(40), Locale.ENGLISH, "en.xlsx"))) {
            XSSFSheet summary = workbook.getSheet("Summary");

            // then
            assertThat(rowsStartingWith(summary, "The statement of 14 Mar 2025 has sequence number 42, which does not follow"
                    + " number 40 of the statement of 13 Mar 2025.")).hasSize(1);
            assertThat(rowsStartingWith(summary, "No statement for banking day 10 Mar 2025, between the statements of 9 Mar 2025"
                    + " and 13 Mar 2025.")).hasSize(1);
            assertThat(rowsStartingWith(summary, "The statement of 13 Mar 2025 opens with 51,000.00 SEK, but the statement of"
                    + " 9 Mar 2025 closed with 50,900.00 SEK.")).hasSize(1);
            assertThat(rowsStartingWith(summary, "No statement for 12 Mar 2025: the balance cannot be proven.")).hasSize(1)
                    .allSatisfy(cell -> assertThat(fontColour(cell.getCellStyle())).isEqualTo(RED));
        }
    }

    @Test
    void failedStatusUnexplainedDifferenceAndContinuityProblemAreRedAndNothingElseIs() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReportFixtures.reconciliation(40), Locale.ENGLISH, "en.xlsx"))) {
            XSSFSheet summary = workbook.getSheet("Summary");
            List<XSSFCell> unexplained = valueBeside(summary, "Unexplained difference");

            // then: the failing account's difference in a red font on a red fill, with a real number format
            XSSFCellStyle alert = unexplained.get(1).getCellStyle();
            assertThat(fontColour(alert)).isEqualTo(RED);
            assertThat(alert.getFillForegroundXSSFColor()).isNotNull();
            assertThat(alert.getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(fontColour(valueBeside(summary, "Status").get(1).getCellStyle())).isEqualTo(RED);
            assertThat(fontColour(valueBeside(summary, "Status").get(0).getCellStyle())).isNotEqualTo(RED);
            assertThat(fontColour(rowsStartingWith(summary, "NEEDS ATTENTION: see the balance proof and statement continuity below.")
                    .get(0).getCellStyle())).isEqualTo(RED);
            // the balanced account's zero difference and the failing account's explained part are not red
            assertThat(fontColour(unexplained.get(0).getCellStyle())).isNotEqualTo(RED);
            assertThat(valueBeside(summary, "Difference (statement − books)"))
                    .allSatisfy(cell -> assertThat(fontColour(cell.getCellStyle())).isNotEqualTo(RED));
        }
    }

    @Test
    void noticesOfALaterVersionHeadTheSummary() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReportFixtures.reconciliation(ReportFixtures.laterVersion(), 40), Locale.ENGLISH,
                "v2.xlsx"))) {
            XSSFSheet summary = workbook.getSheet("Summary");

            // then: right under the title, alerts red, the later version as information, then the version among the facts
            assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Closed without the bank's statement of "
                    + ReportFixtures.FAILING_IBAN + ": the day's figures are not confirmed by the bank.");
            assertThat(fontColour(summary.getRow(2).getCell(0).getCellStyle())).isEqualTo(RED);
            assertThat(summary.getRow(3).getCell(0).getStringCellValue()).startsWith("Safeguarding shortfall of 500.00 SEK on 13 Mar"
                    + " 2025: no action was recorded");
            assertThat(fontColour(summary.getRow(3).getCell(0).getCellStyle())).isEqualTo(RED);
            assertThat(summary.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Version 2 of this day's reports, written beside"
                    + " version 1, which it supersedes: a statement that arrived late was reconciled (reconciliation run 2).");
            assertThat(fontColour(summary.getRow(4).getCell(0).getCellStyle())).isNotEqualTo(RED);
            assertThat(summary.getRow(6).getCell(0).getStringCellValue()).isEqualTo("Business date");
            assertThat(valueBeside(summary, "Version").get(0).getNumericCellValue()).isEqualTo(2);
        }
    }

    @Test
    void theBreaksSheetsHaveOneRowPerBreakWithNumbersDatesDirectionCounterpartyExplanationFrozenHeaderAndAutoFilter()
            throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReportFixtures.reconciliation(40), Locale.ENGLISH, "en.xlsx"))) {
            XSSFSheet exceptions = workbook.getSheet("Exceptions");

            // then
            List<String> columns = List.of("Account", "Break id", "Type", "Direction", "Amount", "Currency", "Reference",
                    "Counterparty", "Booking date", "Age (banking days)", "Ageing bucket", "Status", "Explanation");
            assertThat(texts(exceptions.getRow(0))).containsExactlyElementsOf(columns);
            assertThat(exceptions.getLastRowNum()).isEqualTo(39);
            PaneInformation pane = exceptions.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(exceptions.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:M40");
            // the balanced account's oldest break first: id 14, 14 banking days, an amount difference, resolved
            Row first = exceptions.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(ReportFixtures.BALANCED_IBAN);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(14);
            assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(14.14);
            assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(DateUtil.isCellDateFormatted(first.getCell(8))).isTrue();
            assertThat(first.getCell(8).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(ReportFixtures.DAY.minusDays(14));
            assertThat(texts(first)).containsExactly(ReportFixtures.BALANCED_IBAN, "14", "Amount difference", "Money in", "14.14",
                    "SEK", "REF-14", "Björk & Söner AB", "2025-02-28", "14", "Over 10 banking days", "Resolved", "");
            Row last = exceptions.getRow(39);
            assertThat(texts(last)).containsExactly(ReportFixtures.FAILING_IBAN, "900001", "Amount difference", "Money in",
                    "-1234.5", "SEK", "E2E-77", "Hans Müller", "2025-03-13", "1", "0–1 banking days", "Explained",
                    "2025-03-14 karin.operator: bank fee deducted, booked tomorrow");

            XSSFSheet timing = workbook.getSheet("Timing items");
            assertThat(texts(timing.getRow(0))).containsExactlyElementsOf(columns);
            assertThat(timing.getLastRowNum()).isEqualTo(2);
            assertThat(texts(timing.getRow(1))).containsExactly(ReportFixtures.BALANCED_IBAN, "15", "Missing in bank", "Money out",
                    "-15.15", "SEK", "REF-15", "Anna Andersson", "2025-03-14", "0", "0–1 banking days", "Open", "");

            XSSFSheet escalations = workbook.getSheet("Escalations");
            assertThat(texts(escalations.getRow(0))).containsExactlyElementsOf(columns);
            assertThat(escalations.getLastRowNum()).isEqualTo(4);
            assertThat(List.of(1, 2, 3, 4)).extracting(r -> escalations.getRow(r).getCell(1).getNumericCellValue())
                    .containsExactly(13.0, 28.0, 12.0, 27.0);
            assertThat(escalations.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:M5");
        }
    }

    @Test
    void everySheetPrintsOnePageWideLandscapeWithTitleDateAndPageNOfMAndTheTablesRepeatTheirHeaderRow() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReportFixtures.reconciliation(40), Locale.GERMAN, "de.xlsx"))) {
            // then: the sheets named in German
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                    workbook.getSheetName(3))).containsExactly("Übersicht", "Zu klärende Abweichungen", "Zeitversetzte Posten",
                    "Eskalationen");
            assertThat(PrintedSheet.of(workbook.getSheet("Übersicht"))).isEqualTo(PrintedSheet.onePageWide(true,
                    "Abstimmung der Kundengeldkonten", "14.03.2025", "Seite &P von &N", null));
            for (String table : List.of("Zu klärende Abweichungen", "Zeitversetzte Posten", "Eskalationen")) {
                assertThat(PrintedSheet.of(workbook.getSheet(table))).as(table).isEqualTo(PrintedSheet.onePageWide(true,
                        "Abstimmung der Kundengeldkonten", "14.03.2025", "Seite &P von &N", "1:1"));
            }
        }
    }

    @Test
    void tenThousandBreaksGiveARowEachOnTheirSheet() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(ReportFixtures.reconciliation(10_000), Locale.ENGLISH, "large.xlsx"))) {
            // then: 9 334 exceptions of the balanced account and the failing account's one, 666 timing items, 1 332 escalated
            XSSFSheet exceptions = workbook.getSheet("Exceptions");
            assertThat(exceptions.getPhysicalNumberOfRows()).isEqualTo(1 + 9_334 + 1);
            assertThat(exceptions.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:M9336");
            assertThat(workbook.getSheet("Timing items").getPhysicalNumberOfRows()).isEqualTo(1 + 666);
            assertThat(workbook.getSheet("Escalations").getPhysicalNumberOfRows()).isEqualTo(1 + 1_332);
        }
    }

    @Test
    void swedishAndGermanLabelsSheetNamesAndDateFormats() throws IOException {
        // when
        try (XSSFWorkbook swedish = open(render(ReportFixtures.reconciliation(40), Locale.forLanguageTag("sv"), "sv.xlsx"));
                XSSFWorkbook german = open(render(ReportFixtures.reconciliation(40), Locale.GERMAN, "de.xlsx"))) {
            // then
            assertThat(swedish.getSheetName(0)).isEqualTo("Sammanfattning");
            XSSFSheet exceptions = swedish.getSheet("Avvikelser att utreda");
            assertThat(texts(exceptions.getRow(0))).startsWith("Konto", "Avvikelse (id)", "Typ", "Riktning", "Belopp");
            assertThat(texts(exceptions.getRow(1)).subList(2, 4)).containsExactly("Beloppsdifferens", "Pengar in");
            assertThat(valueBeside(swedish.getSheet("Sammanfattning"), "Oförklarad differens")).hasSize(2);
            assertThat(valueBeside(swedish.getSheet("Sammanfattning"), "Status")).extracting(Cell::getStringCellValue)
                    .containsExactly("AVSTÄMT", "AVSTÄMNING MISSLYCKAD");
            assertThat(swedish.getSheet("Sammanfattning").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Avstämning av klientmedelskonton");
            assertThat(swedish.getSheet("Tidsförskjutna poster")).isNotNull();
            assertThat(swedish.getSheet("Eskaleringar")).isNotNull();
            XSSFSheet germanExceptions = german.getSheet("Zu klärende Abweichungen");
            assertThat(texts(germanExceptions.getRow(1)).subList(10, 12)).containsExactly("Über 10 Bankarbeitstage", "Erledigt");
            assertThat(germanExceptions.getRow(1).getCell(8).getCellStyle().getDataFormatString()).isEqualTo("dd.mm.yyyy");
            assertThat(valueBeside(german.getSheet("Übersicht"), "Unerklärte Differenz")).extracting(Cell::getNumericCellValue)
                    .containsExactly(0.0, -1_200.00);
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
                new RollForward(0, 1, 0, 1), null, List.of(), ReconciliationStatus.FAILED_RECONCILIATION))
                .hasMessageContaining("amount of break 7 is in EUR");
        assertThatThrownBy(() -> new ReconciliationBreak(8, BreakType.MISSING_IN_BANK, Amount.of(1, "SEK"), "X", null, 1,
                BreakStatus.OPEN)).hasMessageContaining("bookingDate of break 8");
        assertThatThrownBy(() -> new ReconciliationReport(ReportFixtures.header(), null, 10)).hasMessageContaining("accounts");
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
