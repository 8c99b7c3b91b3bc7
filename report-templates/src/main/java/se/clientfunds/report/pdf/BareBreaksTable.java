package se.clientfunds.report.pdf;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The benchmark's baseline for {@link ReconciliationPdf}: a bare OpenPDF table of the same cells of the same breaks,
 * one header row, the same font size and column widths, no grouping, no running head, no determinism. Whatever the real renderer takes
 * beyond this is the price of its layout.
 */
public final class BareBreaksTable {

    private BareBreaksTable() {
    }

    public static void write(List<ReconciliationBreak> breaks, Locale locale, OutputStream out) {
        ReportText text = new ReportText(locale);
        Document document = new Document(PageSize.A4);
        PdfWriter.getInstance(document, new NonClosing(out));
        document.open();
        // the same font size and column widths as the real table, so both fill about the same number of pages
        Font font = new Font(Font.HELVETICA, PdfLayout.standard().tableSize);
        PdfPTable table = new PdfPTable(ReconciliationPdf.BREAK_WIDTHS);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String heading : text.labels("breaks.id", "breaks.type", "breaks.amount", "breaks.currency", "breaks.reference",
                "breaks.bookingDate", "breaks.age", "breaks.status")) {
            table.addCell(new Phrase(heading, font));
        }
        for (ReconciliationBreak item : breaks) {
            table.addCell(new Phrase(Long.toString(item.id()), font));
            table.addCell(new Phrase(text.label(item.type()), font));
            table.addCell(new Phrase(text.amount(item.amount()), font));
            table.addCell(new Phrase(item.amount().currency(), font));
            table.addCell(new Phrase(item.reference(), font));
            table.addCell(new Phrase(text.date(item.bookingDate()), font));
            table.addCell(new Phrase(text.count(item.ageBankingDays()), font));
            table.addCell(new Phrase(text.label(item.status()), font));
        }
        document.add(table);
        document.close();
    }
}
