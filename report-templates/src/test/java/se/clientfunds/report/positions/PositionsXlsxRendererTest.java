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
    void sheetsComeInOrderWithLabelledHeadersFrozenAndFiltered() throws IOException {
        try (XSSFWorkbook workbook = open(english)) {
            // then
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                    workbook.getSheetName(3))).containsExactly("Summary", "Positions", "Movements", "Unallocated");
            assertThat(texts(workbook.getSheet("Positions").getRow(0))).containsExactly("Account", "Kind", "Currency",
                    "Opening", "Debit", "Credit", "Closing");
            assertThat(texts(workbook.getSheet("Movements").getRow(0))).containsExactly("Booking date", "Event",
                    "Reference", "Account", "D/C", "Amount", "Currency");
            assertThat(texts(workbook.getSheet("Unallocated").getRow(0))).containsExactly("Payment reference",
                    "Booking date", "Amount", "Unallocated", "Currency", "Reason", "Debtor");
            for (String name : List.of("Positions", "Movements", "Unallocated")) {
                PaneInformation pane = workbook.getSheet(name).getPaneInformation();
                assertThat(pane.isFreezePane()).as(name).isTrue();
                assertThat(pane.getHorizontalSplitTopRow()).as(name).isEqualTo((short) 1);
            }
            assertThat(autoFilter(workbook, "Positions")).isEqualTo("A1:G12");
            assertThat(autoFilter(workbook, "Movements")).isEqualTo("A1:G7");
            assertThat(autoFilter(workbook, "Unallocated")).isEqualTo("A1:G3");
            assertThat(workbook.getSheet("Summary").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Client-funds positions");
        }
    }

    @Test
    void positionsAreNumbersWithTheCurrencysDecimalsAndColumnsFitTheAccounts() throws IOException {
        try (XSSFWorkbook workbook = open(english)) {
            XSSFSheet sheet = workbook.getSheet("Positions");

            // then
            Row bank = sheet.getRow(1);
            assertThat(bank.getCell(0).getStringCellValue()).isEqualTo(PositionsFixture.BANK_SEK);
            assertThat(bank.getCell(1).getStringCellValue()).isEqualTo("BANK");
            assertThat(bank.getCell(2).getStringCellValue()).isEqualTo("SEK");
            for (int c = 3; c <= 6; c++) {
                assertThat(bank.getCell(c).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(bank.getCell(c).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            }
            assertThat(bank.getCell(3).getNumericCellValue()).isEqualTo(100_000.00);
            assertThat(bank.getCell(4).getNumericCellValue()).isEqualTo(2_500.00);
            assertThat(bank.getCell(5).getNumericCellValue()).isEqualTo(1_200.00);
            assertThat(bank.getCell(6).getNumericCellValue()).isEqualTo(101_300.00);
            Row euroUnallocated = sheet.getRow(9);
            assertThat(euroUnallocated.getCell(6).getNumericCellValue()).isEqualTo(100.01);
            Row yen = sheet.getRow(10);
            assertThat(yen.getCell(2).getStringCellValue()).isEqualTo("JPY");
            assertThat(yen.getCell(6).getNumericCellValue()).isEqualTo(1_000_000.0);
            assertThat(yen.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(sheet.getLastRowNum()).isEqualTo(11);
            assertThat(sheet.getColumnWidth(0)).isGreaterThanOrEqualTo(PositionsFixture.BANK_SEK.length() * 256);
        }
    }

    @Test
    void movementsAndUnallocatedCarryDateCellsAndAmounts() throws IOException {
        try (XSSFWorkbook workbook = open(english)) {
            // then
            Row first = workbook.getSheet("Movements").getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(0))).isTrue();
            assertThat(first.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(first.getCell(0).getLocalDateTimeCellValue())
                    .isEqualTo(PositionsFixture.BUSINESS_DATE.atStartOfDay());
            assertThat(texts(first).subList(1, 5)).containsExactly("PAYMENT_RECEIVED", "OCR 4455667788",
                    PositionsFixture.BANK_SEK, "D");
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(1_500.00);
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("SEK");
            assertThat(workbook.getSheet("Movements").getLastRowNum()).isEqualTo(6);

            Row unallocated = workbook.getSheet("Unallocated").getRow(1);
            assertThat(unallocated.getCell(0).getStringCellValue()).isEqualTo("OCR 1234567897");
            assertThat(unallocated.getCell(1).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2025, 3, 13, 0, 0));
            assertThat(unallocated.getCell(2).getNumericCellValue()).isEqualTo(5_000.00);
            assertThat(unallocated.getCell(3).getNumericCellValue()).isEqualTo(4_400.00);
            assertThat(unallocated.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(texts(unallocated).subList(4, 7)).containsExactly("SEK", "invoice not found", "Anna Andersson");
        }
    }

    @Test
    void summaryNamesTheDayTheRunTheInputsAndTheTotals() throws IOException {
        try (XSSFWorkbook workbook = open(english)) {
            XSSFSheet summary = workbook.getSheet("Summary");

            // then
            Row date = rowLabelled(summary, "Business date");
            assertThat(date.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 3, 14, 0, 0));
            assertThat(rowLabelled(summary, "Job execution id").getCell(1).getNumericCellValue()).isEqualTo(4711.0);
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
            Row clientSek = summary.getRow(header.getRowNum() + 4);
            assertThat(texts(clientSek).subList(0, 2)).containsExactly("CLIENT", "EUR");
            clientSek = summary.getRow(header.getRowNum() + 5);
            assertThat(texts(clientSek).subList(0, 2)).containsExactly("CLIENT", "JPY");
            clientSek = summary.getRow(header.getRowNum() + 6);
            assertThat(texts(clientSek).subList(0, 2)).containsExactly("CLIENT", "SEK");
            assertThat(clientSek.getCell(2).getNumericCellValue()).isEqualTo(2.0);
            assertThat(clientSek.getCell(6).getNumericCellValue()).isEqualTo(90_775.00);
            assertThat(clientSek.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
    }

    @Test
    void invariantIsAnExcelFormulaOverTheClosingBalancesWithItsValueAndTheComputedDifference() throws IOException {
        try (XSSFWorkbook workbook = open(english)) {
            XSSFSheet summary = workbook.getSheet("Summary");
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            Row header = rowLabelled(summary, "Currency", 9);

            // then
            assertThat(texts(header)).containsExactly("Currency", "BANK", "CLIENT", "UNALLOCATED", "DEBTOR_CREDIT",
                    "PLATFORM_FEES", "Difference (formula)", "Holds (formula)", "Difference (computed)");
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
            assertThat(bars.getSerArray(0).getTx().getStrRef().getStrCache().getPtArray(0).getV()).isEqualTo("CLIENT");
            assertThat(bars.getSerArray(3).getTx().getStrRef().getStrCache().getPtArray(0).getV())
                    .isEqualTo("PLATFORM_FEES");
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
            for (String table : List.of("Positions", "Movements", "Unallocated")) {
                assertThat(PrintedSheet.of(workbook.getSheet(table))).as(table).isEqualTo(
                        PrintedSheet.onePageWide(true, "Client-funds positions", "14 Mar 2025", "Page &P of &N", "1:1"));
            }
        }
        try (XSSFWorkbook workbook = open(swedish)) {
            assertThat(PrintedSheet.of(workbook.getSheet("Movements"))).isEqualTo(
                    PrintedSheet.onePageWide(true, "Klientmedel: positioner", "2025-03-14", "Sida &P av &N", "1:1"));
        }
    }

    @Test
    void germanAndSwedishLabelsAndDateFormatsAppearWhenAskedFor() throws IOException {
        // given
        Path german = dir.resolve("positions-de.xlsx");
        Path swedish = dir.resolve("positions-sv.xlsx");

        // when
        new PositionsXlsxRenderer().render(PositionsFixture.report(), Locale.GERMAN, german);
        new PositionsXlsxRenderer().render(PositionsFixture.report(), Locale.forLanguageTag("sv-SE"), swedish);

        // then
        try (XSSFWorkbook workbook = open(german)) {
            assertThat(texts(workbook.getSheet("Positions").getRow(0))).containsExactly("Konto", "Kontoart", "Währung",
                    "Anfangssaldo", "Soll", "Haben", "Endsaldo");
            assertThat(workbook.getSheet("Movements").getRow(1).getCell(0).getCellStyle().getDataFormatString())
                    .isEqualTo("dd.mm.yyyy");
            assertThat(rowLabelled(workbook.getSheet("Summary"), "Geschäftstag")).isNotNull();
            assertThat(workbook.getSheet("Summary").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Kundengelder: Positionen");
        }
        try (XSSFWorkbook workbook = open(swedish)) {
            assertThat(texts(workbook.getSheet("Unallocated").getRow(0))).containsExactly("Betalningsreferens",
                    "Bokföringsdag", "Belopp", "Ej fördelat", "Valuta", "Orsak", "Betalare");
            assertThat(rowLabelled(workbook.getSheet("Summary"), "Överhoppade poster").getCell(1)
                    .getNumericCellValue()).isEqualTo(1.0);
            assertThat(workbook.getSheet("Summary").getDrawingPatriarch().getCharts().get(0).getTitleText().getString())
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
