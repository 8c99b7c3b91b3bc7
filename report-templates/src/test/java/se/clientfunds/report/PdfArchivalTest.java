package se.clientfunds.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import se.clientfunds.report.audit.AuditFixtures;
import se.clientfunds.report.audit.AuditPdf;
import se.clientfunds.report.monthly.ReturnFixtures;
import se.clientfunds.report.monthly.SafeguardingReturnPdf;
import se.clientfunds.report.pdf.ReconciliationPdf;
import se.clientfunds.report.pdf.ReportFixtures;
import se.clientfunds.report.pdf.SafeguardingPdf;

/**
 * Every kind of PDF the reports make, rendered from the test fixtures, is PDF/A-2b as veraPDF (the PDF Association's
 * reference validator) reads ISO 19005-2, and carries what an archive looks for first: embedded fonts, the sRGB
 * output intent, the PDF/A identification in its XMP metadata.
 */
class PdfArchivalTest {

    private static final PDFAFlavour PDF_A_2B = PDFAFlavour.PDFA_2_B;

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    /** Each kind, the daily ones as a later version: notices in their frames, the version in the header and head. */
    static Stream<Arguments> reports() throws IOException {
        Locale swedish = Locale.forLanguageTag("sv");
        return Stream.of(
                Arguments.of("safeguarding.pdf", render(out -> new SafeguardingPdf(swedish).write(
                        ReportFixtures.safeguarding(ReportFixtures.laterVersion()), out))),
                Arguments.of("reconciliation.pdf", render(out -> new ReconciliationPdf(Locale.ENGLISH).write(
                        ReportFixtures.reconciliation(ReportFixtures.laterVersion(), 40), out))),
                Arguments.of("audit.pdf", render(out -> new AuditPdf(Locale.GERMAN).write(
                        AuditFixtures.report(ReportFixtures.laterVersion()), out))),
                Arguments.of("safeguarding-return.pdf",
                        render(out -> new SafeguardingReturnPdf(swedish).write(ReturnFixtures.january(), out))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void veraPdfFindsNoRuleOfPdfA2bBroken(String name, byte[] pdf) throws Exception {
        // when
        ValidationResult result;
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDF_A_2B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDF_A_2B, false)) {
            result = validator.validate(parser);
        }

        // then
        List<String> failed = result.getTestAssertions().stream()
                .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": "
                        + assertion.getMessage() + " (" + assertion.getLocation().getContext() + ")")
                .distinct().toList();
        assertThat(failed).as("rules of %s broken in %s", PDF_A_2B, name).isEmpty();
        assertThat(result.getPDFAFlavour()).isEqualTo(PDF_A_2B);
        assertThat(result.isCompliant()).isTrue();
        assertThat(result.getTotalAssertions()).as("checks veraPDF made").isGreaterThan(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void fontsEmbeddedOutputIntentAndPdfAIdentification(String name, byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // then: every font, also those of the forms a page draws, is embedded
            List<PDFont> fonts = ReportFiles.fonts(document);
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded())
                    .as("%s embedded in %s", font.getName(), name).isTrue());
            // the sRGB output intent, with its profile, for the RGB colours (red alerts, grey table headers)
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            assertThat(catalog.getOutputIntents()).singleElement().satisfies(intent -> {
                assertThat(intent.getCOSObject().getCOSName(COSName.S)).isEqualTo(COSName.getPDFName("GTS_PDFA1"));
                assertThat(intent.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1");
                assertThat(destOutputProfile(intent)).isNotEmpty();
            });
            // PDF 1.7, and the XMP that names PDF/A-2b and repeats the title, the producer and the business date
            assertThat(document.getVersion()).isEqualTo(1.7f);
            String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
                    "<pdf:Producer>clientfunds report-templates</pdf:Producer>",
                    "<rdf:li xml:lang=\"x-default\">" + document.getDocumentInformation().getTitle() + "</rdf:li>");
            assertThat(xmp).containsPattern("<xmp:CreateDate>20(25-03-14|26-01-30)T00:00:00Z</xmp:CreateDate>");
        }
    }

    private static byte[] destOutputProfile(PDOutputIntent intent) throws IOException {
        try (var in = intent.getDestOutputIntent().createInputStream()) {
            return in.readAllBytes();
        }
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
