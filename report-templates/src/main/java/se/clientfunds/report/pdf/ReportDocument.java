package se.clientfunds.report.pdf;

import java.awt.Color;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * One PDF being written, deterministic to the byte: creation and modification dates are the business date (midnight
 * UTC), the producer is fixed, and the file identifier in the trailer is a digest of every text put on the pages
 * rather than OpenPDF's time-based one. Every page gets a running head (title, business date, job execution id) and
 * "page n of m". Public for the renderers of other packages (audit.pdf), which lay out their own sections below the
 * same header.
 */
public final class ReportDocument implements AutoCloseable {

    final PdfLayout layout;
    final ReportText text;
    private final Document document;
    private final PdfWriter writer;
    private final MessageDigest content;

    /**
     * Opens a document on {@code out}; OpenPDF closes the stream it writes to, so wrap a caller's stream in
     * {@link #keepOpen(OutputStream)}.
     */
    public ReportDocument(OutputStream out, Rectangle pageSize, String title, ReportHeader header, ReportText text) {
        this.layout = PdfLayout.standard();
        this.text = text;
        this.content = sha256();
        this.document = new Document(pageSize, layout.marginLeft, layout.marginRight, layout.marginTop, layout.marginBottom);
        this.writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new RunningHead(title, text.label("header.running", text.date(header.businessDate()),
                Long.toString(header.jobExecutionId())), text));
        document.open();
        PdfDictionary info = writer.getInfo();
        PdfDate date = new PdfDate(midnightUtc(header.businessDate()));
        info.put(PdfName.CREATIONDATE, date);
        info.put(PdfName.MODDATE, date);
        info.put(PdfName.PRODUCER, new PdfString(layout.producer));
        info.put(PdfName.TITLE, new PdfString(title, PdfString.TEXT_UNICODE));
        digest(title);
    }

    /** The report header every report carries: title, business date, job execution id, input files, control totals. */
    public void header(String title, ReportHeader header) {
        add(paragraph(title, layout.font(layout.titleSize, Font.BOLD)));
        PdfPTable facts = table(new float[] {1.4f, 3});
        facts.setWidthPercentage(60);
        facts.setHorizontalAlignment(Element.ALIGN_LEFT);
        facts.addCell(plain(text.label("header.businessDate"), Font.BOLD));
        facts.addCell(plain(text.date(header.businessDate()), Font.NORMAL));
        facts.addCell(plain(text.label("header.jobExecutionId"), Font.BOLD));
        facts.addCell(plain(Long.toString(header.jobExecutionId()), Font.NORMAL));
        add(facts);

        heading(text.label("header.inputFiles"));
        PdfPTable files = table(new float[] {2, 5});
        headerRow(files, text.labels("header.file", "header.sha256"));
        for (InputFile file : header.inputFiles()) {
            files.addCell(cell(file.name(), layout.font(layout.tableSize, Font.NORMAL), Element.ALIGN_LEFT));
            files.addCell(hashCell(file.sha256()));
        }
        if (header.inputFiles().isEmpty()) {
            files.addCell(span(text.label("header.none"), 2));
        }
        add(files);

        heading(text.label("header.controlTotals"));
        PdfPTable totals = table(new float[] {4, 2, 3, 1});
        headerRow(totals, text.labels("header.control", "header.count", "header.total", "header.currency"));
        for (ControlTotal total : header.controlTotals()) {
            totals.addCell(cell(total.name(), Element.ALIGN_LEFT));
            totals.addCell(cell(text.count(total.count()), Element.ALIGN_RIGHT));
            totals.addCell(cell(total.total() == null ? "" : text.amount(total.total()), Element.ALIGN_RIGHT));
            totals.addCell(cell(total.total() == null ? "" : total.total().currency(), Element.ALIGN_LEFT));
        }
        if (header.controlTotals().isEmpty()) {
            totals.addCell(span(text.label("header.none"), 4));
        }
        add(totals);
    }

    public void heading(String heading) {
        Paragraph paragraph = paragraph(heading, layout.font(layout.headingSize, Font.BOLD));
        paragraph.setSpacingBefore(10);
        paragraph.setSpacingAfter(4);
        add(paragraph);
    }

    public Paragraph paragraph(String words, Font font) {
        digest(words);
        return new Paragraph(words, font);
    }

    /** A table of the given relative column widths, full width. */
    public PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingAfter(6);
        return table;
    }

    /** Column headings, repeated at the top of every page the table runs onto. */
    public void headerRow(PdfPTable table, List<String> headings) {
        for (String heading : headings) {
            PdfPCell cell = cell(heading, layout.font(layout.tableSize, Font.BOLD), Element.ALIGN_LEFT);
            cell.setBackgroundColor(layout.headerBackground);
            table.addCell(cell);
        }
        table.setHeaderRows(table.getHeaderRows() + 1);
    }

    public PdfPCell cell(String words, int alignment) {
        return cell(words, layout.font(layout.tableSize, Font.NORMAL), alignment);
    }

    public PdfPCell alertCell(String words, int alignment) {
        return cell(words, layout.alertFont(layout.tableSize), alignment);
    }

    /** A SHA-256 in the fixed-width hash font. */
    public PdfPCell hashCell(String sha256) {
        return cell(sha256, layout.hashFont(), Element.ALIGN_LEFT);
    }

    /** A paragraph of body text in {@code style} (normal, bold or italic). */
    public Paragraph bodyParagraph(String words, int style) {
        return paragraph(words, layout.font(layout.bodySize, style));
    }

    /** A paragraph of body text in the alert colour. */
    public Paragraph alertParagraph(String words) {
        return paragraph(words, layout.alertFont(layout.bodySize));
    }

    public PdfPCell cell(String words, Font font, int alignment) {
        digest(words);
        PdfPCell cell = new PdfPCell(new Phrase(words, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPaddingTop(1.5f);
        cell.setPaddingBottom(3f);
        return cell;
    }

    public PdfPCell span(String words, int columns) {
        PdfPCell cell = cell(words, layout.font(layout.tableSize, Font.ITALIC), Element.ALIGN_LEFT);
        cell.setColspan(columns);
        return cell;
    }

    public PdfPCell group(String words, int columns) {
        PdfPCell cell = cell(words, layout.font(layout.tableSize, Font.BOLD), Element.ALIGN_LEFT);
        cell.setColspan(columns);
        cell.setBackgroundColor(layout.groupBackground);
        return cell;
    }

    private PdfPCell plain(String words, int style) {
        PdfPCell cell = cell(words, layout.font(layout.bodySize, style), Element.ALIGN_LEFT);
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    public void add(Element element) {
        document.add(element);
    }

    /**
     * Adds the next rows of a table given to the page in parts ({@link PdfPTable#setComplete(boolean)} false). OpenPDF
     * 2.0.5 leaves the header row off a part that starts on a fresh page (the previous part filled the last one to the
     * bottom, or this part's first row no longer fits), so in those cases the header is asked for here.
     */
    public void addPart(PdfPTable table) {
        if (table.size() > table.getHeaderRows()) {
            table.setTotalWidth((document.right() - document.left()) * table.getWidthPercentage() / 100);
            float room = writer.getVerticalPosition(true) - document.bottom();
            if (room < table.getRowHeight(table.getHeaderRows()) + 1) {
                document.newPage();
                table.setSkipFirstHeader(false);
            } else if (room >= document.top() - document.bottom() - 1) {
                table.setSkipFirstHeader(false);
            }
        }
        document.add(table);
    }

    public void newPage() {
        document.newPage();
    }

    @Override
    public void close() {
        byte[] id = Arrays.copyOf(content.digest(), 16);
        // OpenPDF takes the trailer's /ID from the info dictionary when it is there, instead of a time-based one
        writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
        document.close();
    }

    /** The page size named {@code key} in {@value PdfLayout#RESOURCE}, e.g. {@code page.audit}. */
    public static Rectangle pageSize(String key) {
        return PdfLayout.standard().page(key);
    }

    /** {@code out} wrapped so that closing the document flushes it but leaves it open: whoever opened it closes it. */
    public static OutputStream keepOpen(OutputStream out) {
        return new NonClosing(out);
    }

    private void digest(String words) {
        content.update(words.getBytes(StandardCharsets.UTF_8));
        content.update((byte) 0);
    }

    private static Calendar midnightUtc(LocalDate date) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.clear();
        calendar.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        return calendar;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Title and business date at the top of every page, "page n of m" at the bottom. */
    private static final class RunningHead extends PdfPageEventHelper {

        private final String title;
        private final String dateAndJob;
        private final ReportText text;
        private final PdfLayout layout = PdfLayout.standard();
        private final BaseFont font = PdfLayout.helvetica();
        private PdfTemplate pageCount;

        RunningHead(String title, String dateAndJob, ReportText text) {
            this.title = title;
            this.dateAndJob = dateAndJob;
            this.text = text;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            pageCount = writer.getDirectContent().createTemplate(40, layout.tableSize + 4);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            Font small = layout.font(layout.tableSize, Font.NORMAL, Color.DARK_GRAY);
            float top = document.getPageSize().getHeight() - document.topMargin() / 2;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(title, small), document.left(), top, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(dateAndJob, small), document.right(), top, 0);
            String page = text.label("footer.page", text.count(writer.getPageNumber())) + " ";
            float bottom = document.bottomMargin() / 2;
            float width = font.getWidthPoint(page, layout.tableSize);
            float x = (document.left() + document.right()) / 2 - width / 2;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(new Chunk(page, small)), x, bottom, 0);
            canvas.addTemplate(pageCount, x + width, bottom);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            pageCount.beginText();
            pageCount.setFontAndSize(font, layout.tableSize);
            pageCount.setColorFill(Color.DARK_GRAY);
            pageCount.showText(text.count(writer.getPageNumber() - 1L));
            pageCount.endText();
        }
    }
}
