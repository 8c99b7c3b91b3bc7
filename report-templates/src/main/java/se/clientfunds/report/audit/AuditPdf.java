package se.clientfunds.report.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import se.clientfunds.report.pdf.ReportDocument;
import se.clientfunds.report.pdf.ReportText;

/**
 * Writes {@code audit.pdf}: the report header, then the day's job runs (parameters, start, end, status, counts,
 * restarts), the operator actions with who and why, and the input and output files with their SHA-256. A run that did
 * not complete is printed in red. The document records when things ran, so two days' runs differ, but the same report
 * and locale give the same bytes.
 *
 * <pre>{@code
 * new AuditPdf(Locale.forLanguageTag("sv")).write(report, Path.of("reports/2025-03-14/audit.pdf"));
 * }</pre>
 */
public final class AuditPdf {

    static final String BUNDLE = "reports/audit-messages";

    /** Relative widths: job, execution, parameters, start, end, status, exit status, read, written, skipped, restarts. */
    private static final float[] RUN_WIDTHS = {2.6f, 1.2f, 3.2f, 2.6f, 2.6f, 1.6f, 1.6f, 1.2f, 1.2f, 1.6f, 1.3f};

    private final Locale locale;

    /** A renderer with the labels, number and date formats of {@code locale} (English, Swedish or German). */
    public AuditPdf(Locale locale) {
        if (locale == null) {
            throw new IllegalArgumentException("locale is missing");
        }
        this.locale = locale;
    }

    public void write(AuditReport report, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(report, out);
        }
    }

    /** Writes the report to {@code out}, which stays open. */
    public void write(AuditReport report, OutputStream out) throws IOException {
        if (report == null) {
            throw new IllegalArgumentException("report is missing");
        }
        ReportText text = new ReportText(locale, BUNDLE);
        String title = text.label("audit.title");
        try (ReportDocument pdf = new ReportDocument(ReportDocument.keepOpen(out), ReportDocument.pageSize("page.audit"),
                title, report.header(), text)) {
            pdf.header(title, report.header());
            jobRuns(pdf, text, report.jobRuns());
            operatorActions(pdf, text, report.operatorActions());
            inputFiles(pdf, text, report.inputFiles());
            outputFiles(pdf, text, report.outputFiles());
        }
        out.flush();
    }

    private static void jobRuns(ReportDocument pdf, ReportText text, List<JobRun> runs) {
        pdf.heading(text.label("audit.jobRuns", text.count(runs.size())));
        PdfPTable table = pdf.table(RUN_WIDTHS);
        pdf.headerRow(table, text.labels("audit.job", "audit.executionId", "audit.parameters", "audit.start", "audit.end",
                "audit.status", "audit.exitStatus", "audit.read", "audit.written", "audit.skipped", "audit.restarts"));
        for (JobRun run : runs) {
            table.addCell(pdf.cell(run.jobName(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(Long.toString(run.executionId()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(run.parameters(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.dateTime(run.start().toLocalDateTime()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(run.end() == null ? text.label("audit.notEnded") : text.dateTime(run.end().toLocalDateTime()),
                    Element.ALIGN_LEFT));
            table.addCell(status(pdf, run.status(), run.needsAttention()));
            table.addCell(status(pdf, run.exitStatus(), run.needsAttention()));
            table.addCell(pdf.cell(text.count(run.records()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(text.count(run.writeCount()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(text.count(run.skipCount()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(text.count(run.attempt() - 1), Element.ALIGN_RIGHT));
        }
        none(pdf, text, table, runs, RUN_WIDTHS.length);
    }

    private static PdfPCell status(ReportDocument pdf, String status, boolean alert) {
        return alert ? pdf.alertCell(status, Element.ALIGN_LEFT) : pdf.cell(status, Element.ALIGN_LEFT);
    }

    private static void operatorActions(ReportDocument pdf, ReportText text, List<OperatorAction> actions) {
        pdf.heading(text.label("audit.operatorActions", text.count(actions.size())));
        PdfPTable table = pdf.table(new float[] {2, 2, 2, 3, 6});
        pdf.headerRow(table, text.labels("audit.when", "audit.who", "audit.action", "audit.subject", "audit.reason"));
        for (OperatorAction action : actions) {
            table.addCell(pdf.cell(text.dateTime(action.at().toLocalDateTime()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(action.who(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(action.action(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(action.subject(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(action.reason(), Element.ALIGN_LEFT));
        }
        none(pdf, text, table, actions, 5);
    }

    private static void inputFiles(ReportDocument pdf, ReportText text, List<ImportedFile> files) {
        pdf.heading(text.label("audit.inputFiles", text.count(files.size())));
        PdfPTable table = pdf.table(new float[] {3.4f, 1.3f, 5.6f, 1.5f, 1.5f, 2.1f});
        pdf.headerRow(table, text.labels("audit.file", "audit.kind", "header.sha256", "audit.size", "audit.status",
                "audit.importedRows"));
        for (ImportedFile file : files) {
            table.addCell(pdf.cell(file.name(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(file.kind(), Element.ALIGN_LEFT));
            table.addCell(pdf.hashCell(file.sha256()));
            table.addCell(pdf.cell(text.count(file.sizeBytes()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(file.status(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.count(file.importedRows()), Element.ALIGN_RIGHT));
        }
        none(pdf, text, table, files, 6);
    }

    private static void outputFiles(ReportDocument pdf, ReportText text, List<OutputFile> files) {
        pdf.heading(text.label("audit.outputFiles", text.count(files.size())));
        PdfPTable table = pdf.table(new float[] {5, 6});
        table.setWidthPercentage(80);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        pdf.headerRow(table, text.labels("audit.file", "header.sha256"));
        for (OutputFile file : files) {
            table.addCell(pdf.cell(file.name(), Element.ALIGN_LEFT));
            table.addCell(pdf.hashCell(file.sha256()));
        }
        none(pdf, text, table, files, 2);
    }

    /** Adds the table, with a "none" row when there is nothing to list. */
    private static void none(ReportDocument pdf, ReportText text, PdfPTable table, List<?> items, int columns) {
        if (items.isEmpty()) {
            table.addCell(pdf.span(text.label("header.none"), columns));
        }
        pdf.add(table);
    }
}
