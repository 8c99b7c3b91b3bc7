package se.clientfunds.report.positions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.namespace.QName;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;

import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.Notice;
import se.clientfunds.report.pdf.ReportText;
import se.clientfunds.report.xlsx.ColumnWidths;
import se.clientfunds.report.xlsx.DeterministicZip;
import se.clientfunds.report.xlsx.DocumentProperties;
import se.clientfunds.report.xlsx.PrintLayout;
import se.clientfunds.report.xlsx.SheetTemplate;

/**
 * Writes {@code positions.xlsx} from a {@link PositionsReport}: a summary sheet (the day's notices first, alerts red,
 * then the run, its version, input files, control totals, totals per account kind, the invariant check and a chart),
 * and the positions (with the client's name), movements (events and debit/credit in the report's language),
 * unallocated (why, in words and as recorded, the payer, the reference they gave, how long it has waited) and debtor
 * credit sheets, streamed so that a million movements fit in a small heap. Every word, the sheet names included, is
 * the locale's. The same report and locale always give the same bytes.
 *
 * <pre>{@code
 * new PositionsXlsxRenderer().render(report, Locale.forLanguageTag("sv"), Path.of("reports/2025-03-14/positions.xlsx"));
 * }</pre>
 */
public final class PositionsXlsxRenderer {

    /** The template on the class path, editable in Excel or LibreOffice. */
    public static final String TEMPLATE = "/templates/positions.xlsx";

    static final String SUMMARY = "Summary";
    static final String POSITIONS = "Positions";
    static final String MOVEMENTS = "Movements";
    static final String UNALLOCATED = "Unallocated";
    static final String DEBTOR_CREDIT = "DebtorCredit";

    /** Rows SXSSF keeps in memory per streamed sheet; older rows are flushed to a temporary file. */
    static final int ROW_WINDOW = 100;

    /**
     * Movements a sheet holds under its header: a sheet has at most 1,048,576 rows (Excel's limit, which POI enforces).
     * A day with more continues on sheets of its own beside the first, named as it is with (2), (3), …
     */
    static final int MOVEMENTS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

    /** The longest sheet name Excel accepts. */
    private static final int SHEET_NAME_LENGTH = 31;

    static final String CREATOR = DocumentProperties.CREATOR;

    private static final List<AccountKind> CLIENT_FUNDS = List.of(AccountKind.CLIENT, AccountKind.UNALLOCATED,
            AccountKind.DEBTOR_CREDIT, AccountKind.PLATFORM_FEES);

    private final TemplateSource template;
    private final int movementsPerSheet;

    /** A renderer using the template shipped on the class path, {@value #TEMPLATE}. */
    public PositionsXlsxRenderer() {
        this(MOVEMENTS_PER_SHEET);
    }

    /** The shipped template, with fewer movements per sheet than Excel allows (tests of the continuation sheets). */
    PositionsXlsxRenderer(int movementsPerSheet) {
        this(() -> {
            InputStream in = PositionsXlsxRenderer.class.getResourceAsStream(TEMPLATE);
            if (in == null) {
                throw new IOException("template " + TEMPLATE + " is not on the class path");
            }
            return in;
        }, movementsPerSheet);
    }

    /** A renderer using an edited copy of the template; it must keep the sheets, header rows and style rows. */
    public PositionsXlsxRenderer(Path template) {
        this(() -> Files.newInputStream(template), MOVEMENTS_PER_SHEET);
    }

    private PositionsXlsxRenderer(TemplateSource template, int movementsPerSheet) {
        if (movementsPerSheet < 1 || movementsPerSheet > MOVEMENTS_PER_SHEET) {
            throw new IllegalArgumentException("movements per sheet " + movementsPerSheet + " is not from 1 to " + MOVEMENTS_PER_SHEET);
        }
        this.template = template;
        this.movementsPerSheet = movementsPerSheet;
    }

    /** Renders {@code report} with the labels of {@code locale} into the file {@code target}, replacing it. */
    public void render(PositionsReport report, Locale locale, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            render(report, locale, out);
        }
    }

    /** Renders {@code report} with the labels of {@code locale} to {@code out}, which stays open. */
    public void render(PositionsReport report, Locale locale, OutputStream out) throws IOException {
        Objects.requireNonNull(report, "report is null");
        Objects.requireNonNull(locale, "locale is null");
        PositionsLabels labels = new PositionsLabels(locale);
        DeterministicZip.write(poiOutput -> writeWorkbook(report, locale, labels, poiOutput), out,
                report.businessDate().atStartOfDay());
    }

    private void writeWorkbook(PositionsReport report, Locale locale, PositionsLabels labels, Path poiOutput)
            throws IOException {
        XSSFWorkbook workbook;
        try (InputStream in = template.open()) {
            workbook = new XSSFWorkbook(in);
        }
        // the words the positions share with the other reports: account kinds, notices, the page header and footer
        ReportText text = new ReportText(locale, "reports/messages");
        String dateFormat = labels.get("positions.format.date");
        SheetTemplate summary = SheetTemplate.read(workbook, SUMMARY, PositionsLabels.PREFIX, labels::get);
        SheetTemplate positions = SheetTemplate.read(workbook, POSITIONS, PositionsLabels.PREFIX, labels::get);
        SheetTemplate movements = SheetTemplate.read(workbook, MOVEMENTS, PositionsLabels.PREFIX, labels::get);
        SheetTemplate unallocated = SheetTemplate.read(workbook, UNALLOCATED, PositionsLabels.PREFIX, labels::get);
        SheetTemplate debtorCredit = SheetTemplate.read(workbook, DEBTOR_CREDIT, PositionsLabels.PREFIX, labels::get);
        // named in the locale before the chart, the filters and the print titles refer to a sheet by its name
        SheetTemplate.rename(workbook, Map.of(SUMMARY, labels.get("positions.sheet.summary"),
                POSITIONS, labels.get("positions.sheet.positions"), MOVEMENTS, labels.get("positions.sheet.movements"),
                UNALLOCATED, labels.get("positions.sheet.unallocated"), DEBTOR_CREDIT, labels.get("positions.sheet.debtorCredit")));
        // The summary stays an ordinary XSSF sheet, filled before streaming starts: SXSSF cannot draw a chart or
        // evaluate a formula, and it writes a template sheet's existing rows (and its drawing) through unchanged.
        new SummarySheet(summary, labels, text, dateFormat, locale).fill(report);
        DocumentProperties.fix(workbook, report.businessDate(), labels.get("positions.title") + " " + report.businessDate());
        try (SXSSFWorkbook streaming = new SXSSFWorkbook(workbook, ROW_WINDOW);
                OutputStream out = Files.newOutputStream(poiOutput)) {
            writePositions(streamed(streaming, positions), positions, report.positions(), text);
            List<SXSSFSheet> moreMovements = writeMovements(streaming, movements, labels.get("positions.sheet.movements"),
                    report.movements(), text, dateFormat);
            writeUnallocated(streamed(streaming, unallocated), unallocated, report.unallocated(), text, dateFormat);
            writeDebtorCredit(streamed(streaming, debtorCredit), debtorCredit, report.debtorCredit(), text, dateFormat);
            // the page header's date and the footer's words are those of the PDFs, in the same language
            PrintLayout print = new PrintLayout(text, labels.get("positions.title"), report.businessDate());
            print.summary(summary.sheet());
            for (SheetTemplate table : List.of(positions, movements, unallocated, debtorCredit)) {
                print.table(streamed(streaming, table), table.columns());
            }
            for (SXSSFSheet sheet : moreMovements) {
                print.table(sheet, movements.columns());
            }
            streaming.setActiveSheet(workbook.getSheetIndex(summary.sheet()));
            streaming.write(out);
        }
    }

    /** The streaming sheet over a template's sheet, found by position: its name is the locale's by now. */
    private static SXSSFSheet streamed(SXSSFWorkbook streaming, SheetTemplate template) {
        return streaming.getSheetAt(streaming.getXSSFWorkbook().getSheetIndex(template.sheet()));
    }

    private static void writePositions(SXSSFSheet sheet, SheetTemplate template, List<PositionLine> lines, ReportText text) {
        ColumnWidths widths = new ColumnWidths(template, sheet);
        int r = 1;
        for (PositionLine line : lines) {
            Row row = sheet.createRow(r++);
            widths.text(row, 0, line.account());
            widths.text(row, 1, line.name());
            widths.text(row, 2, text.label(line.kind()));
            widths.text(row, 3, line.currency());
            widths.amount(row, 4, line.opening().minor(), line.opening().fractionDigits());
            widths.amount(row, 5, line.debit().minor(), line.debit().fractionDigits());
            widths.amount(row, 6, line.credit().minor(), line.credit().fractionDigits());
            widths.amount(row, 7, line.closing().minor(), line.closing().fractionDigits());
        }
        finishTable(sheet, template, widths, r - 1);
    }

    /**
     * The ledger's events in words, an event without a label as the ledger names it; D/C in the locale's letters. Past
     * {@link #movementsPerSheet} rows the movements go on to a new sheet with the same header, placed after the last;
     * returns those sheets.
     */
    private List<SXSSFSheet> writeMovements(SXSSFWorkbook streaming, SheetTemplate template, String sheetName,
            Iterable<MovementLine> lines, ReportText text, String dateFormat) {
        List<SXSSFSheet> more = new ArrayList<>();
        SXSSFSheet sheet = streamed(streaming, template);
        ColumnWidths widths = new ColumnWidths(template, sheet);
        String debit = text.label(Side.D);
        String credit = text.label(Side.C);
        int r = 1;
        for (MovementLine line : lines) {
            if (r > movementsPerSheet) {
                finishTable(sheet, template, widths, r - 1);
                sheet = continuation(streaming, template, sheetName, more.size() + 2);
                more.add(sheet);
                widths = new ColumnWidths(template, sheet);
                r = 1;
            }
            Row row = sheet.createRow(r++);
            widths.date(row, 0, line.bookingDate(), dateFormat);
            widths.text(row, 1, text.code("LedgerEvent", line.eventType()));
            widths.text(row, 2, line.reference());
            widths.text(row, 3, line.account());
            widths.text(row, 4, line.side() == Side.D ? debit : credit);
            widths.amount(row, 5, line.amount().minor(), line.amount().fractionDigits());
            widths.text(row, 6, line.amount().currency());
        }
        finishTable(sheet, template, widths, r - 1);
        return more;
    }

    /**
     * Sheet {@code number} of a table that goes on past one sheet: the first sheet's name with the number, its header row
     * (words and styles), placed right after the sheet before it.
     */
    private static SXSSFSheet continuation(SXSSFWorkbook streaming, SheetTemplate template, String sheetName, int number) {
        String suffix = " (" + number + ")";
        String name = sheetName.length() + suffix.length() <= SHEET_NAME_LENGTH ? sheetName + suffix
                : sheetName.substring(0, SHEET_NAME_LENGTH - suffix.length()) + suffix;
        SXSSFSheet sheet = streaming.createSheet(name);
        int after = streaming.getXSSFWorkbook().getSheetIndex(template.sheet()) + number - 1;
        streaming.setSheetOrder(name, after);
        Row header = template.sheet().getRow(0);
        Row copy = sheet.createRow(0);
        copy.setHeight(header.getHeight());
        for (int c = 0; c < template.columns(); c++) {
            Cell cell = header.getCell(c);
            if (cell != null) {
                Cell copied = copy.createCell(c);
                copied.setCellValue(cell.getStringCellValue());
                copied.setCellStyle(cell.getCellStyle());
            }
        }
        return sheet;
    }

    /** Why a payment waits, worded from its code, then the details as the allocation recorded them. */
    private static void writeUnallocated(SXSSFSheet sheet, SheetTemplate template, List<UnallocatedLine> lines, ReportText text,
            String dateFormat) {
        ColumnWidths widths = new ColumnWidths(template, sheet);
        int r = 1;
        for (UnallocatedLine line : lines) {
            Row row = sheet.createRow(r++);
            widths.text(row, 0, line.paymentReference());
            widths.date(row, 1, line.bookingDate(), dateFormat);
            widths.amount(row, 2, line.amount().minor(), line.amount().fractionDigits());
            widths.amount(row, 3, line.unallocated().minor(), line.unallocated().fractionDigits());
            widths.text(row, 4, line.amount().currency());
            widths.text(row, 5, text.code("UnallocatedReason", line.reasonCode()));
            widths.text(row, 6, line.reason());
            widths.text(row, 7, line.debtor());
            widths.text(row, 8, line.payerReference());
            widths.count(row, 9, line.ageBankingDays());
        }
        finishTable(sheet, template, widths, r - 1);
    }

    /** What DEBTOR_CREDIT holds per payment, owed back to its payer: why (overpaid, paid twice) and for how long. */
    private static void writeDebtorCredit(SXSSFSheet sheet, SheetTemplate template, List<DebtorCreditLine> lines,
            ReportText text, String dateFormat) {
        ColumnWidths widths = new ColumnWidths(template, sheet);
        int r = 1;
        for (DebtorCreditLine line : lines) {
            Row row = sheet.createRow(r++);
            widths.text(row, 0, line.paymentReference());
            widths.date(row, 1, line.bookingDate(), dateFormat);
            widths.text(row, 2, line.payer());
            widths.text(row, 3, line.payerReference());
            widths.amount(row, 4, line.held().minor(), line.held().fractionDigits());
            widths.text(row, 5, line.held().currency());
            widths.text(row, 6, text.code("DebtorCreditOutcome", line.outcome()));
            widths.count(row, 7, line.ageBankingDays());
        }
        finishTable(sheet, template, widths, r - 1);
    }

    private static void finishTable(SXSSFSheet sheet, SheetTemplate template, ColumnWidths widths, int lastRow) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastRow, 1), 0, template.columns() - 1));
        widths.apply();
    }

    /** Amount cells carry the exact decimal value; the double exists only because a POI numeric cell holds one. */
    static double cellValue(Amount amount) {
        return ColumnWidths.cellValue(amount.minor(), amount.fractionDigits());
    }

    /** Lays out the summary sheet top to bottom: identification, input files, control totals, totals, invariant, chart. */
    private static final class SummarySheet {

        private final SheetTemplate template;
        private final XSSFSheet sheet;
        private final PositionsLabels labels;
        private final ReportText text;
        private final String dateFormat;
        private final Locale locale;
        private final FormulaEvaluator evaluator;
        private int r = 2;

        SummarySheet(SheetTemplate template, PositionsLabels labels, ReportText text, String dateFormat, Locale locale) {
            this.template = template;
            this.locale = locale;
            this.sheet = template.sheet();
            this.labels = labels;
            this.text = text;
            this.dateFormat = dateFormat;
            this.evaluator = sheet.getWorkbook().getCreationHelper().createFormulaEvaluator();
        }

        void fill(PositionsReport report) {
            // what the day's reports must say before their figures, alerts in red
            for (Notice notice : report.notices()) {
                Cell cell = sheet.createRow(r++).createCell(0);
                cell.setCellStyle(template.named(notice.alert() ? "alert" : "label"));
                cell.setCellValue(text.notice(notice));
            }
            if (!report.notices().isEmpty()) {
                r++;
            }
            Row row = sheet.createRow(r++);
            label(row, 0, "positions.summary.businessDate");
            Cell date = row.createCell(1);
            date.setCellStyle(template.date(template.named("date"), dateFormat));
            date.setCellValue(report.businessDate());
            row = sheet.createRow(r++);
            label(row, 0, "positions.summary.jobExecutionId");
            count(row, 1, report.jobExecutionId());
            if (report.version() > 1) {
                row = sheet.createRow(r++);
                label(row, 0, "positions.summary.version");
                count(row, 1, report.version());
            }

            r++;
            heading("positions.summary.inputFiles");
            header(List.of(labels.get("positions.summary.file"), labels.get("positions.summary.sha256")));
            for (InputFile file : report.inputFiles()) {
                row = sheet.createRow(r++);
                text(row, 0, file.name());
                text(row, 1, file.sha256());
            }

            r++;
            heading("positions.summary.controlTotals");
            ControlTotals totals = report.totals();
            countLine("positions.summary.recordsRead", totals.recordsRead());
            countLine("positions.summary.postingsWritten", totals.postingsWritten());
            countLine("positions.summary.recordsSkipped", totals.recordsSkipped());
            for (Amount debits : totals.debitsPerCurrency()) {
                row = sheet.createRow(r++);
                label(row, 0, "positions.summary.debits");
                amount(row, 1, debits);
                text(row, 2, debits.currency());
            }

            r++;
            totalsPerKind(report.positions());
            r++;
            int firstInvariantRow = r + 2;
            SortedSet<String> currencies = invariant(report.positions());
            if (!currencies.isEmpty()) {
                chart(firstInvariantRow - 1, firstInvariantRow, firstInvariantRow + currencies.size() - 1);
            }
        }

        private void totalsPerKind(List<PositionLine> positions) {
            heading("positions.summary.totals");
            header(List.of(labels.get("positions.column.kind"), labels.get("positions.column.currency"),
                    labels.get("positions.summary.accounts"), labels.get("positions.column.opening"),
                    labels.get("positions.column.debit"), labels.get("positions.column.credit"),
                    labels.get("positions.column.closing")));
            Map<AccountKind, SortedMap<String, KindTotal>> totals = new EnumMap<>(AccountKind.class);
            for (PositionLine line : positions) {
                totals.computeIfAbsent(line.kind(), kind -> new TreeMap<>())
                        .computeIfAbsent(line.currency(), KindTotal::new)
                        .add(line);
            }
            for (Map.Entry<AccountKind, SortedMap<String, KindTotal>> kind : totals.entrySet()) {
                for (KindTotal total : kind.getValue().values()) {
                    Row row = sheet.createRow(r++);
                    text(row, 0, text.label(kind.getKey()));
                    text(row, 1, total.opening.currency());
                    count(row, 2, total.accounts);
                    amount(row, 3, total.opening);
                    amount(row, 4, total.debit);
                    amount(row, 5, total.credit);
                    amount(row, 6, total.closing);
                }
            }
        }

        /**
         * One row per currency: the closing balances per kind, then the check twice, as Excel formulas over those
         * cells (difference and TRUE/FALSE, evaluated now so the file carries their values) and as the difference
         * this program computed exactly in minor units.
         */
        private SortedSet<String> invariant(List<PositionLine> positions) {
            Row title = sheet.createRow(r++);
            Cell invariant = title.createCell(0);
            invariant.setCellStyle(template.named("heading"));
            invariant.setCellValue(text.label("positions.summary.invariant", text.label(AccountKind.BANK),
                    text.label(AccountKind.CLIENT), text.label(AccountKind.UNALLOCATED), text.label(AccountKind.DEBTOR_CREDIT),
                    text.label(AccountKind.PLATFORM_FEES)));
            List<String> columns = new ArrayList<>();
            columns.add(labels.get("positions.column.currency"));
            columns.add(text.label(AccountKind.BANK));
            CLIENT_FUNDS.forEach(kind -> columns.add(text.label(kind)));
            columns.add(labels.get("positions.summary.difference"));
            columns.add(labels.get("positions.summary.holds"));
            columns.add(labels.get("positions.summary.computed"));
            header(columns);
            SortedSet<String> currencies = new TreeSet<>();
            positions.forEach(line -> currencies.add(line.currency()));
            for (String currency : currencies) {
                Map<AccountKind, Amount> closing = new EnumMap<>(AccountKind.class);
                for (AccountKind kind : AccountKind.values()) {
                    closing.put(kind, new Amount(0, currency));
                }
                for (PositionLine line : positions) {
                    if (line.currency().equals(currency)) {
                        closing.merge(line.kind(), line.closing(), Amount::plus);
                    }
                }
                Row row = sheet.createRow(r++);
                text(row, 0, currency);
                amount(row, 1, closing.get(AccountKind.BANK));
                Amount clientFunds = new Amount(0, currency);
                for (int k = 0; k < CLIENT_FUNDS.size(); k++) {
                    amount(row, 2 + k, closing.get(CLIENT_FUNDS.get(k)));
                    clientFunds = clientFunds.plus(closing.get(CLIENT_FUNDS.get(k)));
                }
                int excelRow = row.getRowNum() + 1;
                int digits = clientFunds.fractionDigits();
                String sum = "C" + excelRow + "+D" + excelRow + "+E" + excelRow + "+F" + excelRow;
                Cell difference = row.createCell(6);
                difference.setCellStyle(template.amount(template.named("amount"), digits));
                difference.setCellFormula("ROUND(B" + excelRow + "-(" + sum + ")," + digits + ")");
                evaluator.evaluateFormulaCell(difference);
                Cell holds = row.createCell(7);
                holds.setCellStyle(template.named("check"));
                holds.setCellFormula("ROUND(B" + excelRow + "," + digits + ")=ROUND(" + sum + "," + digits + ")");
                evaluator.evaluateFormulaCell(holds);
                amount(row, 8, closing.get(AccountKind.BANK).minus(clientFunds));
            }
            return currencies;
        }

        /** A stacked column per currency: how CLIENT, UNALLOCATED, DEBTOR_CREDIT and PLATFORM_FEES make up BANK. */
        private void chart(int headerRow, int firstRow, int lastRow) {
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, lastRow + 2, 7, lastRow + 22);
            XSSFChart chart = drawing.createChart(anchor);
            chart.setTitleText(labels.get("positions.summary.chart"));
            // POI tags the title with the JVM's default locale; the report's own locale keeps the bytes machine-free
            chart.getCTChart().getTitle().getTx().getRich().getPArray(0).getRArray(0).getRPr()
                    .setLang(locale.toLanguageTag());
            chart.setTitleOverlay(false);
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
            XDDFCategoryAxis currencyAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis amountAxis = chart.createValueAxis(AxisPosition.LEFT);
            amountAxis.setCrosses(AxisCrosses.AUTO_ZERO);
            amountAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
            XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, currencyAxis, amountAxis);
            data.setBarDirection(BarDirection.COL);
            data.setBarGrouping(BarGrouping.STACKED);
            data.setVaryColors(false);
            XDDFDataSource<String> currencies = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                    new CellRangeAddress(firstRow, lastRow, 0, 0));
            for (int k = 0; k < CLIENT_FUNDS.size(); k++) {
                int column = 2 + k;
                XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                        new CellRangeAddress(firstRow, lastRow, column, column));
                XDDFChartData.Series series = data.addSeries(currencies, values);
                series.setTitle(text.label(CLIENT_FUNDS.get(k)),
                        new CellReference(sheet.getSheetName(), headerRow, column, true, true));
            }
            chart.plot(data);
            overlapStackedColumns(chart);
        }

        /**
         * Stacked columns need {@code <c:overlap val="100"/>} or Excel draws each series beside the previous one.
         * {@code XDDFBarChartData.setOverlap} needs a schema type that poi-ooxml-lite leaves out, so the element is
         * written with an untyped cursor, before the axis ids as the schema orders it.
         */
        private void overlapStackedColumns(XSSFChart chart) {
            CTBarChart bars = chart.getCTChart().getPlotArea().getBarChartArray(0);
            try (XmlCursor cursor = bars.getAxIdArray(0).newCursor()) {
                cursor.beginElement(new QName(XSSFRelation.NS_CHART, "overlap", "c"));
                cursor.insertAttributeWithValue("val", "100");
            }
        }

        private void heading(String key) {
            Row row = sheet.createRow(r++);
            Cell cell = row.createCell(0);
            cell.setCellStyle(template.named("heading"));
            cell.setCellValue(labels.get(key));
        }

        /** A row of column headings, each wrapping only between its words ({@link SheetTemplate#heading}). */
        private void header(List<String> columns) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                template.heading(row, c, columns.get(c));
            }
        }

        private void countLine(String key, long value) {
            Row row = sheet.createRow(r++);
            label(row, 0, key);
            count(row, 1, value);
        }

        private void label(Row row, int column, String key) {
            Cell cell = row.createCell(column);
            cell.setCellStyle(template.named("label"));
            cell.setCellValue(labels.get(key));
        }

        private void text(Row row, int column, String value) {
            Cell cell = row.createCell(column);
            cell.setCellStyle(template.named("text"));
            cell.setCellValue(value);
        }

        private void count(Row row, int column, long value) {
            Cell cell = row.createCell(column);
            cell.setCellStyle(template.named("count"));
            cell.setCellValue(value);
        }

        private void amount(Row row, int column, Amount value) {
            Cell cell = row.createCell(column);
            cell.setCellStyle(template.amount(template.named("amount"), value.fractionDigits()));
            cell.setCellValue(cellValue(value));
        }
    }

    /** Sums of one account kind in one currency. */
    private static final class KindTotal {

        private long accounts;
        private Amount opening;
        private Amount debit;
        private Amount credit;
        private Amount closing;

        KindTotal(String currency) {
            Amount zero = new Amount(0, currency);
            opening = zero;
            debit = zero;
            credit = zero;
            closing = zero;
        }

        void add(PositionLine line) {
            accounts++;
            opening = opening.plus(line.opening());
            debit = debit.plus(line.debit());
            credit = credit.plus(line.credit());
            closing = closing.plus(line.closing());
        }
    }

    @FunctionalInterface
    private interface TemplateSource {
        InputStream open() throws IOException;
    }
}
