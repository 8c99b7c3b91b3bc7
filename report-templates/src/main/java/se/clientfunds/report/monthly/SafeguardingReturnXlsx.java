package se.clientfunds.report.monthly;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

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

import se.clientfunds.report.pdf.AccountResource;
import se.clientfunds.report.pdf.ReportText;
import se.clientfunds.report.pdf.SafeguardingAction;
import se.clientfunds.report.pdf.SafeguardingTables;
import se.clientfunds.report.xlsx.ColumnWidths;
import se.clientfunds.report.xlsx.DeterministicZip;
import se.clientfunds.report.xlsx.DocumentProperties;
import se.clientfunds.report.xlsx.PrintLayout;
import se.clientfunds.report.xlsx.SheetTemplate;
import se.clientfunds.report.xlsx.SummaryRows;

/**
 * Writes {@code safeguarding-return.xlsx} from the {@link SafeguardingReturn} that {@code safeguarding-return.pdf} is
 * made from, in the same order: a summary sheet (the notices, the month, last business day and job execution, the key
 * figures per currency, the resource per account at month end, the breaks open at month end beyond the escalation
 * threshold, the shortfall days with the actions taken, then the input files and control totals, an attestation to
 * sign, and a native line chart of each currency's daily requirement and resource) and a days sheet with one row per
 * day and currency, a shortfall in the template's red alert styles. The sheets are named in the locale. The same return
 * and locale give the same bytes.
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
        XSSFWorkbook workbook = SheetTemplate.openWorkbook(TEMPLATE);
        try (workbook) {
            SheetTemplate summary = SheetTemplate.read(workbook, SUMMARY, KEY_PREFIX, text::label);
            SheetTemplate days = SheetTemplate.read(workbook, DAYS, KEY_PREFIX, text::label);
            // named in the locale before the filter, the print titles and the charts refer to a sheet by its name
            SheetTemplate.rename(workbook, Map.of(SUMMARY, text.label("return.sheet.summary"),
                    DAYS, text.label("return.sheet.days")));
            String dateFormat = text.label("return.format.date");
            writeDays(days, summary, monthly, text, dateFormat);
            String title = text.label("return.titleOf", SafeguardingReturnPdf.month(text, monthly.month()));
            new Summary(summary, days.sheet(), text, dateFormat, locale).fill(monthly, title);
            DocumentProperties.fix(workbook, monthly.header().businessDate(), title);
            PrintLayout print = new PrintLayout(text, title, monthly.header().businessDate());
            print.summary(summary.sheet());
            print.table(days.sheet(), days.columns());
            workbook.setActiveSheet(workbook.getSheetIndex(summary.sheet()));
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
            if (day.status().alert()) {
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
            rows.notices(monthly.header().notices());
            Row row = rows.row();
            rows.label(row, 0, text.label("return.month"));
            rows.text(row, 1, SafeguardingReturnPdf.month(text, monthly.month()));
            rows.identification(monthly.header());
            rows.skip(1);
            rows.heading(text.label("return.summary"));
            List<CurrencySummary> summaries = monthly.summaries();
            if (summaries.isEmpty()) {
                rows.text(rows.row(), 0, text.label("return.noDays"));
            } else {
                figures(summaries);
            }
            resources(monthly.resourcesAtMonthEnd());
            agedBreaks(monthly);
            shortfalls(monthly.shortfalls());
            rows.inputsAndTotals(monthly.header());
            attestation();
            if (summaries.isEmpty()) {
                return;
            }

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

        /** One column per currency, one row per figure; no figure adds up the requirements of different days. */
        private void figures(List<CurrencySummary> summaries) {
            List<String> columns = new ArrayList<>();
            columns.add(text.label("return.currency"));
            summaries.forEach(summary -> columns.add(summary.currency()));
            rows.header(columns);
            line("return.average", summaries, (cells, summary) -> rows.amount(cells.row, cells.column,
                    summary.averageRequirement(), false));
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
            tally("return.breaksOpened", summaries, MonthFigures::breaksOpened);
            tally("return.breaksCleared", summaries, MonthFigures::breaksCleared);
            tally("return.breaksOpen", summaries, MonthFigures::breaksOpenAtMonthEnd);
        }

        /** A tally of breaks on two rows: how many, and what they are worth. */
        private void tally(String key, List<CurrencySummary> summaries, Function<MonthFigures, BreakTally> tally) {
            line(key + ".count", summaries, (cells, summary) -> rows.count(cells.row, cells.column,
                    tally.apply(summary.figures()).count()));
            line(key + ".value", summaries, (cells, summary) -> rows.amount(cells.row, cells.column,
                    tally.apply(summary.figures()).value(), false));
        }

        /** Each account's closing balance at month end, at its reconciliation point; one without a statement in red. */
        private void resources(List<AccountResource> resources) {
            rows.skip(1);
            rows.heading(text.label("return.resources"));
            rows.text(rows.row(), 0, text.label("safeguarding.reconciliationPoint"));
            rows.header(text.labels("safeguarding.iban", "safeguarding.name", "safeguarding.bank", "header.currency",
                    "safeguarding.closing", "safeguarding.asOf"));
            for (AccountResource account : resources) {
                Row row = rows.row();
                rows.text(row, 0, account.iban());
                rows.text(row, 1, account.name());
                rows.text(row, 2, account.bank());
                rows.text(row, 3, account.currency());
                if (account.closing() == null) {
                    rows.alert(row, 4, text.label("safeguarding.noStatement"));
                } else {
                    rows.amount(row, 4, account.closing(), false);
                }
                rows.text(row, 5, account.asOf().isEmpty() ? text.label("safeguarding.endOfDay") : text.bankTime(account.asOf()));
            }
            if (resources.isEmpty()) {
                rows.text(rows.row(), 0, text.label("header.none"));
            }
        }

        private void agedBreaks(SafeguardingReturn monthly) {
            rows.skip(1);
            rows.heading(text.label("return.agedBreaks", text.count(monthly.escalateAfterDays()),
                    text.count(monthly.agedBreaks().size())));
            rows.header(text.labels("breaks.id", "return.account", "breaks.type", "breaks.direction", "breaks.amount",
                    "breaks.currency", "breaks.reference", "breaks.counterparty", "breaks.bookingDate", "breaks.age"));
            for (AgedBreak item : monthly.agedBreaks()) {
                Row row = rows.row();
                rows.count(row, 0, item.id());
                rows.text(row, 1, item.accountIban());
                rows.text(row, 2, text.label(item.type()));
                rows.text(row, 3, text.label(item.direction()));
                rows.amount(row, 4, item.amount(), false);
                rows.text(row, 5, item.amount().currency());
                rows.text(row, 6, item.reference());
                rows.text(row, 7, item.counterparty());
                rows.date(row, 8, item.bookingDate());
                rows.count(row, 9, item.ageBankingDays());
            }
            if (monthly.agedBreaks().isEmpty()) {
                rows.text(rows.row(), 0, text.label("header.none"));
            }
        }

        /** Each shortfall day, the shortfall in red, with one row per action recorded about it, or none in red. */
        private void shortfalls(List<ShortfallDay> shortfalls) {
            rows.skip(1);
            rows.heading(text.label("return.shortfalls"));
            rows.header(text.labels("return.date", "return.shortfall", "header.currency", "safeguarding.action",
                    "safeguarding.amount", "header.currency", "safeguarding.by", "safeguarding.recordedAt",
                    "safeguarding.reason"));
            for (ShortfallDay day : shortfalls) {
                List<SafeguardingAction> actions = day.actions();
                for (int a = 0; a < Math.max(1, actions.size()); a++) {
                    Row row = rows.row();
                    rows.date(row, 0, day.day());
                    rows.amount(row, 1, day.shortfall(), true);
                    rows.text(row, 2, day.shortfall().currency());
                    if (actions.isEmpty()) {
                        rows.alert(row, 3, text.label("return.noAction"));
                        continue;
                    }
                    SafeguardingAction action = actions.get(a);
                    rows.text(row, 3, SafeguardingTables.actionType(text, action));
                    rows.amount(row, 4, action.amount(), false);
                    rows.text(row, 5, action.amount().currency());
                    rows.text(row, 6, action.operator());
                    rows.text(row, 7, text.dateTime(action.at()));
                    rows.text(row, 8, action.reason());
                }
            }
            if (shortfalls.isEmpty()) {
                rows.text(rows.row(), 0, text.label("header.none"));
            }
        }

        /** The statement whoever files the return signs, and a row for each thing to fill in: name, role, signature, date. */
        private void attestation() {
            rows.skip(1);
            rows.heading(text.label("return.attestation"));
            rows.text(rows.row(), 0, text.label("return.attestationStatement"));
            for (String line : text.labels("signoff.name", "return.role", "signoff.signature", "signoff.date")) {
                rows.label(rows.row(), 0, line);
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
