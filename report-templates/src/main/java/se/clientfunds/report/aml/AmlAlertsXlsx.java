package se.clientfunds.report.aml;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.clientfunds.report.pdf.ReportText;
import se.clientfunds.report.xlsx.ColumnWidths;
import se.clientfunds.report.xlsx.DeterministicZip;
import se.clientfunds.report.xlsx.DocumentProperties;
import se.clientfunds.report.xlsx.PrintLayout;
import se.clientfunds.report.xlsx.SheetTemplate;
import se.clientfunds.report.xlsx.SummaryRows;

/**
 * Writes {@code aml-alerts.xlsx} from an {@link AmlAlertsReport}: a summary sheet (the report's notices and header, then
 * how many alerts the day raised and how many are open, per rule and severity, and how many payments are held and
 * filings were made), then four sheets streamed one row per item: the alerts (the day's and the open ones; a high
 * severity in the template's red alert style), the evidence (each alert's payments), the held payments and the day's
 * filings. Sheet names, headings and words are the locale's. The same report and locale give the same bytes.
 *
 * <pre>{@code
 * new AmlAlertsXlsx(Locale.forLanguageTag("sv")).write(report, Path.of("reports/2026-01-07/aml-alerts.xlsx"));
 * }</pre>
 */
public final class AmlAlertsXlsx {

    /** The template on the class path, editable in Excel or LibreOffice. */
    public static final String TEMPLATE = "/templates/aml-alerts.xlsx";

    static final String BUNDLE = "reports/aml-messages";
    /** The template's sheets, by the names the renderer finds them by; the rendered workbook names them in its locale. */
    static final String SUMMARY = "Summary";
    static final String ALERTS = "Alerts";
    static final String EVIDENCE = "Evidence";
    static final String HELD = "Held";
    static final String FILINGS = "Filings";
    /** Label keys in the template's header rows start with this. */
    static final String KEY_PREFIX = "aml.";

    /** Rows SXSSF keeps in memory for a table sheet; older rows are flushed to a temporary file. */
    static final int ROW_WINDOW = 100;

    private final Locale locale;

    /** A renderer with the labels and date format of {@code locale} (English, Swedish or German). */
    public AmlAlertsXlsx(Locale locale) {
        if (locale == null) {
            throw new IllegalArgumentException("locale is missing");
        }
        this.locale = locale;
    }

    public void write(AmlAlertsReport report, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(report, out);
        }
    }

    /** Writes the workbook to {@code out}, which stays open. */
    public void write(AmlAlertsReport report, OutputStream out) throws IOException {
        if (report == null) {
            throw new IllegalArgumentException("report is missing");
        }
        ReportText text = new ReportText(locale, BUNDLE);
        DeterministicZip.write(raw -> writeWorkbook(report, text, raw), out, report.header().businessDate().atStartOfDay());
    }

    private static void writeWorkbook(AmlAlertsReport report, ReportText text, Path raw) throws IOException {
        XSSFWorkbook workbook = SheetTemplate.openWorkbook(TEMPLATE);
        SheetTemplate summary = SheetTemplate.read(workbook, SUMMARY, KEY_PREFIX, text::label);
        SheetTemplate alerts = SheetTemplate.read(workbook, ALERTS, KEY_PREFIX, text::label);
        SheetTemplate evidence = SheetTemplate.read(workbook, EVIDENCE, KEY_PREFIX, text::label);
        SheetTemplate held = SheetTemplate.read(workbook, HELD, KEY_PREFIX, text::label);
        SheetTemplate filings = SheetTemplate.read(workbook, FILINGS, KEY_PREFIX, text::label);
        // named in the locale before anything refers to a sheet by its name (filters, print titles)
        SheetTemplate.rename(workbook, Map.of(SUMMARY, text.label("aml.sheet.summary"), ALERTS, text.label("aml.sheet.alerts"),
                EVIDENCE, text.label("aml.sheet.evidence"), HELD, text.label("aml.sheet.held"),
                FILINGS, text.label("aml.sheet.filings")));
        String dateFormat = text.label("aml.format.date");
        String title = text.label("aml.title");
        // the summary is small and stays an ordinary XSSF sheet, filled before streaming starts
        new Summary(summary, text, dateFormat).fill(report);
        DocumentProperties.fix(workbook, report.header().businessDate(), title + " " + report.header().businessDate());
        try (SXSSFWorkbook streaming = new SXSSFWorkbook(workbook, ROW_WINDOW);
                OutputStream out = Files.newOutputStream(raw)) {
            PrintLayout print = new PrintLayout(text, title, report.header().businessDate());
            print.summary(summary.sheet());
            new Table(streaming, alerts, print).rows(report.alerts(), (table, row, alert) -> {
                table.widths.count(row, 0, alert.id());
                table.widths.text(row, 1, text.code("AlertRule", alert.rule()));
                table.widths.text(row, 2, text.label(alert.severity()));
                if (alert.severity() == Severity.HIGH) {
                    row.getCell(2).setCellStyle(summary.named("alert"));
                }
                table.widths.date(row, 3, alert.businessDate(), dateFormat);
                table.widths.text(row, 4, text.label(alert.subjectKind()));
                table.widths.text(row, 5, alert.subject());
                if (alert.amount() != null) {
                    table.widths.amount(row, 6, alert.amount().minor(), alert.amount().fractionDigits());
                    table.widths.text(row, 7, alert.amount().currency());
                }
                table.widths.text(row, 8, text.label(alert.status()));
                table.widths.text(row, 9, alert.analyst());
                table.widths.text(row, 10, alert.explanation());
            });
            List<Evidence> payments = new ArrayList<>();
            report.alerts().forEach(alert -> alert.payments().forEach(payment -> payments.add(new Evidence(alert.id(), payment))));
            new Table(streaming, evidence, print).rows(payments, (table, row, item) -> {
                table.widths.count(row, 0, item.alertId());
                table.widths.text(row, 1, item.payment().accountIban());
                table.widths.text(row, 2, item.payment().bankReference());
            });
            new Table(streaming, held, print).rows(report.heldPayments(), (table, row, payment) -> {
                table.widths.text(row, 0, payment.accountIban());
                table.widths.text(row, 1, payment.bankReference());
                table.widths.date(row, 2, payment.bookingDate(), dateFormat);
                table.widths.amount(row, 3, payment.amount().minor(), payment.amount().fractionDigits());
                table.widths.text(row, 4, payment.amount().currency());
                table.widths.date(row, 5, payment.heldOn(), dateFormat);
                table.widths.count(row, 6, payment.alertId());
                table.widths.text(row, 7, payment.payer());
                table.widths.text(row, 8, payment.reason());
            });
            new Table(streaming, filings, print).rows(report.filings(), (table, row, filing) -> {
                table.widths.count(row, 0, filing.alertId());
                table.widths.text(row, 1, filing.reportCode());
                table.widths.text(row, 2, filing.file());
                table.widths.text(row, 3, filing.sha256());
            });
            streaming.setActiveSheet(workbook.getSheetIndex(summary.sheet()));
            streaming.write(out);
        }
    }

    /** A payment on the evidence sheet, beside the alert resting on it. */
    private record Evidence(long alertId, AlertLine.Payment payment) {
    }

    /** Fills one row of a table sheet from one item. */
    @FunctionalInterface
    private interface RowWriter<T> {
        void write(Table table, Row row, T item);
    }

    /** A streamed table sheet over its template: one row per item under the header, a filter, fitted widths, printed. */
    private static final class Table {

        private final SXSSFSheet sheet;
        private final SheetTemplate template;
        private final ColumnWidths widths;
        private final PrintLayout print;

        Table(SXSSFWorkbook streaming, SheetTemplate template, PrintLayout print) {
            this.sheet = streaming.getSheetAt(streaming.getXSSFWorkbook().getSheetIndex(template.sheet()));
            this.template = template;
            this.widths = new ColumnWidths(template, sheet);
            this.print = print;
        }

        <T> void rows(List<T> items, RowWriter<T> writer) {
            int r = 1;
            for (T item : items) {
                writer.write(this, sheet.createRow(r++), item);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, template.columns() - 1));
            widths.apply();
            print.table(sheet, template.columns());
        }
    }

    /** Lays out the summary top to bottom: the report header, the alerts new and open per rule, held payments, filings. */
    private static final class Summary {

        private final SummaryRows rows;
        private final ReportText text;

        Summary(SheetTemplate template, ReportText text, String dateFormat) {
            this.rows = new SummaryRows(template, text, dateFormat);
            this.text = text;
        }

        void fill(AmlAlertsReport report) {
            rows.reportHeader(report.header());
            rows.skip(1);
            List<AlertLine> raised = report.newOnTheDay();
            bySeverity(text.label("aml.summary.new", text.count(raised.size())), raised);
            rows.skip(1);
            List<AlertLine> open = report.open();
            bySeverity(text.label("aml.summary.open", text.count(open.size())), open);
            rows.skip(1);
            Row held = rows.row();
            rows.label(held, 0, text.label("aml.summary.held"));
            if (report.heldPayments().isEmpty()) {
                rows.count(held, 1, 0);
            } else {
                rows.alertCount(held, 1, report.heldPayments().size());
            }
            Row filed = rows.row();
            rows.label(filed, 0, text.label("aml.summary.filings"));
            rows.count(filed, 1, report.filings().size());
        }

        /** A table of the alerts per rule (rows, in the order of the rules' codes) and severity (columns), with totals. */
        private void bySeverity(String heading, List<AlertLine> alerts) {
            rows.heading(heading);
            List<String> columns = new ArrayList<>();
            columns.add(text.label("aml.summary.rule"));
            for (Severity severity : Severity.values()) {
                columns.add(text.label(severity));
            }
            columns.add(text.label("aml.summary.total"));
            rows.header(columns);
            Map<String, Map<Severity, Integer>> counts = new TreeMap<>();
            Map<Severity, Integer> totals = new EnumMap<>(Severity.class);
            for (AlertLine alert : alerts) {
                counts.computeIfAbsent(alert.rule(), rule -> new EnumMap<>(Severity.class)).merge(alert.severity(), 1, Integer::sum);
                totals.merge(alert.severity(), 1, Integer::sum);
            }
            if (alerts.isEmpty()) {
                rows.text(rows.row(), 0, text.label("header.none"));
                return;
            }
            counts.forEach((rule, perSeverity) -> line(text.code("AlertRule", rule), perSeverity, false));
            line(text.label("aml.summary.total"), totals, true);
        }

        private void line(String label, Map<Severity, Integer> perSeverity, boolean total) {
            Row row = rows.row();
            if (total) {
                rows.label(row, 0, label);
            } else {
                rows.text(row, 0, label);
            }
            int c = 1;
            for (Severity severity : Severity.values()) {
                rows.count(row, c++, perSeverity.getOrDefault(severity, 0));
            }
            rows.count(row, c, perSeverity.values().stream().mapToInt(Integer::intValue).sum());
        }
    }
}
