package se.clientfunds.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The styles the template generators start the editable .xlsx templates with, and how they write a template: a table
 * sheet's header and style rows, fixed properties and zip entry times.
 */
public final class TemplateStyles {

    /** The date every generated template carries. */
    public static final LocalDate FIXED = LocalDate.of(2025, 1, 1);

    /** The alert colour of the PDF layout, {@code #C00000}. */
    public static final byte[] ALERT_RGB = {(byte) 0xC0, 0, 0};

    public final XSSFCellStyle title;
    final XSSFCellStyle heading;
    final XSSFCellStyle label;
    final XSSFCellStyle text;
    final XSSFCellStyle code;
    final XSSFCellStyle count;
    final XSSFCellStyle date;
    final XSSFCellStyle amount;
    public final XSSFCellStyle header;
    final XSSFCellStyle check;
    final XSSFCellStyle alert;
    final XSSFCellStyle alertAmount;

    public TemplateStyles(XSSFWorkbook workbook) {
        XSSFFont bold = workbook.createFont();
        bold.setBold(true);
        XSSFFont big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        XSSFFont medium = workbook.createFont();
        medium.setBold(true);
        medium.setFontHeightInPoints((short) 12);
        title = workbook.createCellStyle();
        title.setFont(big);
        heading = workbook.createCellStyle();
        heading.setFont(medium);
        label = workbook.createCellStyle();
        label.setFont(bold);
        text = workbook.createCellStyle();
        code = workbook.createCellStyle();
        code.setAlignment(HorizontalAlignment.CENTER);
        count = workbook.createCellStyle();
        count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        date.setAlignment(HorizontalAlignment.LEFT);
        amount = workbook.createCellStyle();
        amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        check = workbook.createCellStyle();
        check.setFont(bold);
        check.setAlignment(HorizontalAlignment.CENTER);
        XSSFFont red = workbook.createFont();
        red.setBold(true);
        red.setColor(new XSSFColor(ALERT_RGB));
        alert = workbook.createCellStyle();
        alert.setFont(red);
        alertAmount = workbook.createCellStyle();
        alertAmount.cloneStyleFrom(amount);
        alertAmount.setFont(red);
        alertAmount.setFillForegroundColor(new XSSFColor(new byte[] {(byte) 0xFF, (byte) 0xC7, (byte) 0xCE}));
        alertAmount.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    public XSSFCellStyle named(String name) {
        return switch (name) {
            case "heading" -> heading;
            case "label" -> label;
            case "text" -> text;
            case "code" -> code;
            case "count" -> count;
            case "date" -> date;
            case "amount" -> amount;
            case "header" -> header;
            case "check" -> check;
            case "alert" -> alert;
            case "alertAmount" -> alertAmount;
            default -> throw new IllegalArgumentException("no style '" + name + "'");
        };
    }

    /** A summary sheet's template rows: the title key in A1, one {@code style:<name>} cell per name in row 2. */
    public void summary(XSSFSheet sheet, String titleKey, List<String> names) {
        Cell cell = sheet.createRow(0).createCell(0);
        cell.setCellValue(titleKey);
        cell.setCellStyle(title);
        Row styleRow = sheet.createRow(1);
        for (int c = 0; c < names.size(); c++) {
            Cell style = styleRow.createCell(c);
            style.setCellValue(SheetTemplate.STYLE_PREFIX + names.get(c));
            style.setCellStyle(named(names.get(c)));
        }
    }

    /** A table sheet's template rows: label keys ({@code keyPrefix + key}) in row 1, column styles in row 2. */
    public void table(XSSFSheet sheet, String keyPrefix, List<String> keys, List<String> columnStyles,
            List<Integer> widths) {
        Row header = sheet.createRow(0);
        Row styleRow = sheet.createRow(1);
        for (int c = 0; c < keys.size(); c++) {
            Cell label = header.createCell(c);
            label.setCellValue(keyPrefix + keys.get(c));
            label.setCellStyle(this.header);
            Cell style = styleRow.createCell(c);
            style.setCellValue(SheetTemplate.STYLE_PREFIX + columnStyles.get(c));
            style.setCellStyle(named(columnStyles.get(c)));
            sheet.setColumnWidth(c, widths.get(c) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** Writes {@code workbook} to {@code target} with fixed properties and zip entry times. */
    public static void write(XSSFWorkbook workbook, Path target) throws IOException {
        Date fixed = Date.from(FIXED.atStartOfDay(ZoneOffset.UTC).toInstant());
        workbook.getProperties().getCoreProperties().setCreator(DocumentProperties.CREATOR);
        workbook.getProperties().getCoreProperties().setCreated(Optional.of(fixed));
        workbook.getProperties().getCoreProperties().setModified(Optional.of(fixed));
        try (OutputStream out = Files.newOutputStream(target)) {
            DeterministicZip.write(raw -> {
                try (OutputStream poi = Files.newOutputStream(raw)) {
                    workbook.write(poi);
                }
            }, out, FIXED.atStartOfDay());
        }
    }
}
