package se.clientfunds.report.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Writes the cells of a streamed table sheet in its template's column styles and remembers the widest content of each
 * column, so the widths can be set after streaming: SXSSF keeps the column definitions with the sheet, not with the
 * flushed rows, and autoSizeColumn would need every row tracked in memory.
 */
public final class ColumnWidths {

    private static final int MAX_WIDTH = 255 * 256;
    /** ISO 4217 minor units go up to 4 decimals (CLF, UYW). */
    private static final int MAX_DIGITS = 4;

    private final SheetTemplate template;
    private final Sheet sheet;
    private final int[] chars;
    private final CellStyle[][] amountStyles;
    private final CellStyle[] dateStyles;

    /** Widths for {@code sheet}, the streaming sheet over {@code template}'s sheet. */
    public ColumnWidths(SheetTemplate template, Sheet sheet) {
        this.template = template;
        this.sheet = sheet;
        this.chars = new int[template.columns()];
        this.amountStyles = new CellStyle[template.columns()][];
        this.dateStyles = new CellStyle[template.columns()];
        // the header row belongs to the template's XSSF sheet; the streaming sheet holds only new rows
        Row header = template.sheet().getRow(0);
        for (int c = 0; c < chars.length; c++) {
            Cell cell = header == null ? null : header.getCell(c);
            // room for the auto-filter's drop-down button beside the label
            chars[c] = cell == null ? 0 : cell.getStringCellValue().length() + 3;
        }
    }

    public void text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(template.column(column));
        cell.setCellValue(value);
        chars[column] = Math.max(chars[column], value.length());
    }

    /** A whole number in the column's style. */
    public void count(Row row, int column, long value) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(template.column(column));
        cell.setCellValue(value);
        chars[column] = Math.max(chars[column], Long.toString(value).length() + 2);
    }

    /** An amount of {@code minor} units with {@code digits} decimals, as a number in the column's amount format. */
    public void amount(Row row, int column, long minor, int digits) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(amountStyle(column, digits));
        cell.setCellValue(cellValue(minor, digits));
        chars[column] = Math.max(chars[column], displayedLength(minor, digits));
    }

    public void date(Row row, int column, LocalDate value, String dateFormat) {
        if (dateStyles[column] == null) {
            dateStyles[column] = template.date(template.column(column), dateFormat);
            chars[column] = Math.max(chars[column], dateFormat.length());
        }
        Cell cell = row.createCell(column);
        cell.setCellStyle(dateStyles[column]);
        cell.setCellValue(value);
    }

    /** Sets each column to the widest value written, at least the template's width. */
    public void apply() {
        for (int c = 0; c < chars.length; c++) {
            int width = Math.min(MAX_WIDTH, Math.max(template.width(c), (chars[c] + 2) * 256));
            sheet.setColumnWidth(c, width);
        }
    }

    /**
     * The value of an amount cell: the exact decimal, as the double a POI numeric cell holds (an amount below 2^53
     * minor units reads back to the same decimal).
     */
    public static double cellValue(long minor, int digits) {
        return BigDecimal.valueOf(minor, digits).doubleValue();
    }

    /** Looked up once per column and number of decimals: reading a style's format string costs, per cell. */
    private CellStyle amountStyle(int column, int digits) {
        CellStyle[] styles = amountStyles[column];
        if (styles == null) {
            styles = new CellStyle[MAX_DIGITS + 1];
            amountStyles[column] = styles;
        }
        if (styles[digits] == null) {
            styles[digits] = template.amount(template.column(column), digits);
        }
        return styles[digits];
    }

    /** Characters of {@code -1,234,567.89}: digits, grouping separators, the decimal point and the sign. */
    private static int displayedLength(long minor, int decimals) {
        int digits = minor == Long.MIN_VALUE ? 19 : Long.toString(Math.abs(minor)).length();
        int integerDigits = Math.max(1, digits - decimals);
        return integerDigits + (integerDigits - 1) / 3 + (decimals == 0 ? 0 : decimals + 1) + (minor < 0 ? 1 : 0);
    }
}
