package se.clientfunds.report.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.report.PdfGlyphs;
import se.clientfunds.report.ReportFiles;
import se.clientfunds.report.pdf.ColouredText;
import se.clientfunds.report.pdf.ReportFixtures;

class AuditPdfTest {

    @TempDir
    Path dir;

    @Test
    void printsTheHeaderAndEachJobExecutionWithItsAttemptWhoStartedItAndWhyInTheOrderTheyStarted() throws IOException {
        // when
        String text = ReportFiles.pdfText(render(AuditFixtures.report(), Locale.ENGLISH, "en.pdf"));

        // then: the header every report carries
        assertThat(text).contains("Audit trail of the business day", "Business date 14 Mar 2025", "Job execution id 4711",
                "camt053_2025-03-14.xml " + AuditFixtures.CAMT_HASH, "Job executions 3", "Files received 2");
        // the runs, first started first: attempt n of m, times with their offset, statuses worded, records
        assertThat(text).containsSubsequence("Job executions (3)", "importBankFilesJob 4701 1 of 1",
                "closeBusinessDayJob 4705 1 of 3", "closeBusinessDayJob 4712 3 of 3");
        assertThat(text).contains(
                "importBankFilesJob 4701 1 of 1 14 Mar 2025 06:00:05 +01:00 14 Mar 2025 06:02:18 +01:00 Completed Completed 12,345"
                        + " 12,340 5",
                "closeBusinessDayJob 4705 1 of 3 14 Mar 2025 06:30:05 +01:00 14 Mar 2025 06:31:05 +01:00 Failed Failed 800 799 0",
                "closeBusinessDayJob 4712 3 of 3 14 Mar 2025 07:00:05 +01:00 not ended Started Unknown 10 0 0");
        // its parameters, who started each and why, under it; the root cause of the one that failed
        assertThat(text).containsSubsequence("importBankFilesJob 4701",
                "Parameters: businessDate=2025-03-14, file=camt053_2025-03-14.xml", "Started by settle.",
                "closeBusinessDayJob 4705", "Parameters: businessDate=2025-03-14", "Started by settle.",
                "Root cause: SQLTransientConnectionException: connection to mariadb lost",
                "closeBusinessDayJob 4712", "Started by karin.operator: database back, second restart");
        assertThat(text).contains("Job Execution Attempt Start End Status Exit status Records Written Skipped");
    }

    @Test
    void aRunThatDidNotCompleteAndItsRootCauseAreRedAndACompletedOneIsNot() throws IOException {
        // given
        Path pdf = render(AuditFixtures.report(), Locale.ENGLISH, "en.pdf");

        // when
        ColouredText text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = ColouredText.of(document);
        }

        // then
        assertThat(text.coloursOf("Root cause: SQLTransientConnectionException")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("Failed")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("Unknown")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("Completed")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("Started by settle.")).isNotEmpty().noneMatch(ColouredText::red);
    }

    @Test
    void printsOperatorActionsWithTheDayTheyConcernEveryFileWithItsSha256AndThePreviousManifest() throws IOException {
        // when
        String text = ReportFiles.pdfText(render(AuditFixtures.report(), Locale.ENGLISH, "en.pdf"));

        // then: by time, with the offset, the business day each concerns, the action worded
        assertThat(text).containsSubsequence("Operator actions (2)", "When Business day Who Action Subject Reason",
                "14 Mar 2025 06:40:05 +01:00 13 Mar 2025 anna.finance Break explained break 900001 bank fee deducted, booked",
                "14 Mar 2025 06:50:05 +01:00 14 Mar 2025 karin.operator Restart job execution 4705 database failover at 06:31,");
        // input files by name, the hash in lower case, the status worded
        assertThat(text).containsSubsequence("Input files received (2)",
                "bgmax_2025-03-14.txt BGMAX " + AuditFixtures.BGMAX_HASH + " 2,048 Rejected 0",
                "camt053_2025-03-14.xml CAMT053 " + AuditFixtures.CAMT_HASH + " 1,048,576 Imported 12,340");
        assertThat(text).containsSubsequence("Output files written (2)", "positions.xlsx " + AuditFixtures.BGMAX_HASH,
                "reconciliation.pdf " + AuditFixtures.REPORT_HASH);
        assertThat(text).containsSubsequence("Previous manifest", "Business date Version Path SHA-256",
                "13 Mar 2025 1 2025-03-13/manifest.json " + AuditFixtures.MANIFEST_HASH);
    }

    @Test
    void listsTheDaysFilingsWithTheFiuByFileAlertNumberAndSha256InEachLanguage() throws IOException {
        // given
        AuditReport fixture = AuditFixtures.report();
        AuditReport report = new AuditReport(fixture.header(), fixture.jobRuns(), fixture.operatorActions(), fixture.inputFiles(),
                fixture.outputFiles(), List.of(new Filing("filings/2025-03-14/goaml-STR-12.xml", 12, AuditFixtures.REPORT_HASH),
                        new Filing("filings/2025-03-14/goaml-STR-9.xml", 9, AuditFixtures.CAMT_HASH.toUpperCase())),
                fixture.previousManifest());

        // when
        String english = ReportFiles.pdfText(render(report, Locale.ENGLISH, "en.pdf"));
        String swedish = ReportFiles.pdfText(render(report, Locale.forLanguageTag("sv"), "sv.pdf"));
        String german = ReportFiles.pdfText(render(report, Locale.GERMAN, "de.pdf"));

        // then: after the output files, by file name, the hash in lower case; none on a day without
        assertThat(english).containsSubsequence("Output files written (2)",
                "Filings with the FIU (goAML) made on the business day (2)", "Previous manifest");
        assertThat(english).containsSubsequence("reconciliation.pdf " + AuditFixtures.REPORT_HASH, "File Alert SHA-256",
                "filings/2025-03-14/goaml-STR-12.xml 12 " + AuditFixtures.REPORT_HASH,
                "filings/2025-03-14/goaml-STR-9.xml 9 " + AuditFixtures.CAMT_HASH, "Business date Version Path SHA-256");
        assertThat(swedish).contains("Rapporter till Finanspolisen (goAML) från affärsdagen (2)");
        assertThat(german).contains("Verdachtsmeldungen an die FIU (goAML) des Geschäftstags (2)");
        assertThat(ReportFiles.pdfText(render(fixture, Locale.ENGLISH, "none.pdf")))
                .contains("Filings with the FIU (goAML) made on the business day (0)");
    }

    @Test
    void landscapePagesNoneWhereNothingHappenedAndTheFirstManifestSaysSo() throws IOException {
        // given
        AuditReport quiet = new AuditReport(AuditFixtures.header(), List.of(), List.of(), List.of(), List.of(), null);

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
        assertThat(ReportFiles.pdfText(pdf)).contains("Job executions (0)", "Operator actions (0)", "Output files written (0)",
                        "This is the first manifest: no manifest was written before it.", "Page 2 of 2")
                .containsPattern("When Business day Who Action Subject Reason\\s+None");
    }

    @Test
    void aLaterVersionSaysSoAtTheTopAndInTheRunningHead() throws IOException {
        // when
        Path pdf = render(AuditFixtures.report(ReportFixtures.laterVersion()), Locale.ENGLISH, "v2.pdf");

        // then
        assertThat(PdfGlyphs.of(pdf).readingOrder("Audit trail of the business day", "Version 2 of this day's reports",
                "Business date", "Job execution id", "Input files", "Job executions (3)")).doesNotContain(-1f).isSorted();
        assertThat(ReportFiles.pdfText(pdf)).contains("Business date 14 Mar 2025 · job execution 4799 · version 2",
                "Job execution id 4799\nVersion 2\n");
    }

    @Test
    void swedishAndGermanLabelsDatesNumbersAndStatuses() throws IOException {
        // when
        String swedish = ReportFiles.pdfText(render(AuditFixtures.report(), Locale.forLanguageTag("sv"), "sv.pdf"));
        String german = ReportFiles.pdfText(render(AuditFixtures.report(), Locale.GERMAN, "de.pdf"));

        // then
        assertThat(swedish).contains("Granskningslogg för affärsdagen", "Jobbkörningar (3)", "1 av 1", "3 av 3",
                "Operatörsåtgärder (2)", "Motivering", "Mottagna indatafiler (2)", "Importerade rader",
                "2025-03-14 06:00:05 +01:00 2025-03-14 06:02:18 +01:00 Slutförd Slutförd 12\u00a0345 12\u00a0340 5",
                "Startad av settle.", "Parametrar: businessDate=2025-03-14", "Grundorsak: SQLTransientConnectionException",
                "ej avslutad", "Startad Okänd",
                "Avvikelse förklarad", "Omstart", "Avvisad", "Föregående manifest", "Affärsdag 2025-03-14", "Sida 1 av");
        assertThat(german).contains("Prüfprotokoll des Geschäftstags", "Jobausführungen (3)", "3 von 3", "Begründung",
                "Eingriffe von Operatoren (2)", "Geschriebene Ausgabedateien (2)",
                "14.03.2025 06:00:05 +01:00 14.03.2025 06:02:18 +01:00 Abgeschlossen Abgeschlossen 12.345 12.340 5",
                "Gestartet von karin.operator: database back", "Grundursache:", "nicht beendet", "Fehlgeschlagen",
                "1.048.576 Importiert 12.340", "Vorheriges Manifest", "Seite 1 von");
    }

    @Test
    void sameRecordsGiveTheSameBytesWhateverTheirOrder() throws Exception {
        // given
        AuditReport report = AuditFixtures.report();
        AuditReport reordered = new AuditReport(report.header(), reversed(report.jobRuns()),
                reversed(report.operatorActions()), reversed(report.inputFiles()), reversed(report.outputFiles()),
                report.previousManifest());
        AuditReport laterEnd = new AuditReport(report.header(), List.of(withEnd(report.jobRuns().get(2))),
                report.operatorActions(), report.inputFiles(), report.outputFiles(), report.previousManifest());

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
        OffsetDateTime start = AuditFixtures.DAY.atTime(6, 0).atOffset(AuditFixtures.STOCKHOLM_WINTER);
        assertThatThrownBy(() -> run(" ", start, null, 0, 1, 1)).hasMessageContaining("jobName");
        assertThatThrownBy(() -> run("closeBusinessDayJob", start, start.minusSeconds(1), 0, 1, 1))
                .hasMessageContaining("end").hasMessageContaining("before its start");
        assertThatThrownBy(() -> run("closeBusinessDayJob", start, null, -3, 1, 1)).hasMessageContaining("records -3");
        assertThatThrownBy(() -> run("closeBusinessDayJob", start, null, 0, 0, 1)).hasMessageContaining("attempt 0 of 1");
        assertThatThrownBy(() -> run("closeBusinessDayJob", start, null, 0, 3, 2)).hasMessageContaining("attempt 3 of 2");
        assertThatThrownBy(() -> new OperatorAction(start, AuditFixtures.DAY, "", "RESTART", "job execution 1", "why"))
                .hasMessageContaining("who");
        assertThatThrownBy(() -> new OperatorAction(null, AuditFixtures.DAY, "karin", "RESTART", "job execution 1", "why"))
                .hasMessageContaining("at of operator action RESTART");
        assertThatThrownBy(() -> new OperatorAction(start, null, "karin", "RESTART", "job execution 1", "why"))
                .hasMessageContaining("concerns of operator action RESTART");
        assertThatThrownBy(() -> new ImportedFile("camt.xml", "CAMT053", "abc", 1, "IMPORTED", 1))
                .hasMessageContaining("sha256 'abc' of input file camt.xml");
        assertThatThrownBy(() -> new ImportedFile("camt.xml", "CAMT053", AuditFixtures.CAMT_HASH, -1, "IMPORTED", 1))
                .hasMessageContaining("sizeBytes -1");
        assertThatThrownBy(() -> new OutputFile("audit.pdf", null)).hasMessageContaining("sha256 'null' of output file audit.pdf");
        assertThatThrownBy(() -> new AuditReport.PreviousManifest(AuditFixtures.DAY, 1, "2025-03-13/manifest.json", "xyz"))
                .hasMessageContaining("sha256 'xyz' of the previous manifest 2025-03-13/manifest.json");
        AuditReport report = AuditFixtures.report();
        assertThatThrownBy(() -> new AuditReport(report.header(), List.of(report.jobRuns().get(0), report.jobRuns().get(0)),
                List.of(), List.of(), List.of(), null)).hasMessageContaining("executionId 4701 twice");
        assertThatThrownBy(() -> new AuditReport(report.header(), null, List.of(), List.of(), List.of(), null))
                .hasMessageContaining("jobRuns is missing");
        assertThatThrownBy(() -> new AuditPdf(null)).hasMessageContaining("locale");
    }

    private static JobRun run(String job, OffsetDateTime start, OffsetDateTime end, long records, int attempt, int attempts) {
        return new JobRun(job, 1, "", start, end, "COMPLETED", "", records, 0, 0, attempt, attempts, "settle", "", "");
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> copy = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static JobRun withEnd(JobRun run) {
        return new JobRun(run.jobName(), run.executionId(), run.parameters(), run.start(), run.start().plusHours(1),
                "COMPLETED", "COMPLETED", run.records(), run.writeCount(), run.skipCount(), run.attempt(), run.attempts(),
                run.startedBy(), run.startReason(), run.rootCause());
    }

    private Path render(AuditReport report, Locale locale, String name) throws IOException {
        Path file = dir.resolve(name);
        new AuditPdf(locale).write(report, file);
        return file;
    }
}
