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

import se.clientfunds.report.PdfGlyphs;
import se.clientfunds.report.ReportFiles;
import se.clientfunds.report.pdf.ColouredText;
import se.clientfunds.report.pdf.Notice;
import se.clientfunds.report.pdf.ReportFixtures;
import se.clientfunds.report.pdf.ReportHeader;

class SafeguardingReturnPdfTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    @TempDir
    Path dir;

    @Test
    void headerSummaryAndDaysShowTheMonthsFigures() throws IOException {
        // when
        String text = ReportFiles.pdfText(render(ReturnFixtures.january(), Locale.ENGLISH, "en.pdf"));

        // then the header: the month, its last business day, the run, the inputs and the control totals (days counted)
        assertThat(text).contains("Monthly safeguarding return, January 2026", "Business date 30 Jan 2026",
                "Job execution id 4711", ReturnFixtures.STATEMENT, ReportFixtures.CAMT_HASH,
                "Business days with safeguarding computed (SEK) 4", "Business days with safeguarding computed (EUR) 3",
                "Breaks opened (SEK) 3 12,345.00 SEK", "Files imported 2");
        // the month per currency, EUR before SEK: the average, never a sum of days
        assertThat(text).contains("Average requirement 10,666.67 1,012,500.00", "Highest requirement 12,000.00 1,200,000.00",
                "Day of the highest requirement 30 Jan 2026 29 Jan 2026",
                "Lowest requirement 10,000.00 900,000.00", "Day of the lowest requirement 28 Jan 2026 30 Jan 2026",
                "Clients with funds at month end 1 4", "Clients with funds, most in a day 1 5",
                "Days with a shortfall 0 2", "Breaks opened in the month, number 0 3",
                "Breaks opened in the month, value 0.00 12,345.00", "Breaks cleared in the month, number 0 2",
                "Breaks cleared in the month, value 0.00 2,000.00", "Breaks open at month end, number 0 1",
                "Breaks open at month end, value 0.00 10,345.00", "SHORTFALL on 2 day(s) of the month");
        assertThat(text).doesNotContain("3,100,000.00", "4,050,000.00");
        // each currency's chart (legend, axis, days) and its days, oldest first
        assertThat(text).contains("Requirement and resource, EUR", "Requirement and resource, SEK", "Requirement Resource",
                "28 Jan 2026 29 Jan 2026 30 Jan 2026", "Daily requirement and resource, EUR",
                "Daily requirement and resource, SEK", "statement for the day is missing");
        assertThat(text).containsSubsequence("28 Jan 2026 10,000.00 10,000.00 0.00 OK",
                "30 Jan 2026 12,000.00 12,500.00 500.00 EXCESS",
                "27 Jan 2026 950,000.00 949,999.00 -1.00 SHORTFALL",
                "28 Jan 2026 1,000,000.00 1,000,500.00 500.00 EXCESS",
                "29 Jan 2026 1,200,000.00 1,150,000.00 -50,000.00 SHORTFALL",
                "30 Jan 2026 900,000.00 900,000.00 * 0.00 UNCONFIRMED");
    }

    @Test
    void resourcesAtMonthEndAgedBreaksAndShortfallDaysWithTheirActions() throws IOException {
        // when
        String text = ReportFiles.pdfText(render(ReturnFixtures.january(), Locale.ENGLISH, "en.pdf"));

        // then
        assertThat(text).contains("Resource per account at month end", "Account (IBAN) Name Bank Currency Closing balance As of",
                ReportFixtures.EURO_IBAN + " Kundengelder EUR Commerzbank EUR 12,500.00 end of business day",
                ReportFixtures.BALANCED_IBAN + " Klientmedel SEK Swedbank SEK 900,000.00 30 Jan 2026 23:59:59 +01:00");
        assertThat(text).contains("Breaks open at month end for more than 10 banking days (1)",
                "Id Account Type Direction Amount Currency Reference Counterparty Booking date Age",
                "900017 " + ReportFixtures.BALANCED_IBAN + " Missing in books Money in 10,345.00 SEK BGC 0017 Björk & Söner AB"
                        + " 10 Jan 2026 14");
        assertThat(text).contains("Shortfall days and the actions taken",
                "Date Shortfall Currency Action Amount By Recorded at Reason",
                "27 Jan 2026 1.00 SEK No action recorded",
                "29 Jan 2026 50,000.00 SEK Top-up by the firm 50,000.00 SEK anna.finance 30 Jan 2026 09:12:00 +01:00");
    }

    @Test
    void keyFiguresComeBeforeTheFileHashesAndTheAttestationEndsTheReturn() throws IOException {
        // when
        Path pdf = render(ReturnFixtures.january(), Locale.ENGLISH, "en.pdf");

        // then
        assertThat(PdfGlyphs.of(pdf).readingOrder("Monthly safeguarding return, January 2026", "Business date",
                "The month per currency", "Average requirement", "Resource per account at month end",
                "Breaks open at month end for more than", "Shortfall days and the actions taken", "Input files",
                ReportFixtures.CAMT_HASH, "Control totals", "Requirement and resource, EUR", "Daily requirement and resource, SEK",
                "Attestation", "I confirm that this return is complete and accurate")).doesNotContain(-1f).isSorted();
        assertThat(ReportFiles.pdfText(pdf).replaceAll("\\s+", " ")).contains("I confirm that this return is complete and"
                + " accurate: it shows every business day of the month", "Name Role Signature Date");
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
    void shortfallsAndADayWithoutActionAreRedAndNothingElseIs() throws IOException {
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
        assertThat(text.coloursOf("No action recorded")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("Top-up by the firm")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("1,200,000.00")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("EXCESS")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("900,000.00")).isNotEmpty().noneMatch(ColouredText::red);
    }

    @Test
    void noticesOfALaterVersionComeFirst() throws IOException {
        // given
        SafeguardingReturn january = ReturnFixtures.january();
        ReportHeader later = new ReportHeader(january.header().businessDate(), 4800, january.header().inputFiles(),
                january.header().controlTotals(), 2, List.of(new Notice.LaterVersion(2, Notice.VersionReason.SAFEGUARDING_ACTION, 1)));

        // when
        Path pdf = render(ReturnFixtures.january(later, january.days()), Locale.ENGLISH, "v2.pdf");

        // then
        assertThat(ReportFiles.pdfText(pdf).replaceAll("\\s+", " ")).contains("Version 2 of this day's reports, written beside"
                + " version 1, which it supersedes: an action about the day's safeguarding shortfall or excess was recorded.");
        assertThat(PdfGlyphs.of(pdf).readingOrder("Monthly safeguarding return, January 2026", "Version 2 of this day's reports",
                "Business date", "The month per currency")).doesNotContain(-1f).isSorted();
    }

    @Test
    void swedishAndGermanLabelsNumbersAndDates() throws IOException {
        // when
        String swedish = ReportFiles.pdfText(render(ReturnFixtures.january(), SWEDISH, "sv.pdf"));
        String german = ReportFiles.pdfText(render(ReturnFixtures.january(), Locale.GERMAN, "de.pdf"));

        // then
        assertThat(swedish).contains("Månatlig rapport om skydd av klientmedel, januari 2026", "Affärsdag 2026-01-30",
                "Genomsnittligt krav 10\u00a0666,67 1\u00a0012\u00a0500,00", "Högsta krav 12\u00a0000,00 1\u00a0200\u00a0000,00",
                "2026-01-29 1\u00a0200\u00a0000,00 1\u00a0150\u00a0000,00 -50\u00a0000,00 UNDERSKOTT", "Dagar med underskott 0 2",
                "Avvikelser avslutade under månaden, belopp 0,00 2\u00a0000,00", "Täckning per konto vid månadens slut",
                "Ingen åtgärd registrerad", "Påfyllnad från bolaget", "Pengar in", "Intygande", "Roll", "Sida 1 av");
        assertThat(german).contains("Monatliche Meldung zur Sicherung der Kundengelder, Januar 2026",
                "Geschäftstag 30.01.2026", "29.01.2026 1.200.000,00 1.150.000,00 -50.000,00 UNTERDECKUNG",
                "Offene Abweichungen am Monatsende, Anzahl 0 1", "Durchschnittlicher Sicherungsbedarf", "Keine Maßnahme erfasst",
                "Bestätigung", "Funktion", "Seite 1 von");
    }

    @Test
    void sameReturnGivesTheSameBytes() throws Exception {
        // when
        Path first = render(ReturnFixtures.january(), Locale.GERMAN, "first.pdf");
        Thread.sleep(1_100);
        Path second = render(ReturnFixtures.january(), Locale.GERMAN, "second.pdf");
        Path other = render(ReturnFixtures.january(List.of(ReturnFixtures.day(26, 1_00, 1_00, "SEK", true))),
                Locale.GERMAN, "other.pdf");

        // then
        assertThat(ReportFiles.sha256(second)).isEqualTo(ReportFiles.sha256(first));
        assertThat(ReportFiles.sha256(other)).isNotEqualTo(ReportFiles.sha256(first));
    }

    @Test
    void aMonthWithoutDaysSaysSoAndAMissingReturnIsRefused() throws IOException {
        // when
        String text = ReportFiles.pdfText(render(new SafeguardingReturn(ReturnFixtures.MONTH, ReturnFixtures.header(),
                List.of(), List.of(), List.of(), List.of(), List.of(), 10), Locale.ENGLISH, "empty.pdf"));

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
