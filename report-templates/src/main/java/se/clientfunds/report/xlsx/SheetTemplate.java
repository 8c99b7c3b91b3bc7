package se.clientfunds.report.xlsx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What one sheet of an .xlsx template gives a renderer: row 1 holds the header, whose cells carry label keys that are
 * replaced by the locale's labels; row 2 holds one styled sample cell per column (on the summary sheet, one per
 * named style, its text {@code style:<name>}), which is read and then removed so the data starts on row 2.
 */
public final class SheetTemplate {

    public static final String STYLE_PREFIX = "style:";

    private final XSSFSheet sheet;
    private final List<CellStyle> columnStyles;
    private final Map<String, CellStyle> namedStyles;
    private final List<Integer> columnWidths;
    private final Map<String, CellStyle> derived = new HashMap<>();

    private SheetTemplate(XSSFSheet sheet, List<CellStyle> columnStyles, Map<String, CellStyle> namedStyles,
            List<Integer> columnWidths) {
        this.sheet = sheet;
        this.columnStyles = columnStyles;
        this.namedStyles = namedStyles;
        this.columnWidths = columnWidths;
    }

    /**
     * Reads and consumes the template rows of {@code sheetName}, labelling its first row: a header cell whose text
     * starts with {@code keyPrefix} is a label key, replaced by {@code labels}' text for it.
     */
    /** The workbook of a template on the class path ({@code /templates/…}), to read its sheets from. */
    public static XSSFWorkbook openWorkbook(String template) throws java.io.IOException {
        try (java.io.InputStream in = SheetTemplate.class.getResourceAsStream(template)) {
            if (in == null) {
                throw new java.io.IOException("template " + template + " is not on the class path");
            }
            return new XSSFWorkbook(in);
        }
    }

    public static SheetTemplate read(XSSFWorkbook workbook, String sheetName, String keyPrefix,
            UnaryOperator<String> labels) {
        XSSFSheet sheet = workbook.getSheet(sheetName);
        if (sheet == null) {
            throw new IllegalStateException("the " + keyPrefix + "xlsx template has no sheet '" + sheetName + "'");
        }
        Row header = sheet.getRow(0);
        Row styleRow = sheet.getRow(1);
        if (header == null || styleRow == null) {
            throw new IllegalStateException("sheet '" + sheetName + "' of the " + keyPrefix + "xlsx template lacks its "
                    + "header row (row 1) or its style row (row 2)");
        }
        for (Cell cell : header) {
            if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith(keyPrefix)) {
                cell.setCellValue(labels.apply(cell.getStringCellValue()));
            }
        }
        List<CellStyle> columnStyles = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        Map<String, CellStyle> named = new HashMap<>();
        for (int c = 0; c < styleRow.getLastCellNum(); c++) {
            Cell cell = styleRow.getCell(c);
            CellStyle style = cell == null ? workbook.getCellStyleAt(0) : cell.getCellStyle();
            columnStyles.add(style);
            widths.add(sheet.getColumnWidth(c));
            if (cell != null && cell.getCellType() == CellType.STRING
                    && cell.getStringCellValue().startsWith(STYLE_PREFIX)) {
                named.put(cell.getStringCellValue().substring(STYLE_PREFIX.length()), style);
            }
        }
        sheet.removeRow(styleRow);
        return new SheetTemplate(sheet, List.copyOf(columnStyles), Map.copyOf(named), List.copyOf(widths));
    }

    public XSSFSheet sheet() {
        return sheet;
    }

    /**
     * Names the template's sheets in the report's language ({@code names}: the template's name → the rendered one). A
     * renderer finds a sheet by the template's name and renames it before it writes a filter, print titles or a chart
     * reference, which name the sheet; the template itself keeps the names its README gives.
     */
    public static void rename(XSSFWorkbook workbook, Map<String, String> names) {
        names.forEach((template, rendered) -> {
            int index = workbook.getSheetIndex(template);
            if (index < 0) {
                throw new IllegalStateException("the template has no sheet '" + template + "' to name '" + rendered + "'");
            }
            workbook.setSheetName(index, rendered);
        });
    }

    public CellStyle column(int column) {
        if (column >= columnStyles.size()) {
            throw new IllegalStateException("the style row of sheet '" + sheet.getSheetName() + "' has no column "
                    + (column + 1));
        }
        return columnStyles.get(column);
    }

    public CellStyle named(String name) {
        CellStyle style = namedStyles.get(name);
        if (style == null) {
            throw new IllegalStateException("the style row of sheet '" + sheet.getSheetName() + "' has no cell '"
                    + STYLE_PREFIX + name + "'");
        }
        return style;
    }

    public int width(int column) {
        return column < columnWidths.size() ? columnWidths.get(column) : sheet.getDefaultColumnWidth() * 256;
    }

    public int columns() {
        return columnStyles.size();
    }

    /**
     * The template's amount style with as many decimals as the currency has: the template says {@code #,##0.00}, a
     * currency without minor unit gets {@code #,##0}, one with three {@code #,##0.000}.
     */
    public CellStyle amount(CellStyle template, int fractionDigits) {
        String format = template.getDataFormatString();
        String wanted = format.replace(".00", fractionDigits == 0 ? "" : "." + "0".repeat(fractionDigits));
        if (wanted.equals(format)) {
            return template;
        }
        return derive(template, wanted);
    }

    /**
     * A column heading on a summary sheet, in the template's {@code header} style made to wrap: Excel then breaks it
     * only between words, and its column is widened to the heading's longest word (two characters to spare, a bold
     * letter being wider than the default font's), so no word is ever cut or hidden.
     */
    public void heading(Row row, int column, String words) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(derived.computeIfAbsent(named("header").getIndex() + "|wrap", key -> {
            XSSFCellStyle style = sheet.getWorkbook().createCellStyle();
            style.cloneStyleFrom(named("header"));
            style.setWrapText(true);
            return style;
        }));
        cell.setCellValue(words);
        int longest = 0;
        for (String word : words.trim().split("\\s+")) {
            longest = Math.max(longest, word.length());
        }
        int needed = Math.min(255, longest + 2) * 256;
        if (sheet.getColumnWidth(column) < needed) {
            sheet.setColumnWidth(column, needed);
        }
    }

    /** The template's date style with the locale's date format. */
    public CellStyle date(CellStyle template, String dateFormat) {
        return template.getDataFormatString().equals(dateFormat) ? template : derive(template, dateFormat);
    }

    private CellStyle derive(CellStyle template, String format) {
        return derived.computeIfAbsent(template.getIndex() + "|" + format, key -> {
            XSSFWorkbook workbook = sheet.getWorkbook();
            XSSFCellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(template);
            DataFormat formats = workbook.createDataFormat();
            style.setDataFormat(formats.getFormat(format));
            return style;
        });
    }
}
