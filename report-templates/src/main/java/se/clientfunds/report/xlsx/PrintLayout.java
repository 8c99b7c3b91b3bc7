package se.clientfunds.report.xlsx;

import java.time.LocalDate;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.spreadsheetDrawing.CTTwoCellAnchor;

import se.clientfunds.report.pdf.ReportText;

/**
 * How the sheets of a workbook print, the same for every report: on A4, one page wide and as many pages tall as it
 * takes, landscape when the sheet's columns are wider than a portrait page; the report's title and business date in
 * the page header and "page n of m" in the footer, in the report's language; a table sheet repeats its header row at
 * the top of every page. Applied after the content and the column widths, since the orientation follows the widths.
 */
public final class PrintLayout {

    /**
     * Characters of the workbook's default font (Calibri 11, seven pixels a digit) across portrait A4 between Excel's
     * default margins (0.7 inch each side): a sheet wider than this prints landscape, so fitting it to the page
     * shrinks it less.
     */
    static final int PORTRAIT_CHARACTERS = 90;

    private static final CellRangeAddress HEADER_ROW = CellRangeAddress.valueOf("1:1");

    /** The header and footer codes of SpreadsheetML for the page number and the number of pages. */
    private static final String PAGE = "&P";
    private static final String PAGES = "&N";

    private final String header;
    private final String date;
    private final String footer;

    /**
     * The print layout of a report titled {@code title} for {@code businessDate}; {@code text} gives the date format
     * and the words of "page n of m" ({@code format.date} and {@code footer.page}, shared with the PDFs).
     */
    public PrintLayout(ReportText text, String title, LocalDate businessDate) {
        this.header = escape(title);
        this.date = escape(text.date(businessDate));
        this.footer = escape(text.label("footer.page", "\u0000")).replace("\u0000", PAGE) + " " + PAGES;
    }

    /** A summary sheet: its width is that of the columns holding a cell or a chart. */
    public void summary(XSSFSheet sheet) {
        apply(sheet, usedColumns(sheet));
    }

    /** A table sheet of {@code columns} columns under the header row, which is printed again at the top of every page. */
    public void table(Sheet sheet, int columns) {
        apply(sheet, columns);
        sheet.setRepeatingRows(HEADER_ROW);
    }

    private void apply(Sheet sheet, int columns) {
        sheet.setFitToPage(true);
        PrintSetup setup = sheet.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        setup.setFitWidth((short) 1);
        // zero: as many pages tall as the rows need
        setup.setFitHeight((short) 0);
        setup.setLandscape(characters(sheet, columns) > PORTRAIT_CHARACTERS);
        sheet.getHeader().setLeft(header);
        sheet.getHeader().setRight(date);
        sheet.getFooter().setCenter(footer);
    }

    /** The width of the first {@code columns} columns, in characters of the default font. */
    static int characters(Sheet sheet, int columns) {
        long units = 0;
        for (int c = 0; c < columns; c++) {
            units += sheet.getColumnWidth(c);
        }
        return (int) (units / 256);
    }

    /** One more than the last column that holds a cell or is reached by a chart. */
    private static int usedColumns(XSSFSheet sheet) {
        int columns = 0;
        for (Row row : sheet) {
            columns = Math.max(columns, row.getLastCellNum());
        }
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing != null) {
            for (CTTwoCellAnchor anchor : drawing.getCTDrawing().getTwoCellAnchorArray()) {
                // the renderers anchor a chart at the left edge of its end column, which it does not reach
                columns = Math.max(columns, anchor.getTo().getCol());
            }
        }
        return columns;
    }

    /** An ampersand starts a code (&P, &N) in a header or footer; a literal one is doubled. */
    private static String escape(String words) {
        return words.replace("&", "&&");
    }
}
