package se.clientfunds.report.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.report.ReportFiles;
import se.clientfunds.report.pdf.ColouredText;
import se.clientfunds.report.pdf.ReportFixtures;

class SafeguardingReturnPdfTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    @TempDir
    Path dir;

    @Test
    void headerSummaryAndDaysShowTheMonthsFigures() throws IOException {
        // when
        String text = ReportFiles.pdfText(render(ReturnFixtures.january(), Locale.ENGLISH, "en.pdf"));

        // then the header: the month, its last business day, the run, the inputs and the control totals
        assertThat(text).contains("Monthly safeguarding return, January 2026", "Business date 30 Jan 2026",
                "Job execution id 4711", ReturnFixtures.STATEMENT, ReportFixtures.CAMT_HASH,
                "safeguarding rows SEK 3 3,100,000.00 SEK", "files imported 2");
        // the month per currency, EUR before SEK
        assertThat(text).contains("Highest requirement 12,000.00 1,200,000.00",
                "Day of the highest requirement 30 Jan 2026 29 Jan 2026",
                "Lowest requirement 10,000.00 900,000.00", "Day of the lowest requirement 28 Jan 2026 30 Jan 2026",
                "Clients with funds at month end 1 4", "Clients with funds, most in a day 1 5",
                "Days with a shortfall 0 1", "Breaks opened in the month 0 3", "Breaks open at month end 0 1",
                "SHORTFALL on 1 day(s) of the month");
        // each currency's chart (legend, axis, days) and its days, oldest first (OpenPDF writes the tables' text after
        // the paragraphs', so the order on the page is not the order in the text)
        assertThat(text).contains("Requirement and resource, EUR", "Requirement and resource, SEK", "Requirement Resource",
                "28 Jan 2026 29 Jan 2026 30 Jan 2026", "Daily requirement and resource, EUR",
                "Daily requirement and resource, SEK", "statement for the day is missing");
        assertThat(text).containsSubsequence("28 Jan 2026 10,000.00 10,000.00 0.00 OK",
                "30 Jan 2026 12,000.00 12,500.00 500.00 EXCESS",
                "28 Jan 2026 1,000,000.00 1,000,500.00 500.00 EXCESS",
                "29 Jan 2026 1,200,000.00 1,150,000.00 -50,000.00 SHORTFALL",
                "30 Jan 2026 900,000.00 900,000.00 * 0.00 OK");
    }

    @Test
    void eachCurrencyHasAChartDrawnOnThePage() throws IOException {
        // when
        Path pdf = render(ReturnFixtures.january(), Locale.ENGLISH, "en.pdf");

        // then one drawing per currency, its lines stroked
        int charts = 0;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDFormXObject form) {
                        String drawing = new String(form.getContents().readAllBytes(), StandardCharsets.ISO_8859_1);
                        if (drawing.contains(" l\n") && drawing.contains("\nS\n")) {
                            charts++;
                        }
                    }
                }
            }
        }
        assertThat(charts).isEqualTo(2);
    }

    @Test
    void shortfallIsRedAndNothingElseIs() throws IOException {
        // given
        Path pdf = render(ReturnFixtures.january(), Locale.ENGLISH, "en.pdf");

        // when
        ColouredText text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = ColouredText.of(document);
        }

        // then
        assertThat(text.coloursOf("-50,000.00")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("SHORTFALL")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("1,200,000.00")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("EXCESS")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("900,000.00")).isNotEmpty().noneMatch(ColouredText::red);
    }

    @Test
    void swedishAndGermanLabelsNumbersAndDates() throws IOException {
        // when
        String swedish = ReportFiles.pdfText(render(ReturnFixtures.january(), SWEDISH, "sv.pdf"));
        String german = ReportFiles.pdfText(render(ReturnFixtures.january(), Locale.GERMAN, "de.pdf"));

        // then
        assertThat(swedish).contains("Månatlig rapport om skydd av klientmedel, januari 2026", "Affärsdag 2026-01-30",
                "Högsta krav 12\u00a0000,00 1\u00a0200\u00a0000,00", "2026-01-29 1\u00a0200\u00a0000,00 1\u00a0150\u00a0000,00"
                        + " -50\u00a0000,00 UNDERSKOTT", "Dagar med underskott 0 1", "Sida 1 av");
        assertThat(german).contains("Monatliche Meldung zur Sicherung der Kundengelder, Januar 2026",
                "Geschäftstag 30.01.2026", "29.01.2026 1.200.000,00 1.150.000,00 -50.000,00 UNTERDECKUNG",
                "Offene Differenzen am Monatsende 0 1", "Seite 1 von");
    }

    @Test
    void sameReturnGivesTheSameBytes() throws Exception {
        // when
        Path first = render(ReturnFixtures.january(), Locale.GERMAN, "first.pdf");
        Thread.sleep(1_100);
        Path second = render(ReturnFixtures.january(), Locale.GERMAN, "second.pdf");
        Path other = render(ReturnFixtures.january(List.of(ReturnFixtures.day(27, 1_00, 1_00, "SEK", true))),
                Locale.GERMAN, "other.pdf");

        // then
        assertThat(ReportFiles.sha256(second)).isEqualTo(ReportFiles.sha256(first));
        assertThat(ReportFiles.sha256(other)).isNotEqualTo(ReportFiles.sha256(first));
    }

    @Test
    void aMonthWithoutDaysSaysSoAndAMissingReturnIsRefused() throws IOException {
        // when
        String text = ReportFiles.pdfText(render(new SafeguardingReturn(ReturnFixtures.MONTH, ReturnFixtures.header(),
                List.of(), List.of()), Locale.ENGLISH, "empty.pdf"));

        // then
        assertThat(text).contains("No safeguarding was computed in the month.");
        assertThatThrownBy(() -> new SafeguardingReturnPdf(Locale.ENGLISH).write(null, dir.resolve("none.pdf")))
                .hasMessageContaining("return is missing");
    }

    private Path render(SafeguardingReturn monthly, Locale locale, String name) throws IOException {
        Path file = dir.resolve(name);
        new SafeguardingReturnPdf(locale).write(monthly, file);
        return file;
    }
}
