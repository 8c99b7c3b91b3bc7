package se.clientfunds.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.clientfunds.report.audit.AuditFixtures;
import se.clientfunds.report.audit.AuditPdf;
import se.clientfunds.report.audit.AuditReport;
import se.clientfunds.report.monthly.ReturnFixtures;
import se.clientfunds.report.monthly.SafeguardingReturn;
import se.clientfunds.report.monthly.SafeguardingReturnPdf;
import se.clientfunds.report.pdf.InputFile;
import se.clientfunds.report.pdf.ReconciliationPdf;
import se.clientfunds.report.pdf.ReportFixtures;
import se.clientfunds.report.pdf.ReportHeader;
import se.clientfunds.report.pdf.SafeguardingPdf;
import se.clientfunds.report.pdf.SafeguardingReport;

/**
 * Every page of every kind of PDF says which page it is and of how many, in the report's language, and carries the
 * running head: each renderer lays out its pages through {@code ReportDocument}, which puts both on every page.
 */
class PageNumbersTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    static Stream<Arguments> multiPageReports() throws IOException {
        SafeguardingReport safeguarding = ReportFixtures.safeguarding();
        AuditReport audit = AuditFixtures.report();
        SafeguardingReturn january = ReturnFixtures.january();
        return Stream.of(
                Arguments.of("safeguarding.pdf", "Page {0} of {1}", "Safeguarding of client funds",
                        render(out -> new SafeguardingPdf(Locale.ENGLISH).write(
                                ReportFixtures.safeguarding(manyInputFiles(safeguarding.header())), out))),
                Arguments.of("reconciliation.pdf", "Sida {0} av {1}", "Avstämning av klientmedelskonton",
                        render(out -> new ReconciliationPdf(SWEDISH).write(ReportFixtures.reconciliation(500), out))),
                Arguments.of("audit.pdf", "Seite {0} von {1}", "Prüfprotokoll des Geschäftstags",
                        render(out -> new AuditPdf(Locale.GERMAN).write(AuditFixtures.report(manyInputFiles(audit.header())),
                                out))),
                Arguments.of("safeguarding-return.pdf", "Page {0} of {1}", "Monthly safeguarding return, January 2026",
                        render(out -> new SafeguardingReturnPdf(Locale.ENGLISH).write(ReturnFixtures.january(
                                manyInputFiles(january.header()), january.days()), out))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multiPageReports")
    void everyPageSaysPageNOfM(String name, String pageOf, String title, byte[] pdf) throws IOException {
        // when
        List<String> pages = pages(pdf);

        // then
        assertThat(pages).as("pages of %s", name).hasSizeGreaterThanOrEqualTo(3);
        IntStream.range(0, pages.size()).forEach(page -> assertThat(pages.get(page))
                .as("page %d of %s", page + 1, name)
                .contains(pageOf.replace("{0}", Integer.toString(page + 1)).replace("{1}", Integer.toString(pages.size())))
                .contains(title));
    }

    /** The report's header listing 150 input files: three pages and more for every kind of report. */
    private static ReportHeader manyInputFiles(ReportHeader header) {
        List<InputFile> files = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            files.add(new InputFile(String.format(Locale.ROOT, "camt053_2025-03-14_%03d.xml", i), ReportFixtures.CAMT_HASH));
        }
        return new ReportHeader(header.businessDate(), header.jobExecutionId(), files, header.controlTotals(), header.version(),
                header.notices());
    }

    private static List<String> pages(byte[] pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
        }
        return pages;
    }

    @FunctionalInterface
    private interface Renderer {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] render(Renderer renderer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.write(out);
        return out.toByteArray();
    }
}
