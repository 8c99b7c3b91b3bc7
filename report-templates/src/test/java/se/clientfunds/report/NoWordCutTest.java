package se.clientfunds.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.DateFormatSymbols;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPTable;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import se.clientfunds.report.EveryWordFixtures.Rendered;
import se.clientfunds.report.pdf.ReportDocument;
import se.clientfunds.report.pdf.ReportFixtures;
import se.clientfunds.report.pdf.ReportText;

/**
 * No word of a PDF is cut in two: OpenPDF breaks a word that is wider than its cell at any letter ("Utbetalnin" /
 * "gar"). Every word drawn in the text faces of every PDF, in English, Swedish and German, rendered from records that
 * carry every word, must be a word of the bundles, of the records or of the calendar; a piece of a cut word is none of
 * them. The table headings are kept whole by {@code ColumnFit}; this reads the result on the page. In the workbooks a
 * table sheet's column is as wide as its heading and a summary's headings wrap between words in columns as wide as
 * their longest word.
 */
class NoWordCutTest {

    static Stream<Locale> locales() {
        return Stream.of(Locale.ENGLISH, Locale.forLanguageTag("sv"), Locale.GERMAN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("locales")
    void everyWordOfEveryPdfIsWhole(Locale locale) throws IOException {
        // given
        List<Rendered> reports = EveryWordFixtures.render(locale).stream().filter(Rendered::pdf).toList();
        Set<String> vocabulary = vocabulary();
        reports.forEach(report -> words(EveryWordFixtures.texts(report.records()), vocabulary));

        // when
        List<String> cut = new ArrayList<>();
        for (Rendered report : reports) {
            for (PdfGlyphs.Word word : PdfGlyphs.of(report.bytes()).words()) {
                if (word.font().contains("LiberationSans") && !vocabulary.contains(word.text().toLowerCase(Locale.ROOT))) {
                    cut.add(report.name() + ": «" + word.text() + "» on page " + word.page() + " in " + word.font() + " "
                            + word.size() + " pt");
                }
            }
        }

        // then
        assertThat(cut).as("pieces of words in the %s PDFs", locale.getDisplayLanguage(Locale.ENGLISH)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("locales")
    void everyHeadingOfEveryWorkbookHasRoomForItsWords(Locale locale) throws IOException {
        // given
        List<Rendered> workbooks = EveryWordFixtures.render(locale).stream().filter(report -> !report.pdf()).toList();

        // when: a table sheet's header row is as wide as its headings; a summary's headings wrap between words
        List<String> narrow = new ArrayList<>();
        for (Rendered report : workbooks) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.bytes()))) {
                for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                    XSSFSheet sheet = workbook.getSheetAt(s);
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            // a heading is on a table sheet's first row, or on the summary in the grey header style
                            boolean tableHeading = s > 0 && row.getRowNum() == 0;
                            boolean summaryHeading = s == 0 && row.getRowNum() > 0
                                    && cell.getCellStyle().getFillPattern() == FillPatternType.SOLID_FOREGROUND;
                            if (cell.getCellType() != CellType.STRING || !tableHeading && !summaryHeading) {
                                continue;
                            }
                            String heading = cell.getStringCellValue();
                            // a heading that wraps needs room for its longest word, one that does not for all of it
                            int needed = cell.getCellStyle().getWrapText() ? Stream.of(heading.split("\\s+"))
                                    .mapToInt(String::length).max().orElse(0) : heading.length();
                            if (sheet.getColumnWidth(cell.getColumnIndex()) < needed * 256) {
                                narrow.add(report.name() + ", " + sheet.getSheetName() + " " + cell.getAddress() + ": «" + heading
                                        + "» in " + sheet.getColumnWidth(cell.getColumnIndex()) / 256 + " characters");
                            }
                        }
                    }
                }
            }
        }

        // then
        assertThat(narrow).as("headings without room in the %s workbooks", locale.getDisplayLanguage(Locale.ENGLISH)).isEmpty();
    }

    @Test
    void theCheckSeesAWordCutInANarrowCell() throws IOException {
        // given: a body cell far too narrow for its word (headings are widened, cells are not)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportText text = new ReportText(Locale.forLanguageTag("sv"), "reports/messages");
        try (ReportDocument pdf = new ReportDocument(ReportDocument.keepOpen(out), ReportDocument.pageSize("page.safeguarding"),
                "Test", ReportFixtures.header(), text)) {
            PdfPTable table = pdf.table(new float[] {1, 30});
            table.addCell(pdf.cell("Utbetalningar", Element.ALIGN_LEFT));
            table.addCell(pdf.cell("", Element.ALIGN_LEFT));
            pdf.add(table);
        }

        // when
        List<String> words = PdfGlyphs.of(out.toByteArray()).words().stream().map(PdfGlyphs.Word::text).toList();

        // then: the word is drawn in pieces, none of them a word
        assertThat(words).doesNotContain("Utbetalningar").anyMatch(word -> "Utbetalningar".startsWith(word) && word.length() > 1);
        assertThat(vocabulary()).contains("utbetalningar").doesNotContain(words.stream()
                .filter(word -> "Utbetalningar".startsWith(word) && word.length() < "Utbetalningar".length())
                .map(word -> word.toLowerCase(Locale.ROOT)).toArray(String[]::new));
    }

    /** The words of every bundle in every language, of the month names and of the currency codes. */
    private static Set<String> vocabulary() {
        Set<String> vocabulary = new HashSet<>();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"), Locale.GERMAN)) {
            words(ReportWords.bundle(locale).values(), vocabulary);
            DateFormatSymbols calendar = DateFormatSymbols.getInstance(locale);
            words(List.of(calendar.getMonths()), vocabulary);
            words(List.of(calendar.getShortMonths()), vocabulary);
        }
        Currency.getAvailableCurrencies().forEach(currency -> vocabulary.add(currency.getCurrencyCode().toLowerCase(Locale.ROOT)));
        return vocabulary;
    }

    private static void words(Iterable<String> texts, Set<String> vocabulary) {
        for (String text : texts) {
            for (String word : text.split("[^\\p{L}]+")) {
                if (!word.isEmpty()) {
                    vocabulary.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
    }
}
