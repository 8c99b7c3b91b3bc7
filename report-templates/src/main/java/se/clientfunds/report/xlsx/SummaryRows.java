package se.clientfunds.report.xlsx;

import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.ControlTotal;
import se.clientfunds.report.pdf.InputFile;
import se.clientfunds.report.pdf.Notice;
import se.clientfunds.report.pdf.ReportHeader;
import se.clientfunds.report.pdf.ReportText;

/**
 * Writes a summary sheet top to bottom, below its template's title row, in the template's named styles
 * ({@code heading}, {@code header}, {@code label}, {@code text}, {@code alert}, {@code count}, {@code date},
 * {@code amount}, {@code alertAmount}), starting with the header every report carries.
 */
public final class SummaryRows {

    private final SheetTemplate template;
    private final XSSFSheet sheet;
    private final ReportText text;
    private final String dateFormat;
    private int next = 2;

    public SummaryRows(SheetTemplate template, ReportText text, String dateFormat) {
        this.template = template;
        this.sheet = template.sheet();
        this.text = text;
        this.dateFormat = dateFormat;
    }

    public XSSFSheet sheet() {
        return sheet;
    }

    /** A new row below the last one. */
    public Row row() {
        return sheet.createRow(next++);
    }

    /** Leaves {@code rows} rows empty, e.g. one between two blocks or the room a chart takes. */
    public void skip(int rows) {
        next += rows;
    }

    /** The index of the row {@link #row()} creates next. */
    public int position() {
        return next;
    }

    /**
     * The notices (alerts in red) before anything else, then business date, job execution id, the version of a later
     * version of the day's reports, then the input files with their SHA-256 and the control totals.
     */
    public void reportHeader(ReportHeader header) {
        notices(header.notices());
        identification(header);
        inputsAndTotals(header);
    }

    /** Business date, job execution id and, for a later version of the day's reports, the version. */
    public void identification(ReportHeader header) {
        Row row = row();
        label(row, 0, text.label("header.businessDate"));
        date(row, 1, header.businessDate());
        row = row();
        label(row, 0, text.label("header.jobExecutionId"));
        count(row, 1, header.jobExecutionId());
        if (header.version() > 1) {
            row = row();
            label(row, 0, text.label("header.version"));
            count(row, 1, header.version());
        }
    }

    /** The input files with their SHA-256 and the control totals, worded in the report's language. */
    public void inputsAndTotals(ReportHeader header) {
        skip(1);
        heading(text.label("header.inputFiles"));
        header(text.labels("header.file", "header.sha256"));
        for (InputFile file : header.inputFiles()) {
            Row row = row();
            text(row, 0, file.name());
            text(row, 1, file.sha256());
        }
        skip(1);
        heading(text.label("header.controlTotals"));
        header(text.labels("header.control", "header.count", "header.total", "header.currency"));
        for (ControlTotal total : header.controlTotals()) {
            Row row = row();
            text(row, 0, text.controlTotal(total));
            count(row, 1, total.count());
            if (total.total() != null) {
                amount(row, 2, total.total(), false);
                text(row, 3, total.total().currency());
            }
        }
    }

    /** One row per notice, an alert in the alert style and information in the label style, then an empty row. */
    public void notices(List<Notice> notices) {
        for (Notice notice : notices) {
            Row row = row();
            if (notice.alert()) {
                alert(row, 0, text.notice(notice));
            } else {
                label(row, 0, text.notice(notice));
            }
        }
        if (!notices.isEmpty()) {
            skip(1);
        }
    }

    public void heading(String words) {
        styled(row(), 0, "heading").setCellValue(words);
    }

    /** A row of column headings. */
    /** A row of column headings, each wrapping only between its words ({@link SheetTemplate#heading}). */
    public void header(List<String> columns) {
        Row row = row();
        for (int c = 0; c < columns.size(); c++) {
            template.heading(row, c, columns.get(c));
        }
    }

    public void label(Row row, int column, String words) {
        styled(row, column, "label").setCellValue(words);
    }

    public void text(Row row, int column, String words) {
        styled(row, column, "text").setCellValue(words);
    }

    /** Words in the alert style (red). */
    public void alert(Row row, int column, String words) {
        styled(row, column, "alert").setCellValue(words);
    }

    public void count(Row row, int column, long value) {
        styled(row, column, "count").setCellValue(value);
    }

    /** A count in the alert style (red). */
    public void alertCount(Row row, int column, long value) {
        styled(row, column, "alert").setCellValue(value);
    }

    /** A date cell in the locale's date format. */
    public void date(Row row, int column, LocalDate value) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(template.date(template.named("date"), dateFormat));
        cell.setCellValue(value);
    }

    /** An amount as a number with the currency's decimals, in the alert style when {@code alert}. */
    public void amount(Row row, int column, Amount amount, boolean alert) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(template.amount(template.named(alert ? "alertAmount" : "amount"), amount.fractionDigits()));
        cell.setCellValue(ColumnWidths.cellValue(amount.minor(), amount.fractionDigits()));
    }

    private Cell styled(Row row, int column, String style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(template.named(style));
        return cell;
    }
}
