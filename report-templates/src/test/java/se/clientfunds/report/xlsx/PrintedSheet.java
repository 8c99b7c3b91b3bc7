package se.clientfunds.report.xlsx;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFPrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * How a sheet of a rendered workbook prints, as read back with POI: fit to how many pages wide and tall, A4,
 * landscape or not, the page header's left and right parts, the footer's centre, the rows repeated on every page.
 */
public record PrintedSheet(boolean fitToPage, short pagesWide, short pagesTall, boolean a4, boolean landscape,
                           String headerLeft, String headerRight, String footer, String repeatingRows) {

    public static PrintedSheet of(XSSFSheet sheet) {
        XSSFPrintSetup setup = sheet.getPrintSetup();
        CellRangeAddress repeating = sheet.getRepeatingRows();
        return new PrintedSheet(sheet.getFitToPage(), setup.getFitWidth(), setup.getFitHeight(),
                setup.getPaperSize() == XSSFPrintSetup.A4_PAPERSIZE, setup.getLandscape(), sheet.getHeader().getLeft(),
                sheet.getHeader().getRight(), sheet.getFooter().getCenter(),
                repeating == null ? null : repeating.formatAsString());
    }

    /** A sheet fit to one page wide and any number tall on A4, with the given header, footer and repeated rows. */
    public static PrintedSheet onePageWide(boolean landscape, String title, String date, String footer, String repeatingRows) {
        return new PrintedSheet(true, (short) 1, (short) 0, true, landscape, title, date, footer, repeatingRows);
    }
}
