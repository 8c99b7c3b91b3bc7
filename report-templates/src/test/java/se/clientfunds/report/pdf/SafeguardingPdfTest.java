package se.clientfunds.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static se.clientfunds.report.pdf.ColouredText.red;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.report.ReportFiles;

class SafeguardingPdfTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    @TempDir
    Path dir;

    @Test
    void figuresAreFormattedInTheLocalesNumberFormat() throws IOException {
        // given
        SafeguardingReport report = ReportFixtures.safeguarding();

        // when
        String english = text(render(report, Locale.ENGLISH, "en.pdf"));
        String swedish = text(render(report, SWEDISH, "sv.pdf"));
        String german = text(render(report, Locale.GERMAN, "de.pdf"));

        // then: the SEK requirement, the SEK shortfall, the EUR excess
        assertThat(english).contains("1,235,567.89", "-1,234,567.89", "1,234.50");
        assertThat(swedish).contains("1\u00a0235\u00a0567,89", "-1\u00a0234\u00a0567,89", "1\u00a0234,50");
        assertThat(german).contains("1.235.567,89", "-1.234.567,89", "1.234,50", "1.234.567,89");
    }

    @Test
    void headerCarriesBusinessDateJobExecutionInputHashesAndControlTotals() throws IOException {
        // when
        String english = text(render(ReportFixtures.safeguarding(), Locale.ENGLISH, "en.pdf"));
        String swedish = text(render(ReportFixtures.safeguarding(), SWEDISH, "sv.pdf"));

        // then
        assertThat(english).contains("Business date 14 Mar 2025", "Job execution id 4711", "camt053_2025-03-14.xml",
                ReportFixtures.CAMT_HASH, ReportFixtures.LEDGER_HASH, "statement entries 1,234 1,234,567.89 SEK",
                "clients with funds 87");
        assertThat(swedish).contains("Affärsdag 2025-03-14", "Jobbkörning (id) 4711");
    }

    @Test
    void statusWordsAndSignOffBlockArePrinted() throws IOException {
        // when
        String text = text(render(ReportFixtures.safeguarding(), Locale.ENGLISH, "en.pdf"));

        // then: currencies in order, each with its status
        assertThat(text).containsSubsequence("EUR", "EXCESS", "NOK", "OK", "SEK", "SHORTFALL");
        assertThat(text).contains("7.00 *", "statement for the day is missing");
        assertThat(text).contains("SHORTFALL: the client funds are not fully safeguarded");
        assertThat(text).containsSubsequence("Sign-off", "Prepared by", "Name", "Signature", "Date", "Reviewed by", "Name",
                "Signature", "Date");
    }

    @Test
    void shortfallIsDrawnInRedAndNothingElseIs() throws IOException {
        // given
        Path pdf = render(ReportFixtures.safeguarding(), Locale.ENGLISH, "en.pdf");

        // when
        ColouredText text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = ColouredText.of(document);
        }

        // then
        assertThat(text.coloursOf("SHORTFALL")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("-1,234,567.89")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("EXCESS")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("1,234.50")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("1,235,567.89")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(red(0x000000)).isFalse();
    }

    @Test
    void swedishAndGermanLabels() throws IOException {
        // when
        String swedish = text(render(ReportFixtures.safeguarding(), SWEDISH, "sv.pdf"));
        String german = text(render(ReportFixtures.safeguarding(), Locale.GERMAN, "de.pdf"));

        // then
        assertThat(swedish).contains("Skydd av klientmedel", "Krav", "Täckning", "ÖVERSKOTT", "UNDERSKOTT", "Upprättad av",
                "Granskad av", "Underskrift", "Datum", "Sida 1 av 1");
        assertThat(german).contains("Sicherung der Kundengelder", "Sicherungsbedarf", "Deckung", "ÜBERDECKUNG",
                "UNTERDECKUNG", "Erstellt von", "Geprüft von", "Unterschrift", "Geschäftstag 14.03.2025", "Seite 1 von 1");
    }

    @Test
    void sameReportGivesTheSameBytesWithFixedDatesProducerAndId() throws Exception {
        // given
        SafeguardingReport report = ReportFixtures.safeguarding();

        // when
        Path first = render(report, Locale.ENGLISH, "first.pdf");
        Thread.sleep(1_100);
        Path second = render(report, Locale.ENGLISH, "second.pdf");
        Path other = render(ReportFixtures.safeguarding(), Locale.GERMAN, "other.pdf");

        // then
        assertThat(sha256(second)).isEqualTo(sha256(first));
        assertThat(sha256(other)).isNotEqualTo(sha256(first));
        try (PDDocument document = Loader.loadPDF(first.toFile()); PDDocument german = Loader.loadPDF(other.toFile())) {
            PDDocumentInformation info = document.getDocumentInformation();
            Calendar created = info.getCreationDate();
            created.setTimeZone(TimeZone.getTimeZone("UTC"));
            assertThat(created.get(Calendar.YEAR)).isEqualTo(2025);
            assertThat(created.get(Calendar.MONTH)).isEqualTo(Calendar.MARCH);
            assertThat(created.get(Calendar.DAY_OF_MONTH)).isEqualTo(14);
            assertThat(created.get(Calendar.HOUR_OF_DAY)).isZero();
            assertThat(info.getModificationDate().getTimeInMillis()).isEqualTo(created.getTimeInMillis());
            assertThat(info.getProducer()).isEqualTo("clientfunds report-templates");
            assertThat(info.getTitle()).isEqualTo("Safeguarding of client funds");
            // the trailer's /ID follows the content: another text, another id
            String id = document.getDocument().getDocumentID().toString();
            assertThat(id).isNotEqualTo(german.getDocument().getDocumentID().toString());
        }
    }

    private Path render(SafeguardingReport report, Locale locale, String name) throws IOException {
        Path file = dir.resolve(name);
        new SafeguardingPdf(locale).write(report, file);
        return file;
    }

    static String text(Path pdf) throws IOException {
        return ReportFiles.pdfText(pdf);
    }

    static String sha256(Path file) throws IOException {
        return ReportFiles.sha256(file);
    }
}
