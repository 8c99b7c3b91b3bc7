package se.clientfunds.report.pdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

import se.clientfunds.report.Amount;

/**
 * Writes {@code safeguarding.pdf}, the day's safeguarding statement as an examiner reads it (FCA CASS 15,
 * Finansinspektionen): per currency the requirement broken down (client, unallocated and debtor credit accounts,
 * payments in transit and how many) against the resource, the difference and its status, a shortfall in red; per
 * currency the reconciling schedule that explains resource − client money to the cent and ends on the same excess or
 * shortfall; the resource per account at its reconciliation point; the safeguarding method; the actions recorded about
 * this day and about the banking day before; and a sign-off block for the preparer and the reviewer. The same report
 * and locale give the same bytes.
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
            for (SafeguardingPosition position : report.positions()) {
                schedule(pdf, position);
            }
            resources(pdf, report.resources());
            method(pdf, report.method());
            actions(pdf, text.label("safeguarding.actions"), report.actions());
            actions(pdf, text.label("safeguarding.previousDayActions"), report.previousDayActions());
            signOff(pdf);
        }
        out.flush();
    }

    /** One column per currency, one row per part of the requirement, then the resource, the difference and its status. */
    private static void positions(ReportDocument pdf, SafeguardingReport report) {
        ReportText text = pdf.text;
        pdf.heading(text.label("safeguarding.positions"));
        List<SafeguardingPosition> positions = report.positions();
        if (positions.isEmpty()) {
            pdf.add(pdf.bodyParagraph(text.label("header.none"), Font.ITALIC));
            return;
        }
        float[] widths = new float[1 + positions.size()];
        widths[0] = 4.5f;
        java.util.Arrays.fill(widths, 1, widths.length, 2.2f);
        PdfPTable table = pdf.table(widths);
        table.setWidthPercentage(Math.min(100, 40 + 15 * positions.size()));
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        List<String> headings = new ArrayList<>();
        headings.add(text.label("safeguarding.currency"));
        positions.forEach(position -> headings.add(position.currency()));
        pdf.headerRow(table, headings);
        Font bold = pdf.font(pdf.layout.tableSize, Font.BOLD);
        row(pdf, table, text.label("AccountKind.CLIENT"), positions, position -> text.amount(position.client()), null);
        row(pdf, table, text.label("AccountKind.UNALLOCATED"), positions, position -> text.amount(position.unallocated()), null);
        row(pdf, table, text.label("AccountKind.DEBTOR_CREDIT"), positions, position -> text.amount(position.debtorCredit()),
                null);
        row(pdf, table, text.label("safeguarding.inTransit"), positions, position -> text.amount(position.inTransit()), null);
        row(pdf, table, text.label("safeguarding.inTransitCount"), positions, position -> text.count(position.inTransitCount()),
                null);
        row(pdf, table, text.label("safeguarding.requirement"), positions, position -> text.amount(position.requirement()), bold);
        row(pdf, table, text.label("safeguarding.resource"), positions,
                position -> text.amount(position.resource()) + (position.resourceComplete() ? "" : " *"), bold);
        table.addCell(pdf.cell(text.label("safeguarding.difference"), bold, Element.ALIGN_LEFT));
        for (SafeguardingPosition position : positions) {
            String difference = text.amount(position.difference());
            table.addCell(shortfall(position) ? pdf.alertCell(difference, Element.ALIGN_RIGHT)
                    : pdf.cell(difference, bold, Element.ALIGN_RIGHT));
        }
        table.addCell(pdf.cell(text.label("safeguarding.status"), bold, Element.ALIGN_LEFT));
        for (SafeguardingPosition position : positions) {
            String status = text.label(position.status());
            table.addCell(shortfall(position) ? pdf.alertCell(status, Element.ALIGN_RIGHT) : pdf.cell(status, bold,
                    Element.ALIGN_RIGHT));
        }
        pdf.add(table);
        if (positions.stream().anyMatch(position -> !position.resourceComplete())) {
            pdf.add(pdf.bodyParagraph("* " + text.label("safeguarding.resourceIncomplete"), Font.ITALIC));
        }
        if (report.shortfall()) {
            Paragraph warning = pdf.alertParagraph(text.label("safeguarding.shortfallWarning"));
            warning.setSpacingBefore(4);
            pdf.add(warning);
        }
    }

    private static void row(ReportDocument pdf, PdfPTable table, String label, List<SafeguardingPosition> positions,
                            Function<SafeguardingPosition, String> value, Font font) {
        Font words = font == null ? pdf.font(pdf.layout.tableSize, Font.NORMAL) : font;
        table.addCell(pdf.cell(label, words, Element.ALIGN_LEFT));
        for (SafeguardingPosition position : positions) {
            table.addCell(pdf.cell(value.apply(position), words, Element.ALIGN_RIGHT));
        }
    }

    /**
     * The schedule's lines as they add up to resource − client money, then the payments in transit taken off again
     * (they are owed, so in the requirement), which leaves the excess or shortfall of the table above.
     */
    private static void schedule(ReportDocument pdf, SafeguardingPosition position) {
        ReportText text = pdf.text;
        ReconcilingSchedule schedule = position.schedule();
        // the records make this hold; the statement must never show two different differences for one currency
        if (!schedule.excessOrShortfall().equals(position.difference())) {
            throw new IllegalStateException("the reconciling schedule of " + position.currency() + " ends on "
                    + schedule.excessOrShortfall() + ", the position's difference is " + position.difference());
        }
        pdf.heading(text.label("safeguarding.schedule", position.currency()));
        PdfPTable table = pdf.table(new float[] {8, 2.4f, 1});
        pdf.headerRow(table, text.labels("safeguarding.scheduleLine", "safeguarding.amount", "header.currency"));
        for (Map.Entry<String, Amount> line : schedule.lines().entrySet()) {
            boolean alert = line.getKey().equals("unexplained") && !line.getValue().isZero();
            scheduleLine(pdf, table, text.label("schedule." + line.getKey()), line.getValue(), alert, Font.NORMAL);
        }
        scheduleLine(pdf, table, text.label("schedule.total"), schedule.total(), false, Font.BOLD);
        scheduleLine(pdf, table, text.label("schedule.inTransitOwed"), Amount.of(0, schedule.currency()).minus(schedule.inTransit()),
                false, Font.NORMAL);
        scheduleLine(pdf, table, text.label("schedule.result", text.label(position.status())), schedule.excessOrShortfall(),
                shortfall(position), Font.BOLD);
        pdf.add(table);
    }

    private static void scheduleLine(ReportDocument pdf, PdfPTable table, String label, Amount amount, boolean alert, int style) {
        ReportText text = pdf.text;
        if (alert) {
            table.addCell(pdf.alertCell(label, Element.ALIGN_LEFT));
            table.addCell(pdf.alertCell(text.amount(amount), Element.ALIGN_RIGHT));
            table.addCell(pdf.alertCell(amount.currency(), Element.ALIGN_LEFT));
            return;
        }
        Font font = pdf.font(pdf.layout.tableSize, style);
        table.addCell(pdf.cell(label, font, Element.ALIGN_LEFT));
        table.addCell(pdf.cell(text.amount(amount), font, Element.ALIGN_RIGHT));
        table.addCell(pdf.cell(amount.currency(), font, Element.ALIGN_LEFT));
    }

    private static void resources(ReportDocument pdf, List<AccountResource> resources) {
        pdf.heading(pdf.text.label("safeguarding.resources"));
        SafeguardingTables.resources(pdf, resources);
    }

    private static void method(ReportDocument pdf, SafeguardingMethod method) {
        pdf.heading(pdf.text.label("safeguarding.method"));
        pdf.add(pdf.bodyParagraph(pdf.text.label(method), Font.NORMAL));
    }

    private static void actions(ReportDocument pdf, String heading, List<SafeguardingAction> actions) {
        pdf.heading(heading);
        SafeguardingTables.actions(pdf, actions);
    }

    private static boolean shortfall(SafeguardingPosition position) {
        return position.status().alert();
    }

    /** Lines to sign: name, signature and date for whoever prepared the report and whoever reviewed it. */
    private static void signOff(ReportDocument pdf) {
        ReportText text = pdf.text;
        pdf.heading(text.label("signoff.title"));
        PdfPTable table = pdf.table(new float[] {2, 4, 4, 2.4f});
        table.setKeepTogether(true);
        for (String role : text.labels("signoff.preparedBy", "signoff.reviewedBy")) {
            table.addCell(pdf.signatureLabel(role));
            table.addCell(pdf.signatureLine(text.label("signoff.name")));
            table.addCell(pdf.signatureLine(text.label("signoff.signature")));
            table.addCell(pdf.signatureLine(text.label("signoff.date")));
        }
        pdf.add(table);
    }
}
