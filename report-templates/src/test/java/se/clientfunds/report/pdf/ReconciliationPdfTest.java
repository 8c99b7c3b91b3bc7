package se.clientfunds.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.report.PdfGlyphs;
import se.clientfunds.report.ReportFiles;

class ReconciliationPdfTest {

    private static final String BREAKS_HEADER = "Id Type Direction Amount Currency Reference Counterparty Booking date Age Status";

    @TempDir
    Path dir;

    @Test
    void printsStatusMatchesRollForwardBalanceProofWithWriteOffsAndContinuityPerAccount() throws IOException {
        // when
        String text = ReportFiles.pdfText(render(ReportFixtures.reconciliation(40), Locale.ENGLISH, "en.pdf"));

        // then: the balanced account, first in IBAN order
        assertThat(text).containsSubsequence("Account " + ReportFixtures.BALANCED_IBAN + " (SEK)", "Status: RECONCILED",
                "Account " + ReportFixtures.FAILING_IBAN + " (SEK)", "Status: FAILED RECONCILIATION", "NEEDS ATTENTION");
        assertThat(text).contains("Same reference 120", "Batch total 7", "Amount and counterparty 3", "Within tolerance 2",
                "Total 132", "Opening New Cleared Closing", "37 5 2 40",
                "Statement closing balance 1,000,000.00 SEK", "Books closing balance (bank account) 998,765.50 SEK",
                "Difference (statement − books) 1,234.50 SEK", "Bank-only items 1,500.00 SEK", "Books-only items 250.00 SEK",
                "Tolerance residuals -15.50 SEK", "Written off by operators 0.00 SEK",
                "Explained (bank-only − books-only + residuals + written off) 1,234.50 SEK", "Unexplained difference 0.00 SEK",
                "The statements follow on without a gap.");
        // the failing account: what operators wrote off on its own line, the rest unexplained
        assertThat(text).containsSubsequence("Difference (statement − books) -1,234.56 SEK", "Tolerance residuals -234.56 SEK",
                "Written off by operators 200.00 SEK", "Explained (bank-only − books-only + residuals + written off) -34.56 SEK",
                "Unexplained difference -1,200.00 SEK");
        // ageing of the 40 breaks' open and explained ones (ages i % 15, every third resolved), the timing items included
        assertThat(text).contains("0–1 banking days 5 -93.93 SEK", "2–5 banking days 6 -3.03 SEK",
                "6–10 banking days 12 -6.06 SEK", "Over 10 banking days 4 -2.02 SEK");
    }

    @Test
    void continuityProblemsAreWordedPerKind() throws IOException {
        // when
        String text = ReportFiles.pdfText(render(ReportFixtures.reconciliation(40), Locale.ENGLISH, "en.pdf"));

        // then
        assertThat(text).contains("! The statement of 14 Mar 2025 has sequence number 42, which does not follow number 40 of the"
                        + " statement of 13 Mar 2025.",
                "! No statement for banking day 10 Mar 2025, between the statements of 9 Mar 2025 and 13 Mar 2025.",
                "! The statement of 13 Mar 2025 opens with 51,000.00 SEK, but the statement of 9 Mar 2025 closed with"
                        + " 50,900.00 SEK.",
                "! No statement for 12 Mar 2025: the balance cannot be proven.");
    }

    @Test
    void escalationsTimingItemsAndExceptionsAreTablesOfTheirOwnWithDirectionCounterpartyAndExplanation() throws IOException {
        // given
        Path pdf = render(ReportFixtures.reconciliation(40), Locale.ENGLISH, "en.pdf");

        // when
        String text = ReportFiles.pdfText(pdf);

        // then: the open breaks older than 10 banking days, oldest first
        assertThat(text).containsSubsequence(BREAKS_HEADER,
                "13 Missing in bank Money out -13.13 SEK REF-13 Hans Müller 1 Mar 2025 13 Explained",
                "Explanation: 2025-03-13 anna.finance: chased with the bank, case 13",
                "28 Missing in bank Money out -28.28 SEK REF-28 Hans Müller 1 Mar 2025 13 Explained",
                "12 Missing in books Money in 12.12 SEK REF-12 Anna Andersson 2 Mar 2025 12 Open",
                "27 Missing in books Money in 27.27 SEK REF-27 Anna Andersson 2 Mar 2025 12 Open",
                // the day's payouts the bank debits later
                BREAKS_HEADER, "15 Missing in bank Money out -15.15 SEK REF-15 Anna Andersson 14 Mar 2025 0 Open",
                "30 Missing in bank Money out -30.30 SEK REF-30 Anna Andersson 14 Mar 2025 0 Open",
                // every other break, by ageing bucket
                BREAKS_HEADER, "Over 10 banking days (8)",
                "14 Amount difference Money in 14.14 SEK REF-14 Björk & Söner AB 28 Feb 2025 14 Resolved",
                "6–10 banking days (15)", "2–5 banking days (12)", "0–1 banking days (3)",
                "1 Missing in bank Money out -1.01 SEK REF-1 Hans Müller 13 Mar 2025 1 Explained",
                // the failing account's one break, explained by an operator
                "900001 Amount difference Money in -1,234.50 SEK E2E-77 Hans Müller 13 Mar 2025 1 Explained",
                "Explanation: 2025-03-14 karin.operator: bank fee deducted, booked tomorrow");
        assertThat(PdfGlyphs.of(pdf).readingOrder("Open breaks by age in banking days",
                "Escalations: open breaks older than 10 banking days (4)",
                "Timing items: the day's payouts and refunds the bank debits later (2)", "Exceptions: breaks to clear (38)",
                "Account " + ReportFixtures.FAILING_IBAN, "Escalations: open breaks older than 10 banking days (0)",
                "Timing items: the day's payouts and refunds the bank debits later (0)", "Exceptions: breaks to clear (1)"))
                .doesNotContain(-1f).isSorted();
        // a timing item is not an exception: it is listed once
        assertThat(text.split("REF-15 ", -1)).hasSize(2);
    }

    @Test
    void failedStatusUnexplainedDifferenceAndContinuityProblemsAreDrawnInRed() throws IOException {
        // given
        Path pdf = render(ReportFixtures.reconciliation(40), Locale.ENGLISH, "en.pdf");

        // when
        ColouredText text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = ColouredText.of(document);
        }

        // then
        assertThat(text.coloursOf("Status: FAILED RECONCILIATION")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("Status: RECONCILED")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("-1,200.00")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("Unexplained difference")).anyMatch(ColouredText::red).anyMatch(rgb -> !ColouredText.red(rgb));
        assertThat(text.coloursOf("has sequence number 42")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("No statement for 12 Mar 2025")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("NEEDS ATTENTION")).isNotEmpty().allMatch(ColouredText::red);
        // the balanced account's proof, the difference the proof starts from and a break are not
        assertThat(text.coloursOf("-1,234.50")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("-1,234.56")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("without a gap")).isNotEmpty().noneMatch(ColouredText::red);
    }

    @Test
    void aLaterVersionsNoticesComeBeforeTheAccounts() throws IOException {
        // when
        Path pdf = render(ReportFixtures.reconciliation(ReportFixtures.laterVersion(), 40), Locale.ENGLISH, "v2.pdf");

        // then
        assertThat(PdfGlyphs.of(pdf).readingOrder("Reconciliation of client-funds accounts", "Closed without the bank's statement",
                "Safeguarding shortfall of 500.00 SEK", "Version 2 of this day's reports", "Business date", "Input files",
                "Account " + ReportFixtures.BALANCED_IBAN)).doesNotContain(-1f).isSorted();
        assertThat(ReportFiles.pdfText(pdf)).contains("Business date 14 Mar 2025 · job execution 4799 · version 2");
    }

    @Test
    void swedishAndGermanLabelsAndFigures() throws IOException {
        // when
        String swedish = ReportFiles.pdfText(render(ReportFixtures.reconciliation(40), Locale.forLanguageTag("sv"), "sv.pdf"));
        String german = ReportFiles.pdfText(render(ReportFixtures.reconciliation(40), Locale.GERMAN, "de.pdf"));

        // then
        assertThat(swedish).contains("Avstämning av klientmedelskonton", "Status: AVSTÄMT", "Status: AVSTÄMNING MISSLYCKAD",
                "Matchningar per regel", "Samma referens 120", "Saldobevis", "Avskrivet av operatörer 200,00 SEK",
                "Oförklarad differens -1\u00a0200,00 SEK", "Kontoutdragets utgående saldo 1\u00a0000\u00a0000,00 SEK",
                "Saknas i bokföringen", "Pengar in", "Pengar ut", "Motpart", "Bokföringsdag", "2025-03-13",
                "Över 10 bankdagar (8)", "KRÄVER ÅTGÄRD", "Eskaleringar: öppna avvikelser äldre än 10 bankdagar (4)",
                "Avvikelser att utreda (38)", "Förklaring: 2025-03-14 karin.operator",
                "! Inget kontoutdrag för 2025-03-12: saldot kan inte bevisas.", "Sida 1 av");
        assertThat(german).contains("Abstimmung der Kundengeldkonten", "Status: ABGESTIMMT", "Status: ABSTIMMUNG FEHLGESCHLAGEN",
                "Saldennachweis", "Von Operatoren ausgebucht 200,00 SEK", "Unerklärte Differenz -1.200,00 SEK",
                "Schlusssaldo laut Kontoauszug 1.000.000,00 SEK", "Fehlt bei der Bank", "Geldausgang", "Gegenpartei",
                "Buchungstag", "13.03.2025", "Über 10 Bankarbeitstage (8)", "HANDLUNGSBEDARF", "Zu klärende Abweichungen (38)",
                "Zeitversetzte Posten", "Erklärung: 2025-03-14 karin.operator", "Seite 1 von");
    }

    @Test
    void tenThousandBreaksSpanManyPagesWithTheHeaderRowOnEach() throws IOException {
        // given: 666 timing items, 9 334 exceptions, 1 332 of them open and older than 10 banking days
        ReconciliationReport report = ReportFixtures.reconciliation(10_000);

        // when
        Path pdf = render(report, Locale.ENGLISH, "large.pdf");

        // then
        List<String> pages;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setPageEnd("\f");
            pages = Arrays.asList(stripper.getText(document).split("\f"));
            assertThat(document.getNumberOfPages()).isEqualTo(pages.size()).isGreaterThan(100);
        }
        int escalations = indexOf(pages, "Escalations: open breaks older than 10 banking days (1,332)");
        int exceptions = indexOf(pages, "Exceptions: breaks to clear (9,334)");
        int last = indexOf(pages, "Account " + ReportFixtures.FAILING_IBAN) - 1;
        assertThat(indexOf(pages, "Timing items: the day's payouts and refunds the bank debits later (666)")).isBetween(escalations,
                exceptions);
        assertThat(last - exceptions).isGreaterThan(100);
        for (int page = escalations; page <= last; page++) {
            assertThat(pages.get(page)).as("header row on page %d", page + 1).contains(BREAKS_HEADER);
        }
        // a page inside the exceptions has its header row once
        for (int page = exceptions + 1; page <= last; page++) {
            String onPage = pages.get(page);
            assertThat(onPage.indexOf(BREAKS_HEADER)).as("header row on page %d", page + 1)
                    .isNotNegative().isEqualTo(onPage.lastIndexOf(BREAKS_HEADER));
        }
        String text = String.join("", pages);
        Pattern row = Pattern.compile("(?m)^\\d+ (Missing in books|Missing in bank|Amount difference) Money (in|out)"
                + " -?[0-9,]+\\.\\d\\d SEK REF-");
        assertThat(row.matcher(text).results().count()).isEqualTo(10_000 + 1_332);
        assertThat(text).contains("10000 Missing in bank Money out -10,100.00 SEK REF-10000 Hans Müller 4 Mar 2025 10 Explained",
                "1 Missing in bank Money out -1.01 SEK REF-1 Hans Müller 13 Mar 2025 1 Explained");
        assertThat(List.of(text.indexOf("Over 10 banking days (2,664)"), text.indexOf("6–10 banking days (3,335)"),
                text.indexOf("2–5 banking days (2,668)"), text.indexOf("0–1 banking days (667)")))
                .doesNotContain(-1).isSorted();
        assertThat(pages.get(pages.size() - 1)).contains("Page " + pages.size() + " of " + pages.size());
    }

    @Test
    void sameReportGivesTheSameBytes() throws Exception {
        // when
        Path first = render(ReportFixtures.reconciliation(500), Locale.GERMAN, "first.pdf");
        Thread.sleep(1_100);
        Path second = render(ReportFixtures.reconciliation(500), Locale.GERMAN, "second.pdf");
        Path other = render(ReportFixtures.reconciliation(501), Locale.GERMAN, "other.pdf");

        // then
        assertThat(ReportFiles.sha256(second)).isEqualTo(ReportFiles.sha256(first));
        assertThat(ReportFiles.sha256(other)).isNotEqualTo(ReportFiles.sha256(first));
    }

    private Path render(ReconciliationReport report, Locale locale, String name) throws IOException {
        Path file = dir.resolve(name);
        new ReconciliationPdf(locale).write(report, file);
        return file;
    }

    private static int indexOf(List<String> pages, String text) {
        for (int page = 0; page < pages.size(); page++) {
            if (pages.get(page).contains(text)) {
                return page;
            }
        }
        throw new AssertionError("no page contains " + text);
    }
}
