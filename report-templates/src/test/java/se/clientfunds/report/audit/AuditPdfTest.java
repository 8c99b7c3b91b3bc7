package se.clientfunds.report.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.report.ReportFiles;

class AuditPdfTest {

    @TempDir
    Path dir;

    @Test
    void printsTheHeaderJobRunsWithCountsAndRestartsInTheOrderTheyStarted() throws IOException {
        // when
        String text = ReportFiles.pdfText(render(AuditFixtures.report(), Locale.ENGLISH, "en.pdf"));

        // then: the header every report carries
        assertThat(text).contains("Audit trail of the business day", "Business date 14 Mar 2025", "Job execution id 4711",
                "camt053_2025-03-14.xml " + AuditFixtures.CAMT_HASH, "statement entries 1,234 1,234,567.89 SEK");
        // the runs, first started first: counts, then restarts (executions of the instance less one)
        assertThat(text).containsSubsequence("Job runs (3)", "importBankFilesJob 4701", "closeBusinessDayJob 4705",
                "closeBusinessDayJob 4712");
        assertThat(text).contains("14 Mar 2025 06:00:05 14 Mar 2025 06:02:18 COMPLETED COMPLETED 12,345 12,340 5 0",
                "14 Mar 2025 06:30:05 14 Mar 2025 06:31:05 FAILED FAILED 800 799 0 1",
                "14 Mar 2025 07:00:05 not ended STARTED UNKNOWN 10 0 0 2");
    }

    @Test
    void printsOperatorActionsWithWhoAndWhyAndEveryFileWithItsSha256() throws IOException {
        // when
        String text = ReportFiles.pdfText(render(AuditFixtures.report(), Locale.ENGLISH, "en.pdf"));

        // then
        assertThat(text).containsSubsequence("Operator actions (2)",
                "14 Mar 2025 06:40:05 anna.finance EXPLAIN_BREAK break 900001 bank fee deducted, booked tomorrow",
                "14 Mar 2025 06:50:05 karin.operator RESTART job execution 4705 database failover at 06:31, retrying");
        // input files by name, the hash in lower case
        assertThat(text).containsSubsequence("Input files received (2)",
                "bgmax_2025-03-14.txt BGMAX " + AuditFixtures.BGMAX_HASH + " 2,048 DUPLICATE 0",
                "camt053_2025-03-14.xml CAMT053 " + AuditFixtures.CAMT_HASH + " 1,048,576 IMPORTED 12,340");
        assertThat(text).containsSubsequence("Output files written (2)", "positions.xlsx " + AuditFixtures.BGMAX_HASH,
                "reconciliation.pdf " + AuditFixtures.REPORT_HASH);
    }

    @Test
    void landscapePagesAndNoneWhereNothingHappened() throws IOException {
        // given
        AuditReport quiet = new AuditReport(AuditFixtures.report().header(), List.of(), List.of(), List.of(), List.of());

        // when
        Path pdf = render(quiet, Locale.ENGLISH, "quiet.pdf");

        // then
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            // OpenPDF writes a landscape page as a portrait media box turned by 90 degrees
            PDRectangle page = document.getPage(0).getMediaBox();
            boolean turned = document.getPage(0).getRotation() % 180 == 90;
            assertThat(turned ? page.getHeight() : page.getWidth()).isEqualTo(842f);
            assertThat(turned ? page.getWidth() : page.getHeight()).isEqualTo(595f);
        }
        assertThat(ReportFiles.pdfText(pdf)).contains("Job runs (0)", "Operator actions (0)", "Output files written (0)", "Page 1 of 1")
                .containsPattern("When Who Action Subject Reason\\s+None");
    }

    @Test
    void swedishAndGermanLabelsDatesAndNumbers() throws IOException {
        // when
        String swedish = ReportFiles.pdfText(render(AuditFixtures.report(), Locale.forLanguageTag("sv"), "sv.pdf"));
        String german = ReportFiles.pdfText(render(AuditFixtures.report(), Locale.GERMAN, "de.pdf"));

        // then
        assertThat(swedish).contains("Granskningslogg för affärsdagen", "Jobbkörningar (3)", "Omstarter",
                "Operatörsåtgärder (2)", "Motivering", "Mottagna indatafiler (2)", "Importerade rader",
                "2025-03-14 06:00:05 2025-03-14 06:02:18 COMPLETED COMPLETED 12\u00a0345 12\u00a0340 5 0", "ej avslutad",
                "Affärsdag 2025-03-14", "Sida 1 av");
        assertThat(german).contains("Prüfprotokoll des Geschäftstags", "Jobläufe (3)", "Neustarts", "Begründung",
                "Eingriffe von Operatoren (2)", "Geschriebene Ausgabedateien (2)",
                "14.03.2025 06:00:05 14.03.2025 06:02:18 COMPLETED COMPLETED 12.345 12.340 5 0", "nicht beendet",
                "1.048.576 IMPORTED 12.340", "Seite 1 von");
    }

    @Test
    void sameRecordsGiveTheSameBytesWhateverTheirOrder() throws Exception {
        // given
        AuditReport report = AuditFixtures.report();
        AuditReport reordered = new AuditReport(report.header(), reversed(report.jobRuns()),
                reversed(report.operatorActions()), reversed(report.inputFiles()), reversed(report.outputFiles()));
        AuditReport laterEnd = new AuditReport(report.header(), List.of(withEnd(report.jobRuns().get(2))),
                report.operatorActions(), report.inputFiles(), report.outputFiles());

        // when
        Path first = render(report, Locale.GERMAN, "first.pdf");
        Thread.sleep(1_100);
        Path second = render(reordered, Locale.GERMAN, "second.pdf");
        ByteArrayOutputStream third = new ByteArrayOutputStream();
        new AuditPdf(Locale.GERMAN).write(report, third);
        Path other = render(laterEnd, Locale.GERMAN, "other.pdf");

        // then
        assertThat(ReportFiles.sha256(second)).isEqualTo(ReportFiles.sha256(first));
        assertThat(third.toByteArray()).isEqualTo(Files.readAllBytes(first));
        assertThat(ReportFiles.sha256(other)).isNotEqualTo(ReportFiles.sha256(first));
    }

    @Test
    void brokenRecordsAreRefusedNamingTheField() {
        LocalDateTime start = AuditFixtures.DAY.atTime(6, 0);
        assertThatThrownBy(() -> new JobRun(" ", 1, "", start, null, "COMPLETED", "", 0, 0, 0, 1))
                .hasMessageContaining("jobName");
        assertThatThrownBy(() -> new JobRun("closeBusinessDayJob", 1, "", start, start.minusSeconds(1), "COMPLETED", "",
                0, 0, 0, 1)).hasMessageContaining("end").hasMessageContaining("before its start");
        assertThatThrownBy(() -> new JobRun("closeBusinessDayJob", 1, "", start, null, "COMPLETED", "", 0, -3, 0, 1))
                .hasMessageContaining("writeCount -3");
        assertThatThrownBy(() -> new JobRun("closeBusinessDayJob", 1, "", start, null, "COMPLETED", "", 0, 0, 0, 0))
                .hasMessageContaining("instanceExecutions 0");
        assertThatThrownBy(() -> new OperatorAction(start, "", "RESTART", "job execution 1", "why"))
                .hasMessageContaining("who");
        assertThatThrownBy(() -> new OperatorAction(null, "karin", "RESTART", "job execution 1", "why"))
                .hasMessageContaining("at of operator action RESTART");
        assertThatThrownBy(() -> new ImportedFile("camt.xml", "CAMT053", "abc", 1, "IMPORTED", 1))
                .hasMessageContaining("sha256 'abc' of input file camt.xml");
        assertThatThrownBy(() -> new ImportedFile("camt.xml", "CAMT053", AuditFixtures.CAMT_HASH, -1, "IMPORTED", 1))
                .hasMessageContaining("sizeBytes -1");
        assertThatThrownBy(() -> new OutputFile("audit.pdf", null)).hasMessageContaining("sha256 'null' of output file audit.pdf");
        AuditReport report = AuditFixtures.report();
        assertThatThrownBy(() -> new AuditReport(report.header(), List.of(report.jobRuns().get(0), report.jobRuns().get(0)),
                List.of(), List.of(), List.of())).hasMessageContaining("executionId 4701 twice");
        assertThatThrownBy(() -> new AuditReport(report.header(), null, List.of(), List.of(), List.of()))
                .hasMessageContaining("jobRuns is missing");
        assertThatThrownBy(() -> new AuditPdf(null)).hasMessageContaining("locale");
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> copy = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static JobRun withEnd(JobRun run) {
        return new JobRun(run.jobName(), run.executionId(), run.parameters(), run.start(), run.start().plusHours(1),
                "COMPLETED", "COMPLETED", run.readCount(), run.writeCount(), run.skipCount(), run.instanceExecutions());
    }

    private Path render(AuditReport report, Locale locale, String name) throws IOException {
        Path file = dir.resolve(name);
        new AuditPdf(locale).write(report, file);
        return file;
    }
}
