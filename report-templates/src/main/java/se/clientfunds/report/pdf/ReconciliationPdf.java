package se.clientfunds.report.pdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.PdfPTable;

import se.clientfunds.report.Amount;

/**
 * Writes {@code reconciliation.pdf}: per account its status (reconciled, or failed in red), the matches per rule, the
 * roll-forward of breaks, the balance proof with what operators wrote off on a line of its own, statement continuity
 * worded per problem, an ageing summary, then three tables of breaks: the escalations (open breaks older than the
 * report's threshold), the timing items (the day's payouts and refunds the bank debits later) and the exceptions
 * (every other break, grouped by ageing bucket, oldest first), each break with its direction, counterparty and any
 * explanation. An unexplained difference, a missing statement or a continuity problem is printed in red. The tables
 * are handed to the page a few hundred rows at a time, so ten thousand breaks span many pages without piling up in
 * memory; the same report and locale give the same bytes.
 */
public final class ReconciliationPdf {

    /** Oldest first: the breaks that need chasing head the table. */
    static final Comparator<ReconciliationBreak> BREAK_ORDER = ReconciliationBreak.OLDEST_FIRST;

    /**
     * Relative widths of a breaks table's columns: id, type, direction, amount, currency, reference, counterparty,
     * booking date, age, status.
     */
    static final float[] BREAK_WIDTHS = {1.1f, 2.4f, 1.5f, 1.9f, 1.1f, 2.4f, 3, 1.6f, 0.9f, 1.5f};

    /** The column headings of a breaks table, the same in the real one and in the benchmark's bare one. */
    static final String[] BREAK_HEADINGS = {"breaks.id", "breaks.type", "breaks.direction", "breaks.amount", "breaks.currency",
        "breaks.reference", "breaks.counterparty", "breaks.bookingDate", "breaks.age", "breaks.status"};

    private static final int BREAK_COLUMNS = BREAK_WIDTHS.length;

    private final Locale locale;

    /** A renderer with the labels, number and date formats of {@code locale} (English, Swedish or German). */
    public ReconciliationPdf(Locale locale) {
        if (locale == null) {
            throw new IllegalArgumentException("locale is missing");
        }
        this.locale = locale;
    }

    public void write(ReconciliationReport report, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(report, out);
        }
    }

    /** Writes the report to {@code out}, which stays open. */
    public void write(ReconciliationReport report, OutputStream out) throws IOException {
        if (report == null) {
            throw new IllegalArgumentException("report is missing");
        }
        ReportText text = new ReportText(locale);
        String title = text.label("reconciliation.title");
        try (ReportDocument pdf = new ReportDocument(new NonClosing(out), PdfLayout.standard().reconciliationPage, title,
                report.header(), text)) {
            pdf.header(title, report.header());
            if (report.accounts().isEmpty()) {
                pdf.add(pdf.paragraph(text.label("reconciliation.noAccounts"), pdf.font(pdf.layout.bodySize, Font.ITALIC)));
            }
            for (AccountReconciliation account : report.accounts()) {
                pdf.newPage();
                account(pdf, account, report.escalateAfterDays());
            }
        }
        out.flush();
    }

    private static void account(ReportDocument pdf, AccountReconciliation account, int escalateAfterDays) {
        ReportText text = pdf.text;
        pdf.add(pdf.paragraph(text.label("reconciliation.account", account.accountIban(), account.currency()),
                pdf.font(pdf.layout.titleSize - 2, Font.BOLD)));
        String status = text.label("reconciliation.status", text.label(account.status()));
        pdf.add(pdf.paragraph(status, account.status() == ReconciliationStatus.FAILED_RECONCILIATION
                ? pdf.alertFont(pdf.layout.headingSize + 1) : pdf.font(pdf.layout.headingSize + 1, Font.BOLD)));
        if (account.needsAttention()) {
            pdf.add(pdf.paragraph(text.label("reconciliation.needsAttention"), pdf.alertFont(pdf.layout.bodySize)));
        }
        matches(pdf, account);
        rollForward(pdf, account.rollForward());
        balanceProof(pdf, account.balanceProof());
        continuity(pdf, account.continuityProblems());
        ageing(pdf, account);
        List<ReconciliationBreak> escalations = account.escalations(escalateAfterDays);
        breaks(pdf, text.label("reconciliation.escalations", text.count(escalateAfterDays), text.count(escalations.size())),
                escalations, false);
        List<ReconciliationBreak> timing = account.timingItems();
        breaks(pdf, text.label("reconciliation.timingItems", text.count(timing.size())), timing.stream().sorted(BREAK_ORDER)
                .toList(), false);
        List<ReconciliationBreak> exceptions = account.exceptions();
        breaks(pdf, text.label("reconciliation.exceptions", text.count(exceptions.size())),
                exceptions.stream().sorted(BREAK_ORDER).toList(), true);
    }

    private static void matches(ReportDocument pdf, AccountReconciliation account) {
        ReportText text = pdf.text;
        pdf.heading(text.label("reconciliation.matches"));
        PdfPTable table = narrow(pdf, new float[] {4, 1.5f});
        pdf.headerRow(table, text.labels("reconciliation.rule", "reconciliation.count"));
        long total = 0;
        for (MatchRule rule : MatchRule.values()) {
            int count = account.matches().get(rule);
            total += count;
            table.addCell(pdf.cell(text.label(rule), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.count(count), Element.ALIGN_RIGHT));
        }
        table.addCell(pdf.cell(text.label("reconciliation.total"), pdf.font(pdf.layout.tableSize, Font.BOLD), Element.ALIGN_LEFT));
        table.addCell(pdf.cell(text.count(total), pdf.font(pdf.layout.tableSize, Font.BOLD), Element.ALIGN_RIGHT));
        pdf.add(table);
    }

    private static void rollForward(ReportDocument pdf, RollForward rollForward) {
        ReportText text = pdf.text;
        pdf.heading(text.label("reconciliation.rollForward"));
        PdfPTable table = narrow(pdf, new float[] {1, 1, 1, 1});
        pdf.headerRow(table, text.labels("reconciliation.opening", "reconciliation.new", "reconciliation.cleared",
                "reconciliation.closing"));
        for (int count : new int[] {rollForward.opening(), rollForward.newBreaks(), rollForward.cleared(), rollForward.closing()}) {
            table.addCell(pdf.cell(text.count(count), Element.ALIGN_RIGHT));
        }
        pdf.add(table);
    }

    private static void balanceProof(ReportDocument pdf, BalanceProof proof) {
        ReportText text = pdf.text;
        pdf.heading(text.label("reconciliation.balanceProof"));
        if (proof == null) {
            pdf.add(pdf.paragraph(text.label("reconciliation.noStatement"), pdf.alertFont(pdf.layout.bodySize)));
            return;
        }
        PdfPTable table = narrow(pdf, new float[] {5, 2.5f, 1});
        line(pdf, table, "reconciliation.statementClosing", proof.statementClosing(), false);
        line(pdf, table, "reconciliation.booksClosing", proof.booksClosing(), false);
        line(pdf, table, "reconciliation.difference", proof.difference(), false);
        line(pdf, table, "reconciliation.bankOnly", proof.bankOnly(), false);
        line(pdf, table, "reconciliation.booksOnly", proof.booksOnly(), false);
        line(pdf, table, "reconciliation.residuals", proof.residuals(), false);
        line(pdf, table, "reconciliation.writtenOff", proof.writtenOff(), false);
        line(pdf, table, "reconciliation.explained", proof.explained(), false);
        line(pdf, table, "reconciliation.unexplained", proof.unexplained(), !proof.unexplained().isZero());
        pdf.add(table);
    }

    private static void line(ReportDocument pdf, PdfPTable table, String label, Amount amount, boolean alert) {
        ReportText text = pdf.text;
        if (alert) {
            table.addCell(pdf.alertCell(text.label(label), Element.ALIGN_LEFT));
            table.addCell(pdf.alertCell(text.amount(amount), Element.ALIGN_RIGHT));
            table.addCell(pdf.alertCell(amount.currency(), Element.ALIGN_LEFT));
        } else {
            table.addCell(pdf.cell(text.label(label), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.amount(amount), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(amount.currency(), Element.ALIGN_LEFT));
        }
    }

    private static void continuity(ReportDocument pdf, List<ContinuityProblem> problems) {
        ReportText text = pdf.text;
        pdf.heading(text.label("reconciliation.continuity"));
        if (problems.isEmpty()) {
            pdf.add(pdf.paragraph(text.label("reconciliation.continuityOk"), pdf.font(pdf.layout.bodySize, Font.NORMAL)));
        }
        for (ContinuityProblem problem : problems) {
            pdf.add(pdf.paragraph("! " + text.continuity(problem), pdf.alertFont(pdf.layout.bodySize)));
        }
    }

    /** Count and sum of the breaks still open (open or explained) per ageing bucket. */
    private static void ageing(ReportDocument pdf, AccountReconciliation account) {
        ReportText text = pdf.text;
        pdf.heading(text.label("reconciliation.ageing"));
        PdfPTable table = narrow(pdf, new float[] {3, 1.5f, 2.5f, 1});
        pdf.headerRow(table, text.labels("reconciliation.bucket", "reconciliation.count", "reconciliation.amount",
                "reconciliation.currency"));
        for (AgeingTotal total : account.ageing()) {
            table.addCell(pdf.cell(text.label(total.bucket()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.count(total.count()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(text.amount(total.amount()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(account.currency(), Element.ALIGN_LEFT));
        }
        pdf.add(table);
    }

    /**
     * A table of breaks under {@code heading}, in the order given; with {@code grouped}, each ageing bucket starts with
     * a row naming it and its count. Rows go to the page {@code breaks.rows-per-flush} at a time.
     */
    private static void breaks(ReportDocument pdf, String heading, List<ReconciliationBreak> breaks, boolean grouped) {
        ReportText text = pdf.text;
        pdf.heading(heading);
        PdfPTable table = breaksTable(pdf, text);
        if (breaks.isEmpty()) {
            table.addCell(pdf.span(text.label("header.none"), BREAK_COLUMNS));
            pdf.add(table);
            return;
        }
        // a large element: rows already on a page are dropped from the table at every add
        table.setComplete(false);
        Map<AgeingBucket, Integer> perBucket = new EnumMap<>(AgeingBucket.class);
        breaks.forEach(item -> perBucket.merge(item.bucket(), 1, Integer::sum));
        AgeingBucket current = null;
        int pending = 0;
        for (ReconciliationBreak item : breaks) {
            if (grouped && item.bucket() != current) {
                current = item.bucket();
                table.addCell(pdf.group(text.label(current) + " (" + text.count(perBucket.get(current)) + ")", BREAK_COLUMNS));
            }
            breakRow(pdf, table, item);
            if (++pending == pdf.layout.breaksRowsPerFlush) {
                pdf.addPart(table);
                pending = 0;
            }
        }
        table.setComplete(true);
        pdf.addPart(table);
    }

    static PdfPTable breaksTable(ReportDocument pdf, ReportText text) {
        PdfPTable table = pdf.table(BREAK_WIDTHS);
        table.setSpacingAfter(0);
        pdf.headerRow(table, text.labels(BREAK_HEADINGS));
        return table;
    }

    private static void breakRow(ReportDocument pdf, PdfPTable table, ReconciliationBreak item) {
        ReportText text = pdf.text;
        table.addCell(pdf.cell(Long.toString(item.id()), Element.ALIGN_RIGHT));
        table.addCell(pdf.cell(text.label(item.type()), Element.ALIGN_LEFT));
        table.addCell(pdf.cell(text.label(item.direction()), Element.ALIGN_LEFT));
        table.addCell(pdf.cell(text.amount(item.amount()), Element.ALIGN_RIGHT));
        table.addCell(pdf.cell(item.amount().currency(), Element.ALIGN_LEFT));
        table.addCell(pdf.cell(item.reference(), Element.ALIGN_LEFT));
        table.addCell(pdf.cell(item.counterparty(), Element.ALIGN_LEFT));
        table.addCell(pdf.cell(text.date(item.bookingDate()), Element.ALIGN_LEFT));
        table.addCell(pdf.cell(text.count(item.ageBankingDays()), Element.ALIGN_RIGHT));
        table.addCell(pdf.cell(text.label(item.status()), Element.ALIGN_LEFT));
        // the operators' explanation under its break, across the table: it is as long as it takes to say
        if (!item.explanation().isEmpty()) {
            table.addCell(pdf.note(text.label("breaks.explanation", item.explanation()), BREAK_COLUMNS, false));
        }
    }

    private static PdfPTable narrow(ReportDocument pdf, float[] widths) {
        PdfPTable table = pdf.table(widths);
        table.setWidthPercentage(Math.min(100, 15 * widths.length + 25));
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        return table;
    }
}
