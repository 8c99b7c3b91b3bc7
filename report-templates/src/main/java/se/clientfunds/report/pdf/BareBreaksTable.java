package se.clientfunds.report.pdf;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The benchmark's baseline for {@link ReconciliationPdf}: a bare OpenPDF table of the same cells of the same breaks
 * (an explanation on a row of its own under its break, as there), one header row, the same page, font size and column
 * widths, no grouping, no running head, no embedded fonts, no determinism. Whatever the real renderer takes beyond this
 * is the price of its layout.
 */
public final class BareBreaksTable {

    private BareBreaksTable() {
    }

    public static void write(List<ReconciliationBreak> breaks, Locale locale, OutputStream out) {
        ReportText text = new ReportText(locale);
        Document document = new Document(PdfLayout.standard().reconciliationPage);
        PdfWriter.getInstance(document, new NonClosing(out));
        document.open();
        // the same font size and column widths as the real table, so both fill about the same number of pages
        Font font = new Font(Font.HELVETICA, PdfLayout.standard().tableSize);
        PdfPTable table = new PdfPTable(ReconciliationPdf.BREAK_WIDTHS);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String heading : text.labels(ReconciliationPdf.BREAK_HEADINGS)) {
            table.addCell(new Phrase(heading, font));
        }
        for (ReconciliationBreak item : breaks) {
            table.addCell(new Phrase(Long.toString(item.id()), font));
            table.addCell(new Phrase(text.label(item.type()), font));
            table.addCell(new Phrase(text.label(item.direction()), font));
            table.addCell(new Phrase(text.amount(item.amount()), font));
            table.addCell(new Phrase(item.amount().currency(), font));
            table.addCell(new Phrase(item.reference(), font));
            table.addCell(new Phrase(item.counterparty(), font));
            table.addCell(new Phrase(text.date(item.bookingDate()), font));
            table.addCell(new Phrase(text.count(item.ageBankingDays()), font));
            table.addCell(new Phrase(text.label(item.status()), font));
            if (!item.explanation().isEmpty()) {
                PdfPCell explanation = new PdfPCell(new Phrase(text.label("breaks.explanation", item.explanation()), font));
                explanation.setColspan(ReconciliationPdf.BREAK_WIDTHS.length);
                table.addCell(explanation);
            }
        }
        document.add(table);
        document.close();
    }
}
