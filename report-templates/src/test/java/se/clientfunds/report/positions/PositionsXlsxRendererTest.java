package se.clientfunds.report.positions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.SAXParserFactory;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import se.clientfunds.report.xlsx.PrintedSheet;

import static se.clientfunds.report.xlsx.WorkbookCells.fontColour;

class PositionsXlsxRendererTest {

    @TempDir
    static Path dir;

    static Path english;

    @BeforeAll
    static void renderTheFixtureInEnglish() throws IOException {
        english = dir.resolve("positions-en.xlsx");
        new PositionsXlsxRenderer().render(PositionsFixture.report(), Locale.ENGLISH, english);
    }

    @Test
    void textFromTheInputsThatLooksLikeAFormulaIsWrittenAsText() throws IOException {
        // given names and references from an extract and a bank file written to be formulas in a spreadsheet
        List<String> hostile = List.of("=cmd|' /C calc'!A0", "@SUM(1+1)", "+HYPERLINK(\"http://x\")", "-2+3");
        List<PositionLine> positions = new ArrayList<>(PositionsFixture.positions());
        positions.set(1, PositionsFixture.client("CLIENT:CL00001", hostile.get(0), PositionsFixture.sek(6_000_000),
                PositionsFixture.sek(122_500), PositionsFixture.sek(150_000), PositionsFixture.sek(6_027_500)));
        List<UnallocatedLine> unallocated = new ArrayList<>(PositionsFixture.unallocated());
        UnallocatedLine first = unallocated.get(0);
        unallocated.set(0, new UnallocatedLine(hostile.get(3), first.bookingDate(), first.amount(), first.unallocated(),
                first.reasonCode(), first.reason(), hostile.get(1), hostile.get(2), first.ageBankingDays()));
        PositionsReport fixture = PositionsFixture.report();
        Path file = dir.resolve("positions-hostile.xlsx");

        // when
        new PositionsXlsxRenderer().render(new PositionsReport(fixture.businessDate(), fixture.jobExecutionId(),
                fixture.inputFiles(), positions, fixture.movements(), unallocated, fixture.totals(), fixture.version(),
                fixture.notices(), fixture.debtorCredit()), Locale.ENGLISH, file);

        // then each is a text cell holding exactly what came in, and no formula of the workbook is one of them
        List<String> found = new ArrayList<>();
        try (XSSFWorkbook workbook = open(file)) {
            for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            assertThat(cell.getCellFormula()).doesNotContain("cmd", "SUM(1+1)", "HYPERLINK");
                        } else if (cell.getCellType() == CellType.STRING && hostile.contains(cell.getStringCellValue())) {
                            found.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        assertThat(found).containsAll(hostile);
    }

    @Test
    void sheetsComeInOrderWithLabelledHeadersFrozenAndFiltered() throws IOException {
        try (XSSFWorkbook workbook = open(english)) {
            // then
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                    workbook.getSheetName(3), workbook.getSheetName(4)))
                    .containsExactly("Summary", "Positions", "Movements", "Unallocated", "Debtor credit");
            assertThat(texts(workbook.getSheet("Positions").getRow(0))).containsExactly("Account", "Name", "Kind", "Currency",
                    "Opening", "Debit", "Credit", "Closing");
            assertThat(texts(workbook.getSheet("Movements").getRow(0))).containsExactly("Booking date", "Event",
                    "Reference", "Account", "D/C", "Amount", "Currency");
            assertThat(texts(workbook.getSheet("Unallocated").getRow(0))).containsExactly("Payment reference",
                    "Booking date", "Amount", "Unallocated", "Currency", "Reason", "Details", "Payer", "Payer's reference",
                    "Age (banking days)");
            assertThat(texts(workbook.getSheet("Debtor credit").getRow(0))).containsExactly("Payment reference",
                    "Booking date", "Payer", "Payer's reference", "Held", "Currency", "Outcome", "Age (banking days)");
            for (String name : List.of("Positions", "Movements", "Unallocated", "Debtor credit")) {
                PaneInformation pane = workbook.getSheet(name).getPaneInformation();
                assertThat(pane.isFreezePane()).as(name).isTrue();
                assertThat(pane.getHorizontalSplitTopRow()).as(name).isEqualTo((short) 1);
            }
            assertThat(autoFilter(workbook, "Positions")).isEqualTo("A1:H12");
            assertThat(autoFilter(workbook, "Movements")).isEqualTo("A1:G12");
            assertThat(autoFilter(workbook, "Unallocated")).isEqualTo("A1:J9");
            assertThat(autoFilter(workbook, "Debtor credit")).isEqualTo("A1:H3");
            assertThat(workbook.getSheet("Summary").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Client-funds positions");
        }
    }

    @Test
    void movementsPastWhatASheetHoldsGoOnToSheetsOfTheirOwnBesideTheFirstWithItsHeaderFilterAndPrintTitles() throws IOException {
        // given seven movements and sheets of three (a sheet holds 1,048,575 under its header: a day of a million
        // payments has several million movements)
        Path file = dir.resolve("positions-continued.xlsx");
        new PositionsXlsxRenderer(3).render(PositionsFixture.report(PositionsFixture.lazyMovements(7)), Locale.ENGLISH, file);

        try (XSSFWorkbook workbook = open(file)) {
            // then
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("Summary", "Positions", "Movements", "Movements (2)", "Movements (3)", "Unallocated",
                    "Debtor credit");
            List<String> references = new ArrayList<>();
            for (String name : List.of("Movements", "Movements (2)", "Movements (3)")) {
                XSSFSheet sheet = workbook.getSheet(name);
                assertThat(texts(sheet.getRow(0))).as(name).containsExactly("Booking date", "Event", "Reference", "Account", "D/C",
                        "Amount", "Currency");
                assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).as(name).isTrue();
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
                assertThat(sheet.getRepeatingRows().formatAsString()).as(name).isEqualTo("1:1");
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    references.add(sheet.getRow(r).getCell(2).getStringCellValue());
                }
            }
            assertThat(autoFilter(workbook, "Movements")).isEqualTo("A1:G4");
            assertThat(autoFilter(workbook, "Movements (2)")).isEqualTo("A1:G4");
            assertThat(autoFilter(workbook, "Movements (3)")).isEqualTo("A1:G2");
            // every movement once, in order
            assertThat(references).containsExactly("OCR 1000000001", "OCR 1000000002", "OCR 1000000003", "OCR 1000000004",
                    "OCR 1000000005", "OCR 1000000006", "OCR 1000000007");
            assertThat(workbook.getSheet("Movements (2)").getRow(1).getCell(5).getNumericCellValue()).isEqualTo(1.04);
            // the other sheets' filters and print titles are still theirs after the new sheets moved in beside them
            assertThat(autoFilter(workbook, "Unallocated")).isEqualTo("A1:J9");
            assertThat(workbook.getSheet("Debtor credit").getRepeatingRows().formatAsString()).isEqualTo("1:1");
        }
    }

    @Test
    void positionsAreNumbersWithTheCurrencysDecimalsTheClientsNameAndTheKindInWords() throws IOException {
        try (XSSFWorkbook workbook = open(english)) {
            XSSFSheet sheet = workbook.getSheet("Positions");

            // then
            Row bank = sheet.getRow(1);
            assertThat(texts(bank).subList(0, 4)).containsExactly(PositionsFixture.BANK_SEK, "", "Bank", "SEK");
            for (int c = 4; c <= 7; c++) {
                assertThat(bank.getCell(c).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(bank.getCell(c).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            }
            assertThat(bank.getCell(4).getNumericCellValue()).isEqualTo(100_000.00);
            assertThat(bank.getCell(5).getNumericCellValue()).isEqualTo(2_500.00);
            assertThat(bank.getCell(6).getNumericCellValue()).isEqualTo(1_200.00);
            assertThat(bank.getCell(7).getNumericCellValue()).isEqualTo(101_300.00);
            assertThat(texts(sheet.getRow(2)).subList(0, 3)).containsExactly("CLIENT:CL00001", "Lindqvist Fastigheter AB", "Client");
            assertThat(texts(sheet.getRow(4)).subList(0, 3)).containsExactly("UNALLOCATED", "", "Unallocated");
            assertThat(texts(sheet.getRow(5)).subList(0, 3)).containsExactly("DEBTOR_CREDIT", "", "Debtor credit");
            assertThat(texts(sheet.getRow(6)).subList(0, 3)).containsExactly("PLATFORM_FEES", "", "Platform fees");
            Row euroUnallocated = sheet.getRow(9);
            assertThat(euroUnallocated.getCell(7).getNumericCellValue()).isEqualTo(100.01);
            Row yen = sheet.getRow(10);
            assertThat(yen.getCell(3).getStringCellValue()).isEqualTo("JPY");
            assertThat(yen.getCell(7).getNumericCellValue()).isEqualTo(1_000_000.0);
            assertThat(yen.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(sheet.getLastRowNum()).isEqualTo(11);
            assertThat(sheet.getColumnWidth(0)).isGreaterThanOrEqualTo(PositionsFixture.BANK_SEK.length() * 256);
        }
    }

    @Test
    void movementsCarryDateCellsEventsInWordsAndAnUnknownEventAsTheLedgerNamesIt() throws IOException {
        try (XSSFWorkbook workbook = open(english)) {
            // then
            XSSFSheet movements = workbook.getSheet("Movements");
            Row first = movements.getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(0))).isTrue();
            assertThat(first.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(first.getCell(0).getLocalDateTimeCellValue())
                    .isEqualTo(PositionsFixture.BUSINESS_DATE.atStartOfDay());
            assertThat(texts(first).subList(1, 5)).containsExactly("Payment received", "OCR 4455667788",
                    PositionsFixture.BANK_SEK, "D");
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(1_500.00);
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("SEK");
            assertThat(texts(movements.getRow(2)).subList(1, 5)).containsExactly("Payment received", "OCR 4455667788",
                    "UNALLOCATED", "C");
            assertThat(List.of(3, 5, 7, 8, 9, 10, 11)).extracting(r -> movements.getRow(r).getCell(1).getStringCellValue())
                    .containsExactly("Payment allocated", "Payout", "Fee charged", "Allocated by hand", "Refund paid",
                            "Payment deducted", PositionsFixture.UNKNOWN_EVENT);
            assertThat(movements.getLastRowNum()).isEqualTo(11);
        }
    }

    @Test
    void unallocatedPaymentsSayWhyInWordsAndAsRecordedWhoPaidWithWhatReferenceAndHowLongTheyWaited() throws IOException {
        try (XSSFWorkbook workbook = open(english)) {
            XSSFSheet sheet = workbook.getSheet("Unallocated");

            // then
            Row unallocated = sheet.getRow(1);
            assertThat(unallocated.getCell(0).getStringCellValue()).isEqualTo("OCR 1234567897");
            assertThat(unallocated.getCell(1).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2025, 3, 13, 0, 0));
            assertThat(unallocated.getCell(2).getNumericCellValue()).isEqualTo(5_000.00);
            assertThat(unallocated.getCell(3).getNumericCellValue()).isEqualTo(4_400.00);
            assertThat(unallocated.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(texts(unallocated).subList(4, 9)).containsExactly("SEK", "No invoice has this OCR reference",
                    "UNKNOWN_OCR: no invoice has OCR 1234567897", "Anna Andersson", "1234567897");
            assertThat(unallocated.getCell(9).getNumericCellValue()).isEqualTo(1.0);
            assertThat(List.of(2, 3, 4, 5, 6, 7)).extracting(r -> sheet.getRow(r).getCell(5).getStringCellValue())
                    .containsExactly("No reference given", "Invalid OCR reference (check digit)",
                            "The OCR reference fits more than one invoice", "Paid in another currency than the invoice",
                            "Left unallocated by an operator", "Other reason");
            assertThat(sheet.getRow(6).getCell(9).getNumericCellValue()).isEqualTo(5.0);
        }
    }

    @Test
    void debtorCreditListsWhatIsHeldPerPaymentWithThePayerTheOutcomeInWordsAndItsAge() throws IOException {
        try (XSSFWorkbook workbook = open(english)) {
            XSSFSheet sheet = workbook.getSheet("Debtor credit");

            // then
            Row overpaid = sheet.getRow(1);
            assertThat(overpaid.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 3, 12, 0, 0));
            assertThat(texts(overpaid)).containsExactly("OCR 5566778899", "#NUMERIC", "Björk & Söner AB", "5566778899",
                    "#NUMERIC", "SEK", "Overpaid", "#NUMERIC");
            assertThat(overpaid.getCell(4).getNumericCellValue()).isEqualTo(250.00);
            assertThat(overpaid.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(overpaid.getCell(7).getNumericCellValue()).isEqualTo(2.0);
            Row duplicate = sheet.getRow(2);
            assertThat(texts(duplicate).subList(2, 7)).containsExactly("Åsa Öberg", "INV-2025-0042", "#NUMERIC", "SEK",
                    "Paid twice");
            assertThat(duplicate.getCell(4).getNumericCellValue()).isEqualTo(1_200.00);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void summaryNamesTheDayTheRunTheInputsAndTheTotals() throws IOException {
        try (XSSFWorkbook workbook = open(english)) {
            XSSFSheet summary = workbook.getSheet("Summary");

            // then: the first version has no notices and no version
            assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Business date");
            Row date = rowLabelled(summary, "Business date");
            assertThat(date.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 3, 14, 0, 0));
            assertThat(rowLabelled(summary, "Job execution id").getCell(1).getNumericCellValue()).isEqualTo(4711.0);
            assertThat((Object) summary.getRow(date.getRowNum() + 2)).isNull();
            assertThat(rowLabelled(summary, "camt053_20250314.xml").getCell(1).getStringCellValue())
                    .isEqualTo(PositionsFixture.CAMT_SHA);
            assertThat(rowLabelled(summary, "bgmax_20250314.txt").getCell(1).getStringCellValue())
                    .isEqualTo(PositionsFixture.BGMAX_SHA);
            assertThat(rowLabelled(summary, "Postings written").getCell(1).getNumericCellValue()).isEqualTo(14.0);
            assertThat(rowLabelled(summary, "Records skipped").getCell(1).getNumericCellValue()).isEqualTo(1.0);
            Row debits = rowLabelled(summary, "Debits of the day");
            assertThat(debits.getCell(1).getNumericCellValue()).isEqualTo(5_825.00);
            assertThat(debits.getCell(2).getStringCellValue()).isEqualTo("SEK");

            Row header = rowLabelled(summary, "Kind");
            assertThat(texts(header)).containsExactly("Kind", "Currency", "Accounts", "Opening", "Debit", "Credit",
                    "Closing");
            assertThat(texts(summary.getRow(header.getRowNum() + 1)).subList(0, 2)).containsExactly("Bank", "EUR");
            Row clientSek = summary.getRow(header.getRowNum() + 4);
            assertThat(texts(clientSek).subList(0, 2)).containsExactly("Client", "EUR");
            clientSek = summary.getRow(header.getRowNum() + 5);
            assertThat(texts(clientSek).subList(0, 2)).containsExactly("Client", "JPY");
            clientSek = summary.getRow(header.getRowNum() + 6);
            assertThat(texts(clientSek).subList(0, 2)).containsExactly("Client", "SEK");
            assertThat(clientSek.getCell(2).getNumericCellValue()).isEqualTo(2.0);
            assertThat(clientSek.getCell(6).getNumericCellValue()).isEqualTo(90_775.00);
            assertThat(clientSek.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(texts(summary.getRow(header.getRowNum() + 9)).subList(0, 2)).containsExactly("Debtor credit", "SEK");
            assertThat(texts(summary.getRow(header.getRowNum() + 10)).subList(0, 2)).containsExactly("Platform fees", "SEK");
        }
    }

    @Test
    void aLaterVersionsNoticesHeadTheSummaryAlertsInRedThenItsVersion() throws IOException {
        // given
        Path later = dir.resolve("positions-v2.xlsx");

        // when
        new PositionsXlsxRenderer().render(PositionsFixture.laterVersion(), Locale.ENGLISH, later);

        // then
        try (XSSFWorkbook workbook = open(later)) {
            XSSFSheet summary = workbook.getSheet("Summary");
            assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Closed without the bank's statement of"
                    + " SE4550000000058398257466: the day's figures are not confirmed by the bank.");
            assertThat(fontColour(summary.getRow(2).getCell(0).getCellStyle())).isEqualTo("C00000");
            assertThat(summary.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Safeguarding shortfall of 500.00 SEK on"
                    + " 13 Mar 2025: no action was recorded by the next banking day, and there is still none.");
            assertThat(fontColour(summary.getRow(3).getCell(0).getCellStyle())).isEqualTo("C00000");
            assertThat(summary.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Version 2 of this day's reports, written"
                    + " beside version 1, which it supersedes: a statement that arrived late was reconciled (reconciliation"
                    + " run 2).");
            assertThat(fontColour(summary.getRow(4).getCell(0).getCellStyle())).isNotEqualTo("C00000");
            assertThat(summary.getRow(6).getCell(0).getStringCellValue()).isEqualTo("Business date");
            assertThat(rowLabelled(summary, "Version").getCell(1).getNumericCellValue()).isEqualTo(2.0);
        }
    }

    @Test
    void invariantIsAnExcelFormulaOverTheClosingBalancesWithItsValueAndTheComputedDifference() throws IOException {
        try (XSSFWorkbook workbook = open(english)) {
            XSSFSheet summary = workbook.getSheet("Summary");
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            Row header = rowLabelled(summary, "Currency", 9);

            // then: the account kinds in words
            assertThat(summary.getRow(header.getRowNum() - 1).getCell(0).getStringCellValue())
                    .isEqualTo("Invariant: Bank = Client + Unallocated + Debtor credit + Platform fees");
            assertThat(texts(header)).containsExactly("Currency", "Bank", "Client", "Unallocated", "Debtor credit",
                    "Platform fees", "Difference (formula)", "Holds (formula)", "Difference (computed)");
            Row eur = summary.getRow(header.getRowNum() + 1);
            Row jpy = summary.getRow(header.getRowNum() + 2);
            Row sek = summary.getRow(header.getRowNum() + 3);
            int excelRow = sek.getRowNum() + 1;
            assertThat(sek.getCell(0).getStringCellValue()).isEqualTo("SEK");
            assertThat(sek.getCell(1).getNumericCellValue()).isEqualTo(101_300.00);
            assertThat(sek.getCell(2).getNumericCellValue()).isEqualTo(90_775.00);
            assertThat(sek.getCell(3).getNumericCellValue()).isEqualTo(9_400.00);
            assertThat(sek.getCell(7).getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(sek.getCell(7).getCellFormula()).isEqualTo("ROUND(B" + excelRow + ",2)=ROUND(C" + excelRow
                    + "+D" + excelRow + "+E" + excelRow + "+F" + excelRow + ",2)");
            assertThat(sek.getCell(6).getCellFormula()).isEqualTo("ROUND(B" + excelRow + "-(C" + excelRow + "+D"
                    + excelRow + "+E" + excelRow + "+F" + excelRow + "),2)");
            // cached values as written
            assertThat(sek.getCell(7).getCachedFormulaResultType()).isEqualTo(CellType.BOOLEAN);
            assertThat(sek.getCell(7).getBooleanCellValue()).isTrue();
            assertThat(eur.getCell(7).getBooleanCellValue()).isFalse();
            assertThat(eur.getCell(6).getNumericCellValue()).isEqualTo(-0.01);
            assertThat(jpy.getCell(7).getBooleanCellValue()).isTrue();
            assertThat(jpy.getCell(7).getCellFormula()).contains(",0)");
            // evaluated again on reading
            assertThat(evaluator.evaluate(sek.getCell(7))).isEqualTo(CellValue.valueOf(true));
            assertThat(evaluator.evaluate(eur.getCell(7))).isEqualTo(CellValue.valueOf(false));
            assertThat(evaluator.evaluate(eur.getCell(6)).getNumberValue()).isEqualTo(-0.01);
            // what the program computed in minor units
            assertThat(sek.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sek.getCell(8).getNumericCellValue()).isEqualTo(0.0);
            assertThat(eur.getCell(8).getNumericCellValue()).isEqualTo(-0.01);
        }
    }

    @Test
    void summaryHasANativeStackedChartOfTheClientFundsPerCurrency() throws IOException {
        try (XSSFWorkbook workbook = open(english)) {
            XSSFDrawing drawing = workbook.getSheet("Summary").getDrawingPatriarch();

            // then
            assertThat(drawing).isNotNull();
            List<XSSFChart> charts = drawing.getCharts();
            assertThat(charts).hasSize(1);
            XSSFChart chart = charts.get(0);
            assertThat(chart.getTitleText().getString()).isEqualTo("Composition of client funds");
            assertThat(chart.getChartSeries()).hasSize(1);
            assertThat(chart.getChartSeries().get(0).getSeriesCount()).isEqualTo(4);
            var bars = chart.getCTChart().getPlotArea().getBarChartArray(0);
            assertThat(bars.getGrouping().getVal().toString()).isEqualTo("stacked");
            assertThat(bars.getSerArray(0).getTx().getStrRef().getStrCache().getPtArray(0).getV()).isEqualTo("Client");
            assertThat(bars.getSerArray(3).getTx().getStrRef().getStrCache().getPtArray(0).getV())
                    .isEqualTo("Platform fees");
            assertThat(chart.getChartSeries().get(0).getSeries(0).getCategoryData().getPointCount()).isEqualTo(3);
            assertThat(chart.getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference())
                    .startsWith("Summary!$C$");
        }
    }

    @Test
    void everySheetPrintsOnePageWideWithTitleDateAndPageNOfMAndTheTablesRepeatTheirHeaderRow() throws IOException {
        // given
        Path swedish = dir.resolve("positions-print-sv.xlsx");

        // when
        new PositionsXlsxRenderer().render(PositionsFixture.report(), Locale.forLanguageTag("sv"), swedish);

        // then: every sheet is wider than a portrait page, so all print landscape
        try (XSSFWorkbook workbook = open(english)) {
            assertThat(PrintedSheet.of(workbook.getSheet("Summary"))).isEqualTo(
                    PrintedSheet.onePageWide(true, "Client-funds positions", "14 Mar 2025", "Page &P of &N", null));
            for (String table : List.of("Positions", "Movements", "Unallocated", "Debtor credit")) {
                assertThat(PrintedSheet.of(workbook.getSheet(table))).as(table).isEqualTo(
                        PrintedSheet.onePageWide(true, "Client-funds positions", "14 Mar 2025", "Page &P of &N", "1:1"));
            }
        }
        try (XSSFWorkbook workbook = open(swedish)) {
            assertThat(PrintedSheet.of(workbook.getSheet("Rörelser"))).isEqualTo(
                    PrintedSheet.onePageWide(true, "Klientmedel: positioner", "2025-03-14", "Sida &P av &N", "1:1"));
        }
    }

    @Test
    void germanAndSwedishLabelsSheetNamesWordsAndDateFormatsAppearWhenAskedFor() throws IOException {
        // given
        Path german = dir.resolve("positions-de.xlsx");
        Path swedish = dir.resolve("positions-sv.xlsx");

        // when
        new PositionsXlsxRenderer().render(PositionsFixture.report(), Locale.GERMAN, german);
        new PositionsXlsxRenderer().render(PositionsFixture.report(), Locale.forLanguageTag("sv-SE"), swedish);

        // then
        try (XSSFWorkbook workbook = open(german)) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                    workbook.getSheetName(3), workbook.getSheetName(4)))
                    .containsExactly("Übersicht", "Positionen", "Bewegungen", "Nicht zugeordnet", "Guthaben der Zahler");
            assertThat(texts(workbook.getSheet("Positionen").getRow(0))).containsExactly("Konto", "Name", "Kontoart", "Währung",
                    "Anfangssaldo", "Soll", "Haben", "Schlusssaldo");
            assertThat(texts(workbook.getSheet("Positionen").getRow(2)).subList(1, 3))
                    .containsExactly("Lindqvist Fastigheter AB", "Kunde");
            Row movement = workbook.getSheet("Bewegungen").getRow(1);
            assertThat(movement.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("dd.mm.yyyy");
            assertThat(texts(movement).subList(1, 5)).containsExactly("Zahlung eingegangen", "OCR 4455667788",
                    PositionsFixture.BANK_SEK, "S");
            assertThat(workbook.getSheet("Bewegungen").getRow(2).getCell(4).getStringCellValue()).isEqualTo("H");
            assertThat(texts(workbook.getSheet("Bewegungen").getRow(0)).get(4)).isEqualTo("S/H");
            assertThat(rowLabelled(workbook.getSheet("Übersicht"), "Geschäftstag")).isNotNull();
            assertThat(workbook.getSheet("Übersicht").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Kundengelder: Positionen");
            assertThat(workbook.getSheet("Guthaben der Zahler").getRow(2).getCell(6).getStringCellValue())
                    .isEqualTo("Doppelzahlung");
        }
        try (XSSFWorkbook workbook = open(swedish)) {
            assertThat(texts(workbook.getSheet("Ej fördelat").getRow(0))).containsExactly("Betalningsreferens",
                    "Bokföringsdag", "Belopp", "Ej fördelat", "Valuta", "Orsak", "Detaljer", "Betalare", "Betalarens referens",
                    "Ålder (bankdagar)");
            assertThat(workbook.getSheet("Ej fördelat").getRow(1).getCell(5).getStringCellValue())
                    .isEqualTo("Ingen faktura har denna OCR-referens");
            assertThat(texts(workbook.getSheet("Rörelser").getRow(0)).get(4)).isEqualTo("D/K");
            assertThat(workbook.getSheet("Rörelser").getRow(2).getCell(4).getStringCellValue()).isEqualTo("K");
            assertThat(rowLabelled(workbook.getSheet("Sammanfattning"), "Överhoppade poster").getCell(1)
                    .getNumericCellValue()).isEqualTo(1.0);
            assertThat(rowLabelled(workbook.getSheet("Sammanfattning"), "Villkor: Bank = Klient + Ej fördelat + Betalares"
                    + " tillgodohavande + Plattformsavgifter")).isNotNull();
            assertThat(workbook.getSheet("Sammanfattning").getDrawingPatriarch().getCharts().get(0).getTitleText().getString())
                    .isEqualTo("Klientmedlens sammansättning");
        }
    }

    @Test
    void theSameReportGivesTheSameBytesSecondsLaterWithFixedPropertiesAndZipTimes() throws Exception {
        // given
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");

        // when: zip times have a resolution of two seconds, so the renderings are more than two seconds apart
        new PositionsXlsxRenderer().render(PositionsFixture.report(), Locale.ENGLISH, first);
        Thread.sleep(2_100);
        new PositionsXlsxRenderer().render(PositionsFixture.report(), Locale.ENGLISH, second);

        // then
        assertThat(sha256(second)).isEqualTo(sha256(first));
        assertThat(sha256(english)).isEqualTo(sha256(first));
        try (ZipFile zip = new ZipFile(first.toFile())) {
            List<String> names = new ArrayList<>();
            zip.stream().forEach(entry -> {
                names.add(entry.getName());
                assertThat(entry.getTimeLocal()).as(entry.getName())
                        .isEqualTo(PositionsFixture.BUSINESS_DATE.atStartOfDay());
            });
            assertThat(names.get(0)).isEqualTo("[Content_Types].xml");
            assertThat(names).contains("xl/charts/chart1.xml", "xl/drawings/drawing1.xml");
        }
        try (XSSFWorkbook workbook = open(first)) {
            var core = workbook.getProperties().getCoreProperties();
            assertThat(core.getCreator()).isEqualTo("client-funds settlement");
            assertThat(core.getCreated().toInstant()).hasToString("2025-03-14T00:00:00Z");
            assertThat(core.getModified().toInstant()).hasToString("2025-03-14T00:00:00Z");
        }
    }

    @Test
    void theBytesDoNotDependOnTheTimeZoneOrTheDefaultLocale() throws Exception {
        // given
        Path utc = dir.resolve("utc.xlsx");
        Path saoPaulo = dir.resolve("sao-paulo.xlsx");
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();

        // when
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            Locale.setDefault(Locale.ENGLISH);
            new PositionsXlsxRenderer().render(PositionsFixture.report(), Locale.GERMAN, utc);
            TimeZone.setDefault(TimeZone.getTimeZone("America/Sao_Paulo"));
            Locale.setDefault(Locale.forLanguageTag("sv-SE"));
            new PositionsXlsxRenderer().render(PositionsFixture.report(), Locale.GERMAN, saoPaulo);
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }

        // then
        assertThat(sha256(saoPaulo)).isEqualTo(sha256(utc));
    }

    @Test
    void twoHundredThousandLazyMovementsRenderInASmallHeap() throws Exception {
        // given
        int rows = 200_000;
        Path target = dir.resolve("large.xlsx");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                MovementsHeapProbe.class.getName(), Integer.toString(rows), target.toString())
                .redirectErrorStream(true)
                .start();

        // when
        String output = new String(probe.getInputStream().readAllBytes());
        boolean finished = probe.waitFor(120, TimeUnit.SECONDS);

        // then
        assertThat(finished).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("rows=200000").contains("maxHeapMiB=");
        RowCounter counter = countMovementRows(target);
        assertThat(counter.rows).isEqualTo(rows + 1);
        assertThat(counter.lastRow).isEqualTo(rows + 1);
        assertThat(counter.lastReference).isEqualTo("OCR " + (1_000_000_000L + rows));
    }

    private static RowCounter countMovementRows(Path file) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (sheets.getSheetName().equals("Movements")) {
                        RowCounter counter = new RowCounter();
                        SAXParserFactory factory = SAXParserFactory.newInstance();
                        factory.setNamespaceAware(true);
                        factory.newSAXParser().parse(sheet, counter);
                        return counter;
                    }
                }
            }
        }
        throw new AssertionError("no Movements sheet in " + file);
    }

    /** Counts rows of a sheet's XML as it streams past and keeps the reference (column C) of the last row. */
    private static final class RowCounter extends DefaultHandler {

        int rows;
        int lastRow;
        String lastReference;
        private boolean inReference;
        private final StringBuilder text = new StringBuilder();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (localName.equals("row")) {
                rows++;
                lastRow = Integer.parseInt(attributes.getValue("r"));
            } else if (localName.equals("c")) {
                inReference = attributes.getValue("r").startsWith("C");
                text.setLength(0);
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inReference) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("c") && inReference) {
                lastReference = text.toString();
                inReference = false;
            }
        }
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "#" + cell.getCellType());
        }
        return texts;
    }

    private static Row rowLabelled(XSSFSheet sheet, String label) {
        return rowLabelled(sheet, label, 0);
    }

    /** The first row whose first cell is {@code label} and which has at least {@code minCells} cells. */
    private static Row rowLabelled(XSSFSheet sheet, String label, int minCells) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)
                    && row.getPhysicalNumberOfCells() >= minCells) {
                return row;
            }
        }
        throw new AssertionError("no row labelled '" + label + "' in sheet " + sheet.getSheetName());
    }

    private static String autoFilter(XSSFWorkbook workbook, String sheet) {
        return workbook.getSheet(sheet).getCTWorksheet().getAutoFilter().getRef();
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
