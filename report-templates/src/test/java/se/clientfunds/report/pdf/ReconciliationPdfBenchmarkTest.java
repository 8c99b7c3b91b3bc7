package se.clientfunds.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Times the reconciliation PDF with 10,000 breaks against a bare OpenPDF table of the same cells, in the same JVM.
 * Prints the figures; timing is not asserted (machines differ), what both wrote is.
 */
class ReconciliationPdfBenchmarkTest {

    private static final int BREAKS = 10_000;
    private static final int ROUNDS = 5;

    @Test
    void tenThousandBreaksAgainstABareTable() throws IOException {
        // given
        ReconciliationReport report = ReportFixtures.reconciliation(BREAKS);
        List<ReconciliationBreak> breaks = report.accounts().get(0).breaks();
        ReconciliationPdf renderer = new ReconciliationPdf(Locale.ENGLISH);
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            renderer.write(report, new ByteArrayOutputStream());
            BareBreaksTable.write(breaks, Locale.ENGLISH, new ByteArrayOutputStream());
        }

        // when: the best of a few rounds each, interleaved
        long real = Long.MAX_VALUE;
        long bare = Long.MAX_VALUE;
        ByteArrayOutputStream realPdf = null;
        ByteArrayOutputStream barePdf = null;
        for (int round = 0; round < ROUNDS; round++) {
            realPdf = new ByteArrayOutputStream();
            long start = System.nanoTime();
            renderer.write(report, realPdf);
            real = Math.min(real, System.nanoTime() - start);
            barePdf = new ByteArrayOutputStream();
            start = System.nanoTime();
            BareBreaksTable.write(breaks, Locale.ENGLISH, barePdf);
            bare = Math.min(bare, System.nanoTime() - start);
        }
        System.out.printf(Locale.ROOT, "reconciliation.pdf, %d breaks: renderer %d ms, bare table %d ms, ratio %.2f%n", BREAKS,
                real / 1_000_000, bare / 1_000_000, (double) real / bare);

        // then: both hold every break
        try (PDDocument document = Loader.loadPDF(realPdf.toByteArray());
             PDDocument baseline = Loader.loadPDF(barePdf.toByteArray())) {
            System.out.printf(Locale.ROOT, "pages: renderer %d, bare table %d; bytes: renderer %d, bare table %d%n",
                    document.getNumberOfPages(), baseline.getNumberOfPages(), realPdf.size(), barePdf.size());
            assertThat(new PDFTextStripper().getText(baseline)).contains("REF-10000", "REF-1 ");
            assertThat(new PDFTextStripper().getText(document)).contains("REF-10000", "REF-1 ");
            assertThat(document.getNumberOfPages()).isGreaterThan(100);
            assertThat(baseline.getNumberOfPages()).isGreaterThan(100);
        }
    }
}
