package se.clientfunds.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.report.ReportFiles;

class EmbeddedFontsTest {

    /** Characters beyond Windows-1252, which the standard PDF fonts could not print, and Swedish and German letters. */
    private static final String CONTROL = "Åsa Öberg ≠ bank − Straße";
    private static final String FILE = "kontoutdrag_åäö_2025-03-14.xml";

    @TempDir
    Path dir;

    @Test
    void textBeyondWindows1252IsPrintedInTheEmbeddedFont() throws IOException {
        // given
        SafeguardingReport report = report();

        // when
        Path pdf = dir.resolve("sv.pdf");
        new SafeguardingPdf(Locale.forLanguageTag("sv")).write(report, pdf);

        // then
        assertThat(ReportFiles.pdfText(pdf).replaceAll("\\s+", " ")).contains(ReportFixtures.BALANCED_IBAN + " " + CONTROL,
                FILE + " " + ReportFixtures.CAMT_HASH);
    }

    @Test
    void everyFontIsAnEmbeddedUnicodeSubsetOfLiberation() throws IOException {
        // when
        Path pdf = dir.resolve("en.pdf");
        new SafeguardingPdf(Locale.ENGLISH).write(report(), pdf);

        // then: regular, bold (headings), italic (the footnote) and the hash font; six-letter subset tags
        List<PDFont> fonts = fonts(pdf);
        assertThat(fonts).extracting(font -> font.getName().substring("ABCDEF+".length()))
                .containsExactlyInAnyOrder("LiberationSans", "LiberationSans-Bold", "LiberationSans-Italic", "LiberationMono");
        assertThat(fonts).allSatisfy(font -> {
            assertThat(font.getName()).matches("[A-Z]{6}\\+Liberation(Sans|Mono).*");
            assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.getCOSObject().getNameAsString(COSName.ENCODING)).isEqualTo("Identity-H");
        });
        assertThat(fonts).extracting(font -> font.getName().substring(0, 6)).doesNotHaveDuplicates();
    }

    @Test
    void subsetTagsFollowTheContentNotChance() throws IOException {
        // when
        Path first = dir.resolve("first.pdf");
        Path second = dir.resolve("second.pdf");
        Path other = dir.resolve("other.pdf");
        new SafeguardingPdf(Locale.ENGLISH).write(report(), first);
        new SafeguardingPdf(Locale.ENGLISH).write(report(), second);
        new SafeguardingPdf(Locale.GERMAN).write(report(), other);

        // then
        List<String> tags = fonts(first).stream().map(PDFont::getName).toList();
        assertThat(fonts(second)).extracting(PDFont::getName).isEqualTo(tags);
        assertThat(fonts(other)).extracting(PDFont::getName).doesNotContainAnyElementsOf(tags);
    }

    private static SafeguardingReport report() {
        ReportHeader header = new ReportHeader(ReportFixtures.DAY, 4711, List.of(new InputFile(FILE, ReportFixtures.CAMT_HASH)),
                List.of(ControlTotal.count(ControlTotalKind.ACCOUNTS_RECONCILED, 1)));
        SafeguardingReport fixture = ReportFixtures.safeguarding();
        return new SafeguardingReport(header, fixture.positions(), List.of(new AccountResource(ReportFixtures.BALANCED_IBAN,
                CONTROL, "Swedbank", "SEK", ReportFixtures.sek(3_500_00), "")), fixture.method(), fixture.actions(),
                fixture.previousDayActions());
    }

    private static List<PDFont> fonts(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return ReportFiles.fonts(document);
        }
    }
}
