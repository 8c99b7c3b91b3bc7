package se.clientfunds.report.pdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * Writes {@code safeguarding.pdf}: requirement against resource per currency, the difference and its status (a
 * shortfall in red), and a sign-off block for the preparer and the reviewer. The same report and locale give the same
 * bytes.
 */
public final class SafeguardingPdf {

    private final Locale locale;

    /** A renderer with the labels, number and date formats of {@code locale} (English, Swedish or German). */
    public SafeguardingPdf(Locale locale) {
        if (locale == null) {
            throw new IllegalArgumentException("locale is missing");
        }
        this.locale = locale;
    }

    public void write(SafeguardingReport report, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(report, out);
        }
    }

    /** Writes the report to {@code out}, which stays open. */
    public void write(SafeguardingReport report, OutputStream out) throws IOException {
        if (report == null) {
            throw new IllegalArgumentException("report is missing");
        }
        ReportText text = new ReportText(locale);
        String title = text.label("safeguarding.title");
        try (ReportDocument pdf = new ReportDocument(new NonClosing(out), PdfLayout.standard().safeguardingPage, title,
                report.header(), text)) {
            pdf.header(title, report.header());
            positions(pdf, report);
            signOff(pdf);
        }
        out.flush();
    }

    private static void positions(ReportDocument pdf, SafeguardingReport report) {
        ReportText text = pdf.text;
        pdf.heading(text.label("safeguarding.positions"));
        PdfPTable table = pdf.table(new float[] {1.5f, 2.3f, 2.2f, 2.2f, 2.5f, 2.3f, 2.3f, 2.6f});
        pdf.headerRow(table, text.labels("safeguarding.currency", "safeguarding.client", "safeguarding.unallocated",
                "safeguarding.debtorCredit", "safeguarding.requirement", "safeguarding.resource", "safeguarding.difference",
                "safeguarding.status"));
        boolean incomplete = false;
        for (SafeguardingPosition position : report.positions()) {
            boolean shortfall = position.status() == SafeguardingStatus.SHORTFALL;
            table.addCell(pdf.cell(position.currency(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.amount(position.client()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(text.amount(position.unallocated()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(text.amount(position.debtorCredit()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(text.amount(position.requirement()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(text.amount(position.resource()) + (position.resourceComplete() ? "" : " *"),
                    Element.ALIGN_RIGHT));
            String difference = text.amount(position.difference());
            String status = text.label(position.status());
            table.addCell(shortfall ? pdf.alertCell(difference, Element.ALIGN_RIGHT) : pdf.cell(difference, Element.ALIGN_RIGHT));
            table.addCell(shortfall ? pdf.alertCell(status, Element.ALIGN_LEFT) : pdf.cell(status, Element.ALIGN_LEFT));
            incomplete |= !position.resourceComplete();
        }
        if (report.positions().isEmpty()) {
            table.addCell(pdf.span(text.label("header.none"), 8));
        }
        pdf.add(table);
        if (incomplete) {
            pdf.add(pdf.paragraph("* " + text.label("safeguarding.resourceIncomplete"),
                    pdf.font(pdf.layout.bodySize, Font.ITALIC)));
        }
        if (report.shortfall()) {
            Paragraph warning = pdf.paragraph(text.label("safeguarding.shortfallWarning"), pdf.alertFont(pdf.layout.bodySize));
            warning.setSpacingBefore(4);
            pdf.add(warning);
        }
    }

    /** Lines to sign: name, signature and date for whoever prepared the report and whoever reviewed it. */
    private static void signOff(ReportDocument pdf) {
        ReportText text = pdf.text;
        pdf.heading(text.label("signoff.title"));
        PdfPTable table = pdf.table(new float[] {2, 4, 4, 2.4f});
        table.setKeepTogether(true);
        for (String role : text.labels("signoff.preparedBy", "signoff.reviewedBy")) {
            table.addCell(line(pdf, role, Font.BOLD));
            table.addCell(line(pdf, text.label("signoff.name"), Font.NORMAL));
            table.addCell(line(pdf, text.label("signoff.signature"), Font.NORMAL));
            table.addCell(line(pdf, text.label("signoff.date"), Font.NORMAL));
        }
        pdf.add(table);
    }

    private static PdfPCell line(ReportDocument pdf, String label, int style) {
        PdfPCell cell = pdf.cell(label, pdf.font(pdf.layout.bodySize, style), Element.ALIGN_LEFT);
        cell.setFixedHeight(34);
        cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
        cell.setBorder(style == Font.BOLD ? Rectangle.NO_BORDER : Rectangle.BOTTOM);
        cell.setPaddingRight(12);
        return cell;
    }
}
