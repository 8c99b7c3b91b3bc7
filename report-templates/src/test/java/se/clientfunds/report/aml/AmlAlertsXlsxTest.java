package se.clientfunds.report.aml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.clientfunds.report.xlsx.WorkbookCells.fontColour;
import static se.clientfunds.report.xlsx.WorkbookCells.texts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.ReportFixtures;

class AmlAlertsXlsxTest {

    @TempDir
    Path dir;

    @Test
    void summaryCountsTheDaysNewAlertsAndTheOpenOnesPerRuleAndSeverity() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(AmlAlertsFixtures.report(), Locale.ENGLISH))) {
            // then
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                    workbook.getSheetName(3), workbook.getSheetName(4)))
                    .containsExactly("Summary", "Alerts", "Evidence", "Held payments", "Filings");
            XSSFSheet summary = workbook.getSheet("Summary");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Transaction-monitoring alerts");
            List<List<String>> rows = rows(summary);
            int raised = rows.indexOf(List.of("Alerts raised on the business day (6)"));
            assertThat(rows.subList(raised + 1, raised + 8)).containsExactly(
                    List.of("Rule", "High", "Medium", "Low", "Total"),
                    List.of("High-risk country", "0", "0", "1", "1"),
                    List.of("Large payment", "0", "1", "0", "1"),
                    List.of("Refund to another account than the payer's", "0", "1", "0", "1"),
                    List.of("Round amount", "0", "0", "1", "1"),
                    List.of("Sanctions list match", "1", "0", "0", "1"),
                    List.of("Velocity against the client's history", "0", "0", "1", "1"));
            assertThat(rows.get(raised + 8)).containsExactly("Total", "1", "2", "3", "6");
            int open = rows.indexOf(List.of("Open alerts: new, in review or escalated (6)"));
            assertThat(rows.subList(open + 2, open + 9)).containsExactly(
                    List.of("High-risk country", "0", "0", "1", "1"),
                    List.of("Large payment", "0", "1", "0", "1"),
                    List.of("One payer paying many clients", "0", "1", "0", "1"),
                    List.of("Refund to another account than the payer's", "0", "1", "0", "1"),
                    List.of("Structuring: payments just under the threshold", "1", "0", "0", "1"),
                    List.of("Velocity against the client's history", "0", "0", "1", "1"),
                    List.of("Total", "1", "3", "2", "6"));
            assertThat(rows).contains(List.of("Payments held from allocation", "1"),
                    List.of("Filings with the FIU (goAML) made on the business day", "1"));
        }
    }

    @Test
    void alertsEvidenceHeldPaymentsAndFilingsAreListedOneRowEachWithAmountsAsNumbers() throws IOException {
        // when
        try (XSSFWorkbook workbook = open(render(AmlAlertsFixtures.report(), Locale.ENGLISH))) {
            // then the alerts by id, the amount a number with the currency's decimals, a high severity in red
            XSSFSheet alerts = workbook.getSheet("Alerts");
            assertThat(texts(alerts.getRow(0))).containsExactly("Alert", "Rule", "Severity", "Business day", "Subject kind",
                    "Subject", "Amount", "Currency", "Status", "Analyst", "Explanation");
            assertThat(alerts.getLastRowNum()).isEqualTo(8);
            assertThat(texts(alerts.getRow(1))).containsExactly("90", "Structuring: payments just under the threshold", "High",
                    "2025-03-13", "Payer", "Hans Müller", "28000", "SEK", "Escalated", "karin", "three payments under 10 000,00 SEK");
            assertThat(alerts.getRow(1).getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(fontColour(alerts.getRow(1).getCell(2).getCellStyle())).isEqualTo("C00000");
            assertThat(cells(alerts.getRow(2))).containsExactly("95", "One payer paying many clients", "Medium", "2025-03-13",
                    "Payer", "Hans Müller", "", "", "New", "", "eight clients in a banking day");
            assertThat(texts(alerts.getRow(3)).subList(0, 3)).containsExactly("101", "Sanctions list match", "High");
            assertThat(texts(alerts.getRow(3)).get(8)).isEqualTo("Filed");
            assertThat(texts(alerts.getRow(5)).get(8)).isEqualTo("Closed: false positive");
            // then each alert's payments
            XSSFSheet evidence = workbook.getSheet("Evidence");
            assertThat(rows(evidence)).containsExactly(List.of("Alert", "Client-funds account", "Bank reference"),
                    List.of("90", AmlAlertsFixtures.IBAN, "REF-090a"), List.of("90", AmlAlertsFixtures.IBAN, "REF-090b"),
                    List.of("101", AmlAlertsFixtures.IBAN, "REF-101"), List.of("102", AmlAlertsFixtures.IBAN, "REF-102"),
                    List.of("103", AmlAlertsFixtures.IBAN, "REF-103"));
            // then the held payment and the filing
            assertThat(texts(workbook.getSheet("Held payments").getRow(1))).containsExactly(AmlAlertsFixtures.IBAN, "REF-101",
                    "2025-03-14", "12500", "SEK", "2025-03-14", "101", "Ivan Petrov",
                    "SANCTIONS_HOLD: payer \"Ivan Petrov\" is an exact hit on EU.8001.01");
            assertThat(texts(workbook.getSheet("Filings").getRow(1))).containsExactly("101", "STR",
                    "filings/2025-03-14/goaml-STR-101.xml", "ab".repeat(32));
        }
    }

    @Test
    void swedishAndGermanWorkbooksNameSheetsAndWordsInTheirLanguage() throws IOException {
        try (XSSFWorkbook swedish = open(render(AmlAlertsFixtures.report(), Locale.forLanguageTag("sv")));
                XSSFWorkbook german = open(render(AmlAlertsFixtures.report(), Locale.GERMAN))) {
            assertThat(swedish.getSheetName(0)).isEqualTo("Sammanfattning");
            assertThat(texts(swedish.getSheet("Larm").getRow(1)).subList(1, 3))
                    .containsExactly("Strukturering: betalningar strax under gränsen", "Hög");
            assertThat(texts(swedish.getSheet("Larm").getRow(1)).get(8)).isEqualTo("Eskalerat");
            assertThat(german.getSheetName(4)).isEqualTo("Verdachtsmeldungen");
            assertThat(cells(german.getSheet("Alarme").getRow(2)).subList(1, 3))
                    .containsExactly("Ein Zahler an viele Kunden", "Mittel");
        }
    }

    @Test
    void aDayWithoutAlertsSaysNoneAndTheSameReportGivesTheSameBytes() throws IOException {
        // given
        AmlAlertsReport quiet = new AmlAlertsReport(ReportFixtures.header(), List.of(), List.of(), List.of());
        // when
        byte[] once = bytes(quiet);
        byte[] twice = bytes(quiet);
        // then
        assertThat(once).isEqualTo(twice);
        assertThat(bytes(AmlAlertsFixtures.report())).isEqualTo(bytes(AmlAlertsFixtures.report()));
        Path file = dir.resolve("quiet.xlsx");
        Files.write(file, once);
        try (XSSFWorkbook workbook = open(file)) {
            List<List<String>> rows = rows(workbook.getSheet("Summary"));
            int raised = rows.indexOf(List.of("Alerts raised on the business day (0)"));
            assertThat(rows.get(raised + 2)).containsExactly("None");
            assertThat(workbook.getSheet("Alerts").getLastRowNum()).isZero();
        }
    }

    @Test
    void anEarlierDaysAlertIsListedOnlyWhileOpen() {
        var day = ReportFixtures.DAY;
        AlertLine closedBefore = new AlertLine(7, "LARGE_PAYMENT", Severity.LOW, day.minusDays(2), SubjectKind.PAYER, "A",
                Amount.of(1, "SEK"), AlertStatus.CLOSED_FALSE_POSITIVE, "", "", List.of());
        assertThatThrownBy(() -> new AmlAlertsReport(ReportFixtures.header(), List.of(closedBefore), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert 7 of 2025-03-12 is CLOSED_FALSE_POSITIVE: an earlier day's alert is listed only while it is open");
    }

    private Path render(AmlAlertsReport report, Locale locale) throws IOException {
        Path file = dir.resolve(locale.toLanguageTag() + ".xlsx");
        new AmlAlertsXlsx(locale).write(report, file);
        return file;
    }

    private static byte[] bytes(AmlAlertsReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AmlAlertsXlsx(Locale.ENGLISH).write(report, out);
        return out.toByteArray();
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The row's cells as text, a cell the renderer left out (an alert without an amount) as empty text. */
    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            org.apache.poi.ss.usermodel.Cell cell = row.getCell(c);
            if (cell == null) {
                cells.add("");
            } else {
                cells.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                        : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString()
                        : cell.getStringCellValue());
            }
        }
        return cells;
    }

    private static List<List<String>> rows(XSSFSheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            rows.add(texts(row));
        }
        return rows;
    }
}
