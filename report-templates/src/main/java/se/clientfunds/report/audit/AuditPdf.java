package se.clientfunds.report.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import se.clientfunds.report.pdf.ReportDocument;
import se.clientfunds.report.pdf.ReportText;

/**
 * Writes {@code audit.pdf}: the report header, then the day's job executions (which attempt of its job instance each
 * is, start and end with their offset from UTC, status, records dealt with, and under it its parameters, who started
 * it and why, and the root cause of one that did not complete, in red), the operator actions with who, when, what, on what, why and the
 * business day they concern, the input and output files with their SHA-256, the goAML filings made on the day (file,
 * alert number, SHA-256: the day's manifest lists them too), and the manifest written before this
 * version's, which the chain of manifests links to. The document records when things ran, so two days' runs differ,
 * but the same report and locale give the same bytes.
 *
 * <pre>{@code
 * new AuditPdf(Locale.forLanguageTag("sv")).write(report, Path.of("reports/2025-03-14/audit.pdf"));
 * }</pre>
 */
public final class AuditPdf {

    static final String BUNDLE = "reports/audit-messages";

    /** Relative widths: job, execution, attempt, start, end, status, exit status, records, written, skipped. */
    private static final float[] RUN_WIDTHS = {2.6f, 1.2f, 1.1f, 3.1f, 3.1f, 2.1f, 2.1f, 1.1f, 1.3f, 1.4f};

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
            filings(pdf, text, report.filings());
            previousManifest(pdf, text, report.previousManifest());
        }
        out.flush();
    }

    private static void jobRuns(ReportDocument pdf, ReportText text, List<JobRun> runs) {
        pdf.heading(text.label("audit.jobRuns", text.count(runs.size())));
        PdfPTable table = pdf.table(RUN_WIDTHS);
        // a job's name, a status and a time read as one: their columns are made wide enough to keep each on a line
        List<String> jobs = runs.stream().map(JobRun::jobName).toList();
        List<String> starts = runs.stream().map(run -> text.dateTime(run.start())).toList();
        List<String> ends = runs.stream().map(run -> run.end() == null ? text.label("audit.notEnded") : text.dateTime(run.end()))
                .toList();
        List<String> statuses = runs.stream().flatMap(run -> Stream.of(text.code("JobStatus", run.status()),
                text.code("JobStatus", run.exitStatus()))).toList();
        pdf.headerRow(table, text.labels("audit.job", "audit.executionId", "audit.attempt", "audit.start", "audit.end",
                "audit.status", "audit.exitStatus", "audit.records", "audit.written", "audit.skipped"),
                List.of(jobs, List.of(), List.of(), starts, ends, statuses, statuses));
        for (JobRun run : runs) {
            table.addCell(pdf.cell(run.jobName(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(Long.toString(run.executionId()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(text.label("audit.attemptOf", text.count(run.attempt()), text.count(run.attempts())),
                    Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.dateTime(run.start()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(run.end() == null ? text.label("audit.notEnded") : text.dateTime(run.end()),
                    Element.ALIGN_LEFT));
            table.addCell(status(pdf, text.code("JobStatus", run.status()), run.needsAttention()));
            table.addCell(status(pdf, text.code("JobStatus", run.exitStatus()), run.needsAttention()));
            table.addCell(pdf.cell(text.count(run.records()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(text.count(run.writeCount()), Element.ALIGN_RIGHT));
            table.addCell(pdf.cell(text.count(run.skipCount()), Element.ALIGN_RIGHT));
            // parameters, who and why under the run, across the table: they are as long as it takes to say
            if (!run.parameters().isEmpty()) {
                table.addCell(pdf.note(text.label("audit.parameters", run.parameters()), RUN_WIDTHS.length, false));
            }
            if (!run.startedBy().isEmpty()) {
                table.addCell(pdf.note(run.startReason().isEmpty() ? text.label("audit.startedBy", run.startedBy())
                        : text.label("audit.startedByBecause", run.startedBy(), run.startReason()), RUN_WIDTHS.length, false));
            }
            if (!run.rootCause().isEmpty()) {
                table.addCell(pdf.note(text.label("audit.rootCause", run.rootCause()), RUN_WIDTHS.length, true));
            }
        }
        none(pdf, text, table, runs, RUN_WIDTHS.length);
    }

    private static PdfPCell status(ReportDocument pdf, String status, boolean alert) {
        return alert ? pdf.alertCell(status, Element.ALIGN_LEFT) : pdf.cell(status, Element.ALIGN_LEFT);
    }

    private static void operatorActions(ReportDocument pdf, ReportText text, List<OperatorAction> actions) {
        pdf.heading(text.label("audit.operatorActions", text.count(actions.size())));
        PdfPTable table = pdf.table(new float[] {3.1f, 1.9f, 2, 2.2f, 2.6f, 5.5f});
        pdf.headerRow(table, text.labels("audit.when", "audit.concerns", "audit.who", "audit.action", "audit.subject",
                "audit.reason"), List.of(actions.stream().map(action -> text.dateTime(action.at())).toList()));
        for (OperatorAction action : actions) {
            table.addCell(pdf.cell(text.dateTime(action.at()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.date(action.concerns()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(action.who(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(text.code("ActionCode", action.action()), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(action.subject(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(action.reason(), Element.ALIGN_LEFT));
        }
        none(pdf, text, table, actions, 6);
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
            table.addCell(pdf.cell(text.code("FileStatus", file.status()), Element.ALIGN_LEFT));
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

    /** The filings with the FIU made on the day, by the alert's number only (no subject: no tipping-off). */
    private static void filings(ReportDocument pdf, ReportText text, List<Filing> filings) {
        pdf.heading(text.label("audit.filings", text.count(filings.size())));
        PdfPTable table = pdf.table(new float[] {5, 1.2f, 6});
        table.setWidthPercentage(90);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        pdf.headerRow(table, text.labels("audit.file", "audit.alert", "header.sha256"));
        for (Filing filing : filings) {
            table.addCell(pdf.cell(filing.file(), Element.ALIGN_LEFT));
            table.addCell(pdf.cell(Long.toString(filing.alertId()), Element.ALIGN_RIGHT));
            table.addCell(pdf.hashCell(filing.sha256()));
        }
        none(pdf, text, table, filings, 3);
    }

    /** The manifest this version's links to, so a reader can check the chain by its SHA-256; or that there is none. */
    private static void previousManifest(ReportDocument pdf, ReportText text, AuditReport.PreviousManifest previous) {
        pdf.heading(text.label("audit.previousManifest"));
        if (previous == null) {
            pdf.add(pdf.bodyParagraph(text.label("audit.firstManifest"), Font.ITALIC));
            return;
        }
        PdfPTable table = pdf.table(new float[] {2, 1.2f, 3.6f, 6});
        table.setWidthPercentage(90);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        pdf.headerRow(table, text.labels("header.businessDate", "header.version", "audit.path", "header.sha256"));
        table.addCell(pdf.cell(text.date(previous.businessDate()), Element.ALIGN_LEFT));
        table.addCell(pdf.cell(text.count(previous.version()), Element.ALIGN_RIGHT));
        table.addCell(pdf.cell(previous.path(), Element.ALIGN_LEFT));
        table.addCell(pdf.hashCell(previous.sha256()));
        pdf.add(table);
    }

    /** Adds the table, with a "none" row when there is nothing to list. */
    private static void none(ReportDocument pdf, ReportText text, PdfPTable table, List<?> items, int columns) {
        if (items.isEmpty()) {
            table.addCell(pdf.span(text.label("header.none"), columns));
        }
        pdf.add(table);
    }
}
