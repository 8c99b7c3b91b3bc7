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

class ReconciliationPdfTest {

    private static final String BREAKS_HEADER = "Id Type Amount Currency Reference Booking date Age Status";

    @TempDir
    Path dir;

    @Test
    void printsMatchesPerRuleRollForwardBalanceProofAndContinuityPerAccount() throws IOException {
        // when
        String text = SafeguardingPdfTest.text(render(ReportFixtures.reconciliation(40), Locale.ENGLISH, "en.pdf"));

        // then: the balanced account
        assertThat(text).contains("Account " + ReportFixtures.BALANCED_IBAN + " (SEK)", "Same reference 120", "Batch total 7",
                "Amount and counterparty 3", "Within tolerance 2", "Total 132", "Opening New Cleared Closing", "37 5 2 40",
                "Statement closing balance 1,000,000.00 SEK", "Books closing balance (BANK) 998,765.50 SEK",
                "Difference (statement - books) 1,234.50 SEK", "Bank-only items 1,500.00 SEK", "Books-only items 250.00 SEK",
                "Tolerance residuals -15.50 SEK", "Explained (bank-only - books-only + residuals) 1,234.50 SEK",
                "Unexplained difference 0.00 SEK", "The statements follow on without a gap.");
        // the failing account, first in IBAN order after the balanced one
        assertThat(text).containsSubsequence(ReportFixtures.BALANCED_IBAN, ReportFixtures.FAILING_IBAN);
        assertThat(text).contains("NEEDS ATTENTION", "Difference (statement - books) -1,234.56 SEK",
                "Tolerance residuals -234.56 SEK", "Unexplained difference -1,000.00 SEK",
                "! sequence number 42 follows 40: statement 41 is missing",
                "900001 Amount difference -1,234.50 SEK E2E-77 13 Mar 2025 1 Open");
        // ageing of the 40 breaks' open and explained ones (ages i % 15, every third resolved, every third books-only)
        assertThat(text).contains("0–1 banking days 5 -3.03 SEK", "6–10 banking days 12 -6.06 SEK",
                "Over 10 banking days 4 -2.02 SEK");
        assertThat(text).containsSubsequence("Breaks (40)", BREAKS_HEADER, "Over 10 banking days (8)", "6–10 banking days (15)",
                "2–5 banking days (12)", "0–1 banking days (5)");
    }

    @Test
    void unexplainedDifferenceAndContinuityProblemAreDrawnInRed() throws IOException {
        // given
        Path pdf = render(ReportFixtures.reconciliation(40), Locale.ENGLISH, "en.pdf");

        // when
        ColouredText text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = ColouredText.of(document);
        }

        // then
        assertThat(text.coloursOf("-1,000.00")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("Unexplained difference")).anyMatch(ColouredText::red).anyMatch(rgb -> !ColouredText.red(rgb));
        assertThat(text.coloursOf("statement 41 is missing")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("NEEDS ATTENTION")).isNotEmpty().allMatch(ColouredText::red);
        // the balanced account's proof, the difference the proof starts from and a break are not
        assertThat(text.coloursOf("-1,234.50")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("-1,234.56")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("without a gap")).isNotEmpty().noneMatch(ColouredText::red);
    }

    @Test
    void swedishAndGermanLabelsAndFigures() throws IOException {
        // when
        String swedish = SafeguardingPdfTest.text(render(ReportFixtures.reconciliation(40), Locale.forLanguageTag("sv"), "sv.pdf"));
        String german = SafeguardingPdfTest.text(render(ReportFixtures.reconciliation(40), Locale.GERMAN, "de.pdf"));

        // then
        assertThat(swedish).contains("Avstämning av klientmedelskonton", "Matchningar per regel", "Samma referens 120",
                "Saldobevis", "Oförklarad differens -1\u00a0000,00 SEK", "Kontoutdragets utgående saldo 1\u00a0000\u00a0000,00 SEK",
                "Saknas i bokföringen", "Bokföringsdag", "2025-03-13", "Över 10 bankdagar (8)", "KRÄVER ÅTGÄRD", "Sida 1 av 4");
        assertThat(german).contains("Abstimmung der Kundengeldkonten", "Saldennachweis", "Unerklärte Differenz -1.000,00 SEK",
                "Schlusssaldo laut Auszug 1.000.000,00 SEK", "Fehlt bei der Bank", "Buchungstag", "13.03.2025",
                "Über 10 Bankarbeitstage (8)", "HANDLUNGSBEDARF", "Seite 4 von 4");
    }

    @Test
    void tenThousandBreaksSpanManyPagesWithTheHeaderRowOnEach() throws IOException {
        // given
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
        int first = indexOf(pages, "Breaks (10,000)");
        int last = indexOf(pages, "Account " + ReportFixtures.FAILING_IBAN) - 1;
        assertThat(last - first).isGreaterThan(100);
        for (int page = first; page <= last; page++) {
            String onPage = pages.get(page);
            assertThat(onPage.indexOf(BREAKS_HEADER)).as("header row on page %d", page + 1)
                    .isNotNegative().isEqualTo(onPage.lastIndexOf(BREAKS_HEADER));
        }
        String text = String.join("", pages);
        Pattern row = Pattern.compile("(?m)^\\d+ (Missing in books|Missing in bank|Amount difference) -?[0-9,]+\\.\\d\\d SEK REF-");
        assertThat(row.matcher(text).results().count()).isEqualTo(10_000);
        assertThat(text).contains("10000 Missing in bank -10,100.00 SEK REF-10000 4 Mar 2025 10 Explained",
                "1 Missing in bank -1.01 SEK REF-1 13 Mar 2025 1 Explained");
        assertThat(List.of(text.indexOf("Over 10 banking days (2,664)"), text.indexOf("6–10 banking days (3,335)"),
                text.indexOf("2–5 banking days (2,668)"), text.indexOf("0–1 banking days (1,333)")))
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
        assertThat(SafeguardingPdfTest.sha256(second)).isEqualTo(SafeguardingPdfTest.sha256(first));
        assertThat(SafeguardingPdfTest.sha256(other)).isNotEqualTo(SafeguardingPdfTest.sha256(first));
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
