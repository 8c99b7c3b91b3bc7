package se.clientfunds.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static se.clientfunds.report.pdf.ColouredText.red;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.report.PdfGlyphs;
import se.clientfunds.report.ReportFiles;

class SafeguardingPdfTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    @TempDir
    Path dir;

    @Test
    void theRequirementIsBrokenDownPerCurrencyAgainstTheResourceWithTheDifferenceAndItsStatus() throws IOException {
        // when
        String text = text(render(ReportFixtures.safeguarding(), Locale.ENGLISH, "en.pdf"));

        // then: one column per currency, EUR, NOK, SEK
        assertThat(text).containsSubsequence("Requirement against resource per currency", "Currency EUR NOK SEK",
                "Client 10,000.00 7.00 1,000,000.00", "Unallocated 0.00 0.00 234,567.89", "Debtor credit 250.00 0.00 1,000.00",
                "Payments in transit 0.00 0.00 2,500.00", "Payments in transit, number 0 0 3",
                "Requirement 10,250.00 7.00 1,238,067.89", "Resource 11,484.50 5.00 3,500.00 *",
                "Difference (resource − requirement) 1,234.50 -2.00 -1,234,567.89", "Status EXCESS SHORTFALL UNCONFIRMED");
        assertThat(text).contains("* A client-funds account's statement for the day is missing from the resource.",
                "SHORTFALL: the client funds are not fully safeguarded. Resolve by the next business day.");
    }

    @Test
    void eachCurrencysReconcilingScheduleAddsUpToResourceLessClientMoneyAndEndsOnItsDifference() throws IOException {
        // when
        String text = text(render(ReportFixtures.safeguarding(), Locale.ENGLISH, "en.pdf"));

        // then: every line signed as it adds to the difference, the total, the payments in transit taken off again
        assertThat(text).containsSubsequence("Reconciling schedule, SEK",
                "Payments in transit: payouts and refunds paid in the books, not yet debited by the bank 2,500.00 SEK",
                "The firm's own fees still on the account (platform fees) 500.00 SEK",
                "Receipts booked, not yet on the statement -200.00 SEK", "Credits on the statement, not yet booked 300.00 SEK",
                "Debits on the statement, not yet booked (such as bank charges) -50.00 SEK",
                "Amount differences, bank − books -12.34 SEK",
                "Other payments out in the books, not yet on the statement 100.00 SEK",
                "Accounts owed to the firm (negative client balances) -75.00 SEK", "Tolerance residuals, bank − books -0.66 SEK",
                "Written off by operators, bank − books 10.00 SEK", "Unexplained difference -139.89 SEK",
                "Accounts without a statement for the day (book balance and in transit, not in the resource)"
                        + " -1,235,000.00 SEK",
                "Total: resource − client money -1,232,067.89 SEK",
                "Of which payments in transit are owed (in the requirement) -2,500.00 SEK",
                "UNCONFIRMED: resource − requirement -1,234,567.89 SEK");
        assertThat(text).containsSubsequence("Reconciling schedule, EUR", "The firm's own fees still on the account (platform fees) 1,234.50 EUR",
                "Total: resource − client money 1,234.50 EUR", "EXCESS: resource − requirement 1,234.50 EUR");
        assertThat(text).containsSubsequence("Reconciling schedule, NOK", "Receipts booked, not yet on the statement -2.00 NOK",
                "SHORTFALL: resource − requirement -2.00 NOK");
    }

    @Test
    void theResourcePerAccountIsAtItsReconciliationPointAnAccountWithoutStatementSaysSo() throws IOException {
        // when
        String text = text(render(ReportFixtures.safeguarding(), Locale.ENGLISH, "en.pdf"));

        // then: IBAN order, the bank's time with its offset, the end of the business day when the statement gives none
        assertThat(text).containsSubsequence("Resource per account at the reconciliation point",
                "The reconciliation point of each account is the closing booked balance of its statement",
                "Account (IBAN) Name Bank Currency Closing balance As of",
                ReportFixtures.EURO_IBAN + " Kundengelder EUR Commerzbank EUR 11,484.50 end of business day",
                ReportFixtures.KRONE_IBAN + " Klientmidler NOK NOK 5.00 14 Mar 2025 18:00:00 +01:00",
                ReportFixtures.BALANCED_IBAN + " Klientmedel SEK Swedbank SEK 3,500.00 14 Mar 2025 23:59:59 +01:00",
                ReportFixtures.FAILING_IBAN + " Klientmedel SEK 2 SEB SEK no statement end of business day");
    }

    @Test
    void methodActionsOfTheDayAndOfTheDayBeforeAndTheSignOffBlock() throws IOException {
        // when
        Path pdf = render(ReportFixtures.safeguarding(), Locale.ENGLISH, "en.pdf");
        String text = text(pdf).replaceAll("\\s+", " ");

        // then: each table under its heading, the time of an action with its offset
        assertThat(text).contains("Segregation: the clients' funds are held in designated client-funds accounts",
                "Day Action Amount Currency By Recorded at Reason",
                "14 Mar 2025 Top-up by the firm 1,234,567.89 SEK anna.finance 14 Mar 2025 16:05:00 +01:00",
                "13 Mar 2025 Excess withdrawn 1,000.00 EUR karin.operator 14 Mar 2025 09:30:15 +01:00",
                "13 Mar 2025 Other action 0.00 SEK karin.operator 14 Mar 2025 09:45:00 +01:00");
        assertThat(PdfGlyphs.of(pdf).readingOrder("Safeguarding method", "Segregation:", "Actions about this day's position",
                "Top-up by the firm", "Actions about the previous banking day's position", "Excess withdrawn", "Other action",
                "Sign-off", "Prepared by", "Reviewed by")).doesNotContain(-1f).isSorted();
        assertThat(text).containsSubsequence("Sign-off", "Prepared by", "Name", "Signature", "Date", "Reviewed by", "Name",
                "Signature", "Date");
        assertThat(text(render(ReportFixtures.safeguarding(ReportFixtures.header(), SafeguardingMethod.INSURANCE),
                Locale.ENGLISH, "insurance.pdf"))).contains("Insurance: the clients' funds are covered by an insurance policy");
    }

    @Test
    void headerCarriesBusinessDateJobExecutionInputHashesAndControlTotalsInWords() throws IOException {
        // when
        String english = text(render(ReportFixtures.safeguarding(), Locale.ENGLISH, "en.pdf"));
        String swedish = text(render(ReportFixtures.safeguarding(), SWEDISH, "sv.pdf"));

        // then
        assertThat(english).contains("Business date 14 Mar 2025", "Job execution id 4711", "camt053_2025-03-14.xml",
                ReportFixtures.CAMT_HASH, ReportFixtures.LEDGER_HASH, "Client-funds accounts (SEK) 1,234 1,234,567.89 SEK",
                "Accounts reconciled 87");
        assertThat(english).doesNotContain("Version", "CLIENT_FUNDS_ACCOUNTS");
        assertThat(swedish).contains("Affärsdag 2025-03-14", "Jobbkörning (id) 4711", "Klientmedelskonton (SEK) 1\u00a0234",
                "Avstämda konton 87");
    }

    @Test
    void noticesComeFirstAlertsInRedAndALaterVersionIsNamedInTheHeaderAndOnEveryPage() throws IOException {
        // given
        Path pdf = render(ReportFixtures.safeguarding(ReportFixtures.laterVersion()), Locale.ENGLISH, "v2.pdf");

        // when
        String text = text(pdf).replaceAll("\\s+", " ");
        PdfGlyphs glyphs = PdfGlyphs.of(pdf);
        ColouredText colours;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            colours = ColouredText.of(document);
        }

        // then: under the title, before the facts and the figures
        assertThat(text).contains("Closed without the bank's statement of " + ReportFixtures.FAILING_IBAN
                        + ": the day's figures are not confirmed by the bank.",
                "Safeguarding shortfall of 500.00 SEK on 13 Mar 2025: no action was recorded by the next banking day, and there is"
                        + " still none.",
                "Version 2 of this day's reports, written beside version 1, which it supersedes: a statement that arrived late was"
                        + " reconciled (reconciliation run 2).",
                "Job execution id 4799", "Version 2", "Business date 14 Mar 2025 · job execution 4799 · version 2");
        assertThat(glyphs.readingOrder("Safeguarding of client funds", "Closed without the bank's statement",
                "Safeguarding shortfall of 500.00 SEK", "Version 2 of this day's reports", "Business date", "Job execution id",
                "Input files", "Requirement against resource per currency")).doesNotContain(-1f).isSorted();
        assertThat(colours.coloursOf("Closed without the bank's statement")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(colours.coloursOf("no action was recorded by the next banking day")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(colours.coloursOf("Version 2 of this day's reports")).isNotEmpty().noneMatch(ColouredText::red);
    }

    @Test
    void figuresAreFormattedInTheLocalesNumberFormat() throws IOException {
        // given
        SafeguardingReport report = ReportFixtures.safeguarding();

        // when
        String swedish = text(render(report, SWEDISH, "sv.pdf"));
        String german = text(render(report, Locale.GERMAN, "de.pdf"));

        // then: the SEK requirement, the SEK shortfall, the EUR excess
        assertThat(swedish).contains("1\u00a0238\u00a0067,89", "-1\u00a0234\u00a0567,89", "1\u00a0234,50");
        assertThat(german).contains("1.238.067,89", "-1.234.567,89", "1.234,50");
    }

    @Test
    void shortfallUnexplainedDifferenceAndMissingStatementAreDrawnInRedAndNothingElseIs() throws IOException {
        // given
        Path pdf = render(ReportFixtures.safeguarding(), Locale.ENGLISH, "en.pdf");

        // when
        ColouredText text;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            text = ColouredText.of(document);
        }

        // then
        assertThat(text.coloursOf("SHORTFALL")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("UNCONFIRMED")).as("a position without every statement").isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("-1,234,567.89")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("-139.89")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("no statement")).isNotEmpty().allMatch(ColouredText::red);
        assertThat(text.coloursOf("EXCESS")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("1,234.50")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("1,238,067.89")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(text.coloursOf("-2,500.00")).isNotEmpty().noneMatch(ColouredText::red);
        assertThat(red(0x000000)).isFalse();
    }

    @Test
    void swedishAndGermanLabels() throws IOException {
        // when
        String swedish = text(render(ReportFixtures.safeguarding(ReportFixtures.laterVersion()), SWEDISH, "sv.pdf"))
                .replaceAll("\\s+", " ");
        String german = text(render(ReportFixtures.safeguarding(ReportFixtures.laterVersion()), Locale.GERMAN, "de.pdf"))
                .replaceAll("\\s+", " ");

        // then
        assertThat(swedish).contains("Skydd av klientmedel", "Krav", "Täckning", "ÖVERSKOTT", "UNDERSKOTT",
                "Betalningar under överföring, antal 0 0 3", "Avstämningsspecifikation, SEK", "Summa: täckning − klientmedel",
                "Varav betalningar under överföring som är skulder (ingår i kravet)", "UNDERSKOTT: täckning − krav",
                "Täckning per konto vid avstämningstidpunkten", "inget kontoutdrag", "affärsdagens slut", "Skyddsmetod",
                "Avskiljande:", "Påfyllnad från bolaget", "Uttag av överskott", "Annan åtgärd", "Upprättad av", "Granskad av",
                "Underskrift", "Datum", "Version 2 av dagens rapporter", "Dagen stängdes utan bankens kontoutdrag", "Sida 1 av");
        assertThat(german).contains("Sicherung der Kundengelder", "Sicherungsbedarf", "Deckung", "ÜBERDECKUNG", "UNTERDECKUNG",
                "Überleitungsrechnung, SEK", "Zahlungen im Transit", "Deckung je Konto zum Abstimmungszeitpunkt",
                "kein Kontoauszug", "Ende des Geschäftstags", "Sicherungsmethode", "Trennung:", "Auffüllung durch das Unternehmen",
                "Erstellt von", "Geprüft von", "Unterschrift", "Geschäftstag 14.03.2025", "Version 2 der Berichte dieses Tages",
                "Seite 1 von");
    }

    @Test
    void sameReportGivesTheSameBytesWithFixedDatesProducerAndId() throws Exception {
        // given
        SafeguardingReport report = ReportFixtures.safeguarding();

        // when
        Path first = render(report, Locale.ENGLISH, "first.pdf");
        Thread.sleep(1_100);
        Path second = render(ReportFixtures.safeguarding(), Locale.ENGLISH, "second.pdf");
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

    @Test
    void aDayWithoutCurrenciesAccountsOrActionsSaysNone() throws IOException {
        // given
        SafeguardingReport empty = new SafeguardingReport(ReportFixtures.header(), List.of(), List.of(),
                SafeguardingMethod.GUARANTEE, List.of(), List.of());

        // when
        Path pdf = render(empty, Locale.ENGLISH, "empty.pdf");

        // then: four times none, in the order of the sections
        String text = text(pdf);
        assertThat(text.split("\\bNone\\b", -1)).hasSize(5);
        assertThat(text).contains("Guarantee: the clients' funds are covered by a comparable guarantee");
        assertThat(PdfGlyphs.of(pdf).readingOrder("Requirement against resource per currency",
                "Resource per account at the reconciliation point", "Safeguarding method", "Actions about this day's position",
                "Actions about the previous banking day's position", "Sign-off")).doesNotContain(-1f).isSorted();
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
