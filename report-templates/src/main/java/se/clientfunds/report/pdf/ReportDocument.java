package se.clientfunds.report.pdf;

import java.awt.Color;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
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

import se.clientfunds.report.Amount;

/**
 * One PDF being written, deterministic to the byte: creation and modification dates are the business date (midnight
 * UTC), the producer is fixed, the file identifier in the trailer is a digest of every text put on the pages rather
 * than OpenPDF's time-based one, and so are the name tags of the embedded font subsets. The file is PDF/A-2b
 * ({@link PdfAConformance}): fonts embedded, an sRGB output intent, XMP metadata. Every page gets a running head
 * (title, business date, job execution id) and "page n of m". Public for the renderers of other packages (audit.pdf),
 * which lay out their own sections below the same header.
 */
public final class ReportDocument implements AutoCloseable {

    /** Left plus right padding of a header cell, in points (OpenPDF's default of 2 a side). */
    private static final float HEADER_PADDING = 4;

    final PdfLayout layout;
    final ReportText text;
    private final DocumentFonts fonts;
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
        this.fonts = new DocumentFonts(layout);
        this.content = sha256();
        this.document = new Document(pageSize, layout.marginLeft, layout.marginRight, layout.marginTop, layout.marginBottom);
        this.writer = PdfWriter.getInstance(document, out);
        PdfAConformance.beforeOpen(writer);
        String running = header.version() > 1
                ? text.label("header.runningVersion", text.date(header.businessDate()), Long.toString(header.jobExecutionId()),
                        text.count(header.version()))
                : text.label("header.running", text.date(header.businessDate()), Long.toString(header.jobExecutionId()));
        writer.setPageEvent(new RunningHead(title, running, text, fonts));
        document.open();
        PdfDictionary info = writer.getInfo();
        PdfDate date = new PdfDate(midnightUtc(header.businessDate()));
        info.put(PdfName.CREATIONDATE, date);
        info.put(PdfName.MODDATE, date);
        info.put(PdfName.PRODUCER, new PdfString(layout.producer));
        info.put(PdfName.TITLE, new PdfString(title, PdfString.TEXT_UNICODE));
        PdfAConformance.declare(writer, title, header.businessDate(), layout.producer);
        digest(title);
    }

    /**
     * The report header every report carries: title, notices, business date, job execution, version, input files and
     * control totals.
     */
    public void header(String title, ReportHeader header) {
        identification(title, header);
        inputsAndTotals(header);
    }

    /**
     * The title, then what the report must say before its figures (its notices, alerts in red), then the business date,
     * the job execution and, for a later version of the day's reports, the version.
     */
    public void identification(String title, ReportHeader header) {
        add(paragraph(title, font(layout.titleSize, Font.BOLD)));
        for (Notice notice : header.notices()) {
            notice(notice);
        }
        PdfPTable facts = table(new float[] {1.4f, 3});
        facts.setWidthPercentage(60);
        facts.setHorizontalAlignment(Element.ALIGN_LEFT);
        facts.addCell(plain(text.label("header.businessDate"), Font.BOLD));
        facts.addCell(plain(text.date(header.businessDate()), Font.NORMAL));
        facts.addCell(plain(text.label("header.jobExecutionId"), Font.BOLD));
        facts.addCell(plain(Long.toString(header.jobExecutionId()), Font.NORMAL));
        if (header.version() > 1) {
            facts.addCell(plain(text.label("header.version"), Font.BOLD));
            facts.addCell(plain(text.count(header.version()), Font.NORMAL));
        }
        add(facts);
    }

    /** The input files with their SHA-256, then the control totals, each worded in the report's language. */
    public void inputsAndTotals(ReportHeader header) {
        heading(text.label("header.inputFiles"));
        PdfPTable files = table(new float[] {2, 5});
        headerRow(files, text.labels("header.file", "header.sha256"));
        for (InputFile file : header.inputFiles()) {
            files.addCell(cell(file.name(), font(layout.tableSize, Font.NORMAL), Element.ALIGN_LEFT));
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
            totals.addCell(cell(text.controlTotal(total), Element.ALIGN_LEFT));
            totals.addCell(cell(text.count(total.count()), Element.ALIGN_RIGHT));
            totals.addCell(cell(total.total() == null ? "" : text.amount(total.total()), Element.ALIGN_RIGHT));
            totals.addCell(cell(total.total() == null ? "" : total.total().currency(), Element.ALIGN_LEFT));
        }
        if (header.controlTotals().isEmpty()) {
            totals.addCell(span(text.label("header.none"), 4));
        }
        add(totals);
    }

    /** A notice in a box the width of the text: an alert in red within a red frame, information on a grey ground. */
    private void notice(Notice notice) {
        PdfPTable box = table(new float[] {1});
        box.setSpacingBefore(4);
        box.setSpacingAfter(2);
        PdfPCell cell = cell(text.notice(notice), notice.alert() ? alertFont(layout.bodySize) : font(layout.bodySize, Font.BOLD),
                Element.ALIGN_LEFT);
        cell.setPadding(5);
        cell.setBorderWidth(1);
        cell.setBorderColor(notice.alert() ? layout.alert : layout.noticeBorder);
        if (!notice.alert()) {
            cell.setBackgroundColor(layout.groupBackground);
        }
        box.addCell(cell);
        add(box);
    }

    /** The text face in {@code style} (normal, bold or italic), black. */
    Font font(float size, int style) {
        return fonts.font(size, style);
    }

    /** Bold in the alert colour. */
    Font alertFont(float size) {
        return fonts.alertFont(size);
    }

    public void heading(String heading) {
        Paragraph paragraph = paragraph(heading, font(layout.headingSize, Font.BOLD));
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

    /**
     * Column headings, repeated at the top of every page the table runs onto. A heading wraps only between its words:
     * OpenPDF cuts a word that is wider than its cell at any letter ("Utbetalnin" / "gar"), so a column too narrow for
     * the widest word of its heading is widened first, the room taken from columns that have more than their headings
     * need; only when all headings together need more than the table's width are they set smaller
     * ({@link ColumnFit}). Call it after the table's width percentage is set.
     */
    public void headerRow(PdfPTable table, List<String> headings) {
        headerRow(table, headings, List.of());
    }

    /**
     * Column headings as {@link #headerRow(PdfPTable, List)}, the columns also kept wide enough for each text of
     * {@code contents} (per column, empty for none) on one line: what the rows will hold that must not be cut or
     * wrapped, such as job names, status words or times, known before the rows are written.
     */
    public void headerRow(PdfPTable table, List<String> headings, List<? extends Collection<String>> contents) {
        float size = layout.tableSize;
        if (headings.size() == table.getNumberOfColumns()) {
            table.setTotalWidth((document.right() - document.left()) * table.getWidthPercentage() / 100);
            ColumnFit fit = ColumnFit.of(table.getAbsoluteWidths(), headings, contents, fonts.bold(), layout.tableSize,
                    layout.headerMinimumSize, HEADER_PADDING);
            table.setWidths(fit.widths());
            size = fit.size();
        }
        for (String heading : headings) {
            PdfPCell cell = cell(heading, font(size, Font.BOLD), Element.ALIGN_LEFT);
            cell.setPadding(HEADER_PADDING / 2);
            cell.setPaddingTop(1.5f);
            cell.setPaddingBottom(3f);
            cell.setBackgroundColor(layout.headerBackground);
            table.addCell(cell);
        }
        table.setHeaderRows(table.getHeaderRows() + 1);
    }

    public PdfPCell cell(String words, int alignment) {
        return cell(words, font(layout.tableSize, Font.NORMAL), alignment);
    }

    public PdfPCell alertCell(String words, int alignment) {
        return cell(words, alertFont(layout.tableSize), alignment);
    }

    /** A SHA-256 in the fixed-width hash font. */
    public PdfPCell hashCell(String sha256) {
        return cell(sha256, fonts.hashFont(), Element.ALIGN_LEFT);
    }

    /** A paragraph of body text in {@code style} (normal, bold or italic). */
    public Paragraph bodyParagraph(String words, int style) {
        return paragraph(words, font(layout.bodySize, style));
    }

    /** A paragraph of body text in the alert colour. */
    public Paragraph alertParagraph(String words) {
        return paragraph(words, alertFont(layout.bodySize));
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
        PdfPCell cell = cell(words, font(layout.tableSize, Font.ITALIC), Element.ALIGN_LEFT);
        cell.setColspan(columns);
        return cell;
    }

    /** A line across {@code columns} columns under a row, saying more about it: italic, or bold red when an alert. */
    public PdfPCell note(String words, int columns, boolean alert) {
        PdfPCell cell = cell(words, alert ? alertFont(layout.tableSize) : font(layout.tableSize, Font.ITALIC), Element.ALIGN_LEFT);
        cell.setColspan(columns);
        return cell;
    }

    public PdfPCell group(String words, int columns) {
        PdfPCell cell = cell(words, font(layout.tableSize, Font.BOLD), Element.ALIGN_LEFT);
        cell.setColspan(columns);
        cell.setBackgroundColor(layout.groupBackground);
        return cell;
    }

    /** A cell of body text, left aligned. */
    public PdfPCell bodyCell(String words) {
        return cell(words, font(layout.bodySize, Font.NORMAL), Element.ALIGN_LEFT);
    }

    /** A line to sign on, the label under it at its left: name, signature, date. */
    public PdfPCell signatureLine(String label) {
        PdfPCell cell = cell(label, font(layout.bodySize, Font.NORMAL), Element.ALIGN_LEFT);
        cell.setFixedHeight(34);
        cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setPaddingRight(12);
        return cell;
    }

    /** Who signs the lines beside it (prepared by, reviewed by), bold and unframed. */
    public PdfPCell signatureLabel(String role) {
        PdfPCell cell = cell(role, font(layout.bodySize, Font.BOLD), Element.ALIGN_LEFT);
        cell.setFixedHeight(34);
        cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPaddingRight(12);
        return cell;
    }

    private PdfPCell plain(String words, int style) {
        PdfPCell cell = cell(words, font(layout.bodySize, style), Element.ALIGN_LEFT);
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

    /**
     * A line chart the width of the text and as high as the layout's {@code chart.height}: one line per series over
     * the labelled points (every series one value per point, all in one currency), the value axis from the lowest to
     * the highest value with zero included and labelled, the points in {@code alertPoints} marked in the alert colour
     * below the axis. Drawn with lines on a template that flows with the text like a picture.
     */
    public void lineChart(List<String> points, List<ChartSeries> series, Set<Integer> alertPoints) {
        if (points.isEmpty() || series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs points and series, has " + points.size() + " and " + series.size());
        }
        String currency = series.get(0).currency();
        long low = 0;
        long high = 0;
        for (ChartSeries line : series) {
            if (line.values().size() != points.size() || !line.currency().equals(currency)) {
                throw new IllegalArgumentException("chart series " + line.name() + " has " + line.values().size() + " values in "
                        + line.currency() + ", the chart " + points.size() + " points in " + currency);
            }
            for (Amount value : line.values()) {
                low = Math.min(low, value.minor());
                high = Math.max(high, value.minor());
            }
        }
        new LineChart(points, series, alertPoints, low, high == low ? low + 1 : high).draw();
    }

    @Override
    public void close() {
        byte[] digest = content.digest();
        fonts.tagSubsets(digest);
        byte[] id = Arrays.copyOf(digest, 16);
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

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The drawing of {@link #lineChart}: coordinates as floats, figures printed from the exact amounts. */
    private final class LineChart {

        private static final float TICK = 3;

        private final List<String> points;
        private final List<ChartSeries> series;
        private final Set<Integer> alertPoints;
        private final long low;
        private final long high;
        private final float size;
        private final BaseFont font = fonts.regular();
        private final PdfTemplate canvas;
        private final float width;
        private final float height;
        private float left;
        private float right;
        private float bottom;
        private float top;

        LineChart(List<String> points, List<ChartSeries> series, Set<Integer> alertPoints, long low, long high) {
            this.points = points;
            this.series = series;
            this.alertPoints = alertPoints;
            this.low = low;
            this.high = high;
            this.size = layout.tableSize;
            this.width = document.right() - document.left();
            this.height = layout.chartHeight;
            this.canvas = writer.getDirectContent().createTemplate(width, height);
        }

        void draw() {
            String currency = series.get(0).currency();
            List<Long> ticks = low < 0 && high > 0 ? List.of(low, 0L, high) : List.of(low, high);
            float labelWidth = 0;
            for (long tick : ticks) {
                labelWidth = Math.max(labelWidth, font.getWidthPoint(text.amount(Amount.of(tick, currency)), size));
            }
            left = labelWidth + TICK + 4;
            right = width - font.getWidthPoint(points.get(points.size() - 1), size) / 2 - 2;
            bottom = 2 * size + 8;
            top = height - size - 10;
            axes(ticks, currency);
            for (int s = 0; s < series.size(); s++) {
                line(series.get(s), layout.chartSeries[s % layout.chartSeries.length]);
            }
            pointLabels();
            legend();
            Image picture = Image.getInstance(canvas);
            picture.setAlignment(Image.ALIGN_LEFT);
            document.add(picture);
        }

        private void axes(List<Long> ticks, String currency) {
            canvas.setLineWidth(0.5f);
            canvas.setColorStroke(Color.GRAY);
            canvas.moveTo(left, bottom);
            canvas.lineTo(left, top);
            canvas.stroke();
            for (long tick : ticks) {
                float y = y(tick);
                canvas.setColorStroke(tick == 0 ? Color.GRAY : Color.LIGHT_GRAY);
                canvas.moveTo(left - TICK, y);
                canvas.lineTo(right, y);
                canvas.stroke();
                show(text.amount(Amount.of(tick, currency)), Element.ALIGN_RIGHT, left - TICK - 2, y - size / 3, Color.DARK_GRAY);
            }
        }

        private void line(ChartSeries line, Color colour) {
            canvas.setColorStroke(colour);
            canvas.setColorFill(colour);
            canvas.setLineWidth(1.2f);
            for (int i = 0; i < points.size(); i++) {
                float x = x(i);
                float y = y(line.values().get(i).minor());
                if (i == 0) {
                    canvas.moveTo(x, y);
                } else {
                    canvas.lineTo(x, y);
                }
            }
            canvas.stroke();
            for (int i = 0; i < points.size(); i++) {
                canvas.rectangle(x(i) - 1.5f, y(line.values().get(i).minor()) - 1.5f, 3, 3);
            }
            canvas.fill();
        }

        /** As many point labels as fit side by side; an alert point is marked whether labelled or not. */
        private void pointLabels() {
            float widest = 0;
            for (String point : points) {
                widest = Math.max(widest, font.getWidthPoint(point, size));
            }
            float spacing = points.size() == 1 ? Float.MAX_VALUE : (right - left) / (points.size() - 1);
            int every = (int) Math.ceil((widest + 4) / spacing);
            for (int i = 0; i < points.size(); i++) {
                if (i % every == 0) {
                    show(points.get(i), Element.ALIGN_CENTER, x(i), bottom - size - 2, Color.DARK_GRAY);
                }
                if (alertPoints.contains(i)) {
                    canvas.setColorFill(layout.alert);
                    canvas.circle(x(i), bottom - 2 * size - 4, 2.5f);
                    canvas.fill();
                }
            }
        }

        private void legend() {
            float x = left;
            float y = height - size;
            for (int s = 0; s < series.size(); s++) {
                Color colour = layout.chartSeries[s % layout.chartSeries.length];
                canvas.setColorStroke(colour);
                canvas.setLineWidth(1.2f);
                canvas.moveTo(x, y + size / 3);
                canvas.lineTo(x + 14, y + size / 3);
                canvas.stroke();
                show(series.get(s).name(), Element.ALIGN_LEFT, x + 18, y, Color.BLACK);
                x += 18 + font.getWidthPoint(series.get(s).name(), size) + 16;
            }
        }

        private void show(String words, int alignment, float x, float y, Color colour) {
            digest(words);
            canvas.beginText();
            canvas.setFontAndSize(font, size);
            canvas.setColorFill(colour);
            canvas.showTextAligned(alignment, words, x, y, 0);
            canvas.endText();
        }

        private float x(int point) {
            return points.size() == 1 ? (left + right) / 2 : left + (right - left) * point / (points.size() - 1);
        }

        private float y(long minor) {
            return bottom + (float) ((double) (minor - low) / (high - low) * (top - bottom));
        }
    }

    /** Title and business date at the top of every page, "page n of m" at the bottom. */
    private static final class RunningHead extends PdfPageEventHelper {

        private final String title;
        private final String dateAndJob;
        private final ReportText text;
        private final DocumentFonts fonts;
        private final PdfLayout layout = PdfLayout.standard();
        private final BaseFont font;
        private PdfTemplate pageCount;

        RunningHead(String title, String dateAndJob, ReportText text, DocumentFonts fonts) {
            this.title = title;
            this.dateAndJob = dateAndJob;
            this.text = text;
            this.fonts = fonts;
            this.font = fonts.regular();
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            pageCount = writer.getDirectContent().createTemplate(40, layout.tableSize + 4);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            Font small = fonts.font(layout.tableSize, Font.NORMAL, Color.DARK_GRAY);
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
