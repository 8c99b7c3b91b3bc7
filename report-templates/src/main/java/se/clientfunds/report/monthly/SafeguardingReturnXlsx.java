package se.clientfunds.report.monthly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.clientfunds.report.pdf.ReportText;
import se.clientfunds.report.xlsx.ColumnWidths;
import se.clientfunds.report.xlsx.DeterministicZip;
import se.clientfunds.report.xlsx.DocumentProperties;
import se.clientfunds.report.xlsx.PrintLayout;
import se.clientfunds.report.xlsx.SheetTemplate;
import se.clientfunds.report.xlsx.SummaryRows;

/**
 * Writes {@code safeguarding-return.xlsx} from the {@link SafeguardingReturn} that {@code safeguarding-return.pdf} is
 * made from: a summary sheet (month, last business day, job execution, input files, control totals, the month per
 * currency and a native line chart of each currency's daily requirement and resource) and a days sheet with one row
 * per day and currency, a shortfall in the template's red alert styles. The same return and locale give the same bytes.
 *
 * <pre>{@code
 * new SafeguardingReturnXlsx(Locale.forLanguageTag("sv")).write(monthly, Path.of("reports/2026-01-30/safeguarding-return.xlsx"));
 * }</pre>
 */
public final class SafeguardingReturnXlsx {

    /** The template on the class path, editable in Excel or LibreOffice. */
    public static final String TEMPLATE = "/templates/safeguarding-return.xlsx";

    static final String SUMMARY = "Summary";
    static final String DAYS = "Days";
    /** Label keys in the template's header rows start with this. */
    static final String KEY_PREFIX = "return.";

    /** Columns of the days sheet the chart reads: the dates, the requirement, the resource. */
    private static final int DATE = 0;
    private static final int REQUIREMENT = 2;
    private static final int RESOURCE = 3;
    private static final int CHART_ROWS = 18;
    private static final int CHART_COLUMNS = 8;

    private final Locale locale;

    /** A renderer with the labels and date format of {@code locale} (English, Swedish or German). */
    public SafeguardingReturnXlsx(Locale locale) {
        if (locale == null) {
            throw new IllegalArgumentException("locale is missing");
        }
        this.locale = locale;
    }

    public void write(SafeguardingReturn monthly, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(monthly, out);
        }
    }

    /** Writes the workbook to {@code out}, which stays open. */
    public void write(SafeguardingReturn monthly, OutputStream out) throws IOException {
        if (monthly == null) {
            throw new IllegalArgumentException("return is missing");
        }
        ReportText text = new ReportText(locale, SafeguardingReturnPdf.BUNDLE);
        DeterministicZip.write(raw -> writeWorkbook(monthly, text, raw), out,
                monthly.header().businessDate().atStartOfDay());
    }

    /**
     * Plain XSSF, not streamed: a month has some twenty business days per currency, and the charts cache the values
     * of the days sheet's cells, which a streamed sheet would already have flushed.
     */
    private void writeWorkbook(SafeguardingReturn monthly, ReportText text, Path raw) throws IOException {
        XSSFWorkbook workbook;
        try (InputStream in = SafeguardingReturnXlsx.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IOException("template " + TEMPLATE + " is not on the class path");
            }
            workbook = new XSSFWorkbook(in);
        }
        try (workbook) {
            SheetTemplate summary = SheetTemplate.read(workbook, SUMMARY, KEY_PREFIX, text::label);
            SheetTemplate days = SheetTemplate.read(workbook, DAYS, KEY_PREFIX, text::label);
            String dateFormat = text.label("return.format.date");
            writeDays(days, summary, monthly, text, dateFormat);
            String title = text.label("return.titleOf", SafeguardingReturnPdf.month(text, monthly.month()));
            new Summary(summary, days.sheet(), text, dateFormat, locale).fill(monthly, title);
            DocumentProperties.fix(workbook, monthly.header().businessDate(), title);
            PrintLayout print = new PrintLayout(text, title, monthly.header().businessDate());
            print.summary(summary.sheet());
            print.table(days.sheet(), days.columns());
            workbook.setActiveSheet(workbook.getSheetIndex(SUMMARY));
            try (OutputStream out = Files.newOutputStream(raw)) {
                workbook.write(out);
            }
        }
    }

    /** One row per day and currency, currencies in code order, each oldest first: the ranges the charts read. */
    private static void writeDays(SheetTemplate template, SheetTemplate alerts, SafeguardingReturn monthly, ReportText text,
                                  String dateFormat) {
        XSSFSheet sheet = template.sheet();
        ColumnWidths widths = new ColumnWidths(template, sheet);
        int r = 1;
        for (DayLine day : monthly.days()) {
            Row row = sheet.createRow(r++);
            int digits = day.requirement().fractionDigits();
            widths.date(row, DATE, day.date(), dateFormat);
            widths.text(row, 1, day.currency());
            widths.amount(row, REQUIREMENT, day.requirement().minor(), digits);
            widths.amount(row, RESOURCE, day.resource().minor(), digits);
            widths.amount(row, 4, day.difference().minor(), digits);
            widths.text(row, 5, text.label(day.status()));
            widths.text(row, 6, text.label(day.resourceComplete() ? "return.yes" : "return.no"));
            if (day.shortfall()) {
                row.getCell(4).setCellStyle(alerts.amount(alerts.named("alertAmount"), digits));
                row.getCell(5).setCellStyle(alerts.named("alert"));
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, template.columns() - 1));
        widths.apply();
    }

    /** Lays out the summary top to bottom: the month, the report header, the month per currency, the charts. */
    private static final class Summary {

        private final SummaryRows rows;
        private final XSSFSheet sheet;
        private final XSSFSheet days;
        private final ReportText text;
        private final String dateFormat;
        private final Locale locale;

        Summary(SheetTemplate template, XSSFSheet days, ReportText text, String dateFormat, Locale locale) {
            this.rows = new SummaryRows(template, text, dateFormat);
            this.sheet = template.sheet();
            this.days = days;
            this.text = text;
            this.dateFormat = dateFormat;
            this.locale = locale;
        }

        void fill(SafeguardingReturn monthly, String title) {
            sheet.getRow(0).getCell(0).setCellValue(title);
            Row row = rows.row();
            rows.label(row, 0, text.label("return.month"));
            rows.text(row, 1, SafeguardingReturnPdf.month(text, monthly.month()));
            rows.reportHeader(monthly.header());
            rows.skip(1);
            rows.heading(text.label("return.summary"));
            List<CurrencySummary> summaries = monthly.summaries();
            if (summaries.isEmpty()) {
                rows.text(rows.row(), 0, text.label("return.noDays"));
                return;
            }
            List<String> columns = new ArrayList<>();
            columns.add(text.label("return.currency"));
            summaries.forEach(summary -> columns.add(summary.currency()));
            rows.header(columns);
            line("return.highest", summaries, (cells, summary) -> rows.amount(cells.row, cells.column,
                    summary.highest().requirement(), false));
            line("return.highestDate", summaries, (cells, summary) -> rows.date(cells.row, cells.column, summary.highest().date()));
            line("return.lowest", summaries, (cells, summary) -> rows.amount(cells.row, cells.column,
                    summary.lowest().requirement(), false));
            line("return.lowestDate", summaries, (cells, summary) -> rows.date(cells.row, cells.column, summary.lowest().date()));
            line("return.clientsAtMonthEnd", summaries,
                    (cells, summary) -> rows.count(cells.row, cells.column, summary.figures().clientsWithFundsAtMonthEnd()));
            line("return.clientsMax", summaries,
                    (cells, summary) -> rows.count(cells.row, cells.column, summary.figures().clientsWithFundsMax()));
            line("return.shortfallDays", summaries, (cells, summary) -> {
                if (summary.shortfallDays() > 0) {
                    rows.alertCount(cells.row, cells.column, summary.shortfallDays());
                } else {
                    rows.count(cells.row, cells.column, 0);
                }
            });
            line("return.breaksOpened", summaries,
                    (cells, summary) -> rows.count(cells.row, cells.column, summary.figures().breaksOpened().count()));
            line("return.breaksOpen", summaries,
                    (cells, summary) -> rows.count(cells.row, cells.column, summary.figures().breaksOpenAtMonthEnd().count()));

            // the days sheet lists the currencies in the same order, each a block of consecutive rows from row 2
            int first = 1;
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            rows.skip(1);
            for (String currency : monthly.currencies()) {
                int last = first + monthly.days(currency).size() - 1;
                chart(drawing, currency, first, last);
                first = last + 1;
            }
        }

        /** A line chart of the requirement and the resource of the days sheet's rows {@code first} to {@code last}. */
        private void chart(XSSFDrawing drawing, String currency, int first, int last) {
            int top = rows.position();
            XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, top, CHART_COLUMNS, top + CHART_ROWS));
            rows.skip(CHART_ROWS + 1);
            chart.setTitleText(text.label("return.chart", currency));
            // POI tags the title with the JVM's default locale; the report's own locale keeps the bytes machine-free
            chart.getCTChart().getTitle().getTx().getRich().getPArray(0).getRArray(0).getRPr()
                    .setLang(locale.toLanguageTag());
            chart.setTitleOverlay(false);
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
            XDDFCategoryAxis dates = chart.createCategoryAxis(AxisPosition.BOTTOM);
            dates.setNumberFormat(dateFormat);
            XDDFValueAxis amounts = chart.createValueAxis(AxisPosition.LEFT);
            amounts.setCrosses(AxisCrosses.AUTO_ZERO);
            XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, dates, amounts);
            data.setVaryColors(false);
            XDDFDataSource<Double> points = XDDFDataSourcesFactory.fromNumericCellRange(days,
                    new CellRangeAddress(first, last, DATE, DATE));
            for (int column : List.of(REQUIREMENT, RESOURCE)) {
                XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(days,
                        new CellRangeAddress(first, last, column, column));
                XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(points, values);
                series.setTitle(days.getRow(0).getCell(column).getStringCellValue(),
                        new CellReference(days.getSheetName(), 0, column, true, true));
                series.setSmooth(false);
                series.setMarkerStyle(MarkerStyle.CIRCLE);
            }
            chart.plot(data);
        }

        /** Where a figure of one currency goes. */
        private record Cells(Row row, int column) {
        }

        private void line(String key, List<CurrencySummary> summaries, BiConsumer<Cells, CurrencySummary> value) {
            Row row = rows.row();
            rows.label(row, 0, text.label(key));
            for (int c = 0; c < summaries.size(); c++) {
                value.accept(new Cells(row, c + 1), summaries.get(c));
            }
        }
    }
}
