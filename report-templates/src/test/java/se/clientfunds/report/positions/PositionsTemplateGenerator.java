package se.clientfunds.report.positions;

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
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import se.clientfunds.report.xlsx.DeterministicZip;
import se.clientfunds.report.xlsx.SheetTemplate;

/**
 * Writes the first version of {@code src/main/resources/templates/positions.xlsx}. After that the file is the source:
 * a person edits it in Excel or LibreOffice, and this generator is only run again to start over:
 * {@code ./mvnw -B -o -pl report-templates test -Dtest=PositionsTemplateGenerator -Dpositions.template.regenerate=true}.
 */
class PositionsTemplateGenerator {

    static final Path TEMPLATE = Path.of("src/main/resources/templates/positions.xlsx");

    @Test
    @EnabledIfSystemProperty(named = "positions.template.regenerate", matches = "true")
    void regenerate() throws IOException {
        write(TEMPLATE);
    }

    static void write(Path target) throws IOException {
        Path raw = Files.createTempFile("positions-template-", ".xlsx");
        try {
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(raw)) {
                Styles styles = new Styles(workbook);
                summary(workbook.createSheet(PositionsXlsxRenderer.SUMMARY), styles);
                table(workbook.createSheet(PositionsXlsxRenderer.POSITIONS), styles,
                        List.of("account", "kind", "currency", "opening", "debit", "credit", "closing"),
                        List.of("text", "text", "code", "amount", "amount", "amount", "amount"),
                        List.of(40, 16, 10, 18, 18, 18, 18));
                table(workbook.createSheet(PositionsXlsxRenderer.MOVEMENTS), styles,
                        List.of("bookingDate", "eventType", "reference", "account", "side", "amount", "currency"),
                        List.of("date", "text", "text", "text", "code", "amount", "code"),
                        List.of(14, 22, 28, 40, 6, 18, 10));
                table(workbook.createSheet(PositionsXlsxRenderer.UNALLOCATED), styles,
                        List.of("paymentReference", "bookingDate", "amount", "unallocated", "currency", "reason",
                                "debtor"),
                        List.of("text", "date", "amount", "amount", "code", "text", "text"),
                        List.of(28, 14, 18, 18, 10, 30, 30));
                Date fixed = Date.from(LocalDate.of(2025, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
                workbook.getProperties().getCoreProperties().setCreator(PositionsXlsxRenderer.CREATOR);
                workbook.getProperties().getCoreProperties().setCreated(Optional.of(fixed));
                workbook.getProperties().getCoreProperties().setModified(Optional.of(fixed));
                workbook.write(out);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                DeterministicZip.copyWithFixedTimes(raw, out, LocalDate.of(2025, 1, 1).atStartOfDay());
            }
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    private static void summary(XSSFSheet sheet, Styles styles) {
        Row title = sheet.createRow(0);
        Cell cell = title.createCell(0);
        cell.setCellValue("positions.title");
        cell.setCellStyle(styles.title);
        Row styleRow = sheet.createRow(1);
        List<String> names = List.of("heading", "label", "text", "count", "date", "amount", "header", "check");
        for (int c = 0; c < names.size(); c++) {
            Cell style = styleRow.createCell(c);
            style.setCellValue(SheetTemplate.STYLE_PREFIX + names.get(c));
            style.setCellStyle(styles.named(names.get(c)));
        }
        sheet.setColumnWidth(0, 38 * 256);
        for (int c = 1; c < 9; c++) {
            sheet.setColumnWidth(c, 18 * 256);
        }
    }

    private static void table(XSSFSheet sheet, Styles styles, List<String> keys, List<String> columnStyles,
            List<Integer> widths) {
        Row header = sheet.createRow(0);
        Row styleRow = sheet.createRow(1);
        for (int c = 0; c < keys.size(); c++) {
            Cell label = header.createCell(c);
            label.setCellValue(PositionsLabels.PREFIX + "column." + keys.get(c));
            label.setCellStyle(styles.header);
            Cell style = styleRow.createCell(c);
            style.setCellValue(SheetTemplate.STYLE_PREFIX + columnStyles.get(c));
            style.setCellStyle(styles.named(columnStyles.get(c)));
            sheet.setColumnWidth(c, widths.get(c) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static final class Styles {

        final XSSFCellStyle title;
        final XSSFCellStyle heading;
        final XSSFCellStyle label;
        final XSSFCellStyle text;
        final XSSFCellStyle code;
        final XSSFCellStyle count;
        final XSSFCellStyle date;
        final XSSFCellStyle amount;
        final XSSFCellStyle header;
        final XSSFCellStyle check;

        Styles(XSSFWorkbook workbook) {
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
        }

        XSSFCellStyle named(String name) {
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
                default -> throw new IllegalArgumentException("no style '" + name + "'");
            };
        }
    }
}
