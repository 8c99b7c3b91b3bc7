package se.clientfunds.report.xlsx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/** Reads rendered workbooks back in tests: a row as text, a style's font colour. */
public final class WorkbookCells {

    private WorkbookCells() {
    }

    /** Each cell of the row as text: dates as ISO dates, numbers without trailing zeros, strings as they are. */
    public static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            texts.add(switch (cell.getCellType()) {
                case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                        : new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
                default -> cell.getStringCellValue();
            });
        }
        return texts;
    }

    /** The font colour as {@code RRGGBB}, empty when the font has none. */
    public static String fontColour(CellStyle style) {
        XSSFColor colour = ((XSSFCellStyle) style).getFont().getXSSFColor();
        return colour == null || colour.getRGB() == null ? "" : String.format("%02X%02X%02X",
                colour.getRGB()[0] & 0xff, colour.getRGB()[1] & 0xff, colour.getRGB()[2] & 0xff);
    }
}
