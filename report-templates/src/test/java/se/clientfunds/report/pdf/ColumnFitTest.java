package se.clientfunds.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import com.lowagie.text.pdf.BaseFont;
import org.junit.jupiter.api.Test;

class ColumnFitTest {

    private static final float PADDING = 4;

    private final BaseFont bold = new DocumentFonts(PdfLayout.standard()).bold();

    @Test
    void aColumnTooNarrowForTheWidestWordOfItsHeadingIsWidenedAndTheOthersGiveWhatTheyHaveToSpare() {
        // given: "Utbetalningar" is some 52 points wide in bold 8 pt, its column 30
        float[] widths = {30, 200, 100};
        List<String> headings = List.of("Utbetalningar", "Id", "Referens");

        // when
        ColumnFit fit = ColumnFit.of(widths, headings, bold, 8, 6, PADDING);

        // then: no word cut, the table as wide as before, the font as it was
        float[] needed = ColumnFit.needed(headings, bold, 8, PADDING);
        assertThat(fit.size()).isEqualTo(8);
        assertThat(fit.widths()[0]).isCloseTo(needed[0], within(0.01f)).isGreaterThan(bold.getWidthPoint("Utbetalningar", 8) + PADDING);
        assertThat(fit.widths()[1] + fit.widths()[2]).isCloseTo(330 - needed[0], within(0.01f));
        // each gives up the same share of what it has above its own need
        assertThat((fit.widths()[1] - needed[1]) / (200 - needed[1])).isCloseTo((fit.widths()[2] - needed[2]) / (100 - needed[2]),
                within(0.001f));
    }

    @Test
    void headingsWrapBetweenWordsSoOnlyTheWidestWordCounts() {
        // when
        float[] needed = ColumnFit.needed(List.of("Betalningar under överföring, antal"), bold, 8, PADDING);

        // then
        assertThat(needed[0]).isCloseTo(bold.getWidthPoint("Betalningar", 8) + PADDING + 1, within(0.01f));
    }

    @Test
    void columnsWideEnoughAreLeftAsTheyAre() {
        // when
        ColumnFit fit = ColumnFit.of(new float[] {100, 100}, List.of("Id", "Status"), bold, 8, 6, PADDING);

        // then
        assertThat(fit.widths()).containsExactly(100, 100);
        assertThat(fit.size()).isEqualTo(8);
    }

    @Test
    void headingsThatCannotFitSideBySideAreSetSmallerDownToTheMinimum() {
        // given: three long words in 120 points
        List<String> headings = List.of("Bokföringsdag", "Betalningsreferens", "Utbetalningar");

        // when
        ColumnFit fit = ColumnFit.of(new float[] {40, 40, 40}, headings, bold, 8, 6, PADDING);

        // then: smaller than 8 pt, but not below 6, and at that size every word fits when it can
        assertThat(fit.size()).isLessThan(8).isGreaterThanOrEqualTo(6);
        float[] needed = ColumnFit.needed(headings, bold, fit.size(), PADDING);
        if (needed[0] + needed[1] + needed[2] <= 120) {
            for (int c = 0; c < 3; c++) {
                assertThat(fit.widths()[c]).as("column %d", c).isGreaterThanOrEqualTo(needed[c] - 0.01f);
            }
        }
        assertThatThrownBy(() -> ColumnFit.of(new float[] {1}, headings, bold, 8, 6, PADDING))
                .hasMessageContaining("1 columns for 3 headings");
    }
}
