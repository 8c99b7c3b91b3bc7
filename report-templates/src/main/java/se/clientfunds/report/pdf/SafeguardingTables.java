package se.clientfunds.report.pdf;

import java.util.List;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

/**
 * The tables {@code safeguarding.pdf} and the monthly return share: the resource per account at its reconciliation
 * point, and the actions recorded about a shortfall or excess. Their words are those of
 * {@code reports/pdf-messages*.properties}.
 */
public final class SafeguardingTables {

    private SafeguardingTables() {
    }

    /**
     * Each account's closing balance at its reconciliation point (the bank's time with its offset, or the end of the
     * business day when the statement gives none), after a sentence saying what that point is; an account without its
     * statement in red.
     */
    public static void resources(ReportDocument pdf, List<AccountResource> resources) {
        ReportText text = pdf.text;
        Paragraph point = pdf.bodyParagraph(text.label("safeguarding.reconciliationPoint"), Font.NORMAL);
        point.setSpacingAfter(4);
        pdf.add(point);
        PdfPTable table = pdf.table(new float[] {3.4f, 2.4f, 1.8f, 1.2f, 2.2f, 3});
        pdf.headerRow(table, text.labels("safeguarding.iban", "safeguarding.name", "safeguarding.bank", "header.currency",
                "safeguarding.closing", "safeguarding.asOf"));
        for (AccountResource account : resources) {
            table.addCell(pdf.cell(account.iban(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(account.name(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(account.bank(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(account.currency(), Element.ALIGN_LEFT));
            table.addCell(account.closing() == null ? pdf.alertCell(text.label("safeguarding.noStatement"), Element.ALIGN_RIGHT)
                    : pdf.cell(text.amount(account.closing()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(account.asOf().isEmpty() ? text.label("safeguarding.endOfDay") : text.bankTime(account.asOf()),
                    Element.ALIGN_LEFT));
        }
        if (resources.isEmpty()) {
            table.addCell(pdf.span(text.label("header.none"), 6));
        }
        pdf.add(table);
    }

    /** What was done about a shortfall or excess: day, action, amount, who, when (with its offset) and why. */
    public static void actions(ReportDocument pdf, List<SafeguardingAction> actions) {
        ReportText text = pdf.text;
        PdfPTable table = pdf.table(new float[] {1.7f, 2.4f, 2, 1.2f, 1.9f, 3.4f, 3.4f});
        pdf.headerRow(table, text.labels("safeguarding.actionDay", "safeguarding.action", "safeguarding.amount",
                "header.currency", "safeguarding.by", "safeguarding.recordedAt", "safeguarding.reason"));
        for (SafeguardingAction action : actions) {
            table.addCell(pdf.cell(text.date(action.day()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(actionType(text, action), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.amount(action.amount()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(action.amount().currency(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(action.operator(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.dateTime(action.at()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(action.reason(), Element.ALIGN_LEFT));
        }
        if (actions.isEmpty()) {
            table.addCell(pdf.span(text.label("header.none"), 7));
        }
        pdf.add(table);
    }

    /** The kind of a safeguarding action in the report's language. */
    public static String actionType(ReportText text, SafeguardingAction action) {
        return text.label("ActionType." + action.type().name());
    }
}
