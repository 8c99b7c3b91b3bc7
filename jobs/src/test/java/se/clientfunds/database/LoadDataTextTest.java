package se.clientfunds.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LoadDataTextTest {

    @Test
    void nullIsBackslashNAndNoTextCanReadBackAsNull() {
        // when / then
        assertThat(LoadDataText.field(null)).isEqualTo("\\N");
        assertThat(LoadDataText.field("\\N")).isEqualTo("\\\\N");
        assertThat(LoadDataText.field("NULL")).isEqualTo("NULL");
        assertThat(LoadDataText.field("")).isEmpty();
    }

    @Test
    void whatWouldEndAFieldOrARowIsEscaped() {
        // given a remittance text with a tab, a newline, a carriage return, a backslash and a NUL in it
        String text = "OCR\t12345\nfaktura\r\n C:\\bank\u0000slut";

        // when
        String field = LoadDataText.field(text);

        // then
        assertThat(field).isEqualTo("OCR\\t12345\\nfaktura\\r\\n C:\\\\bank\\0slut");
        assertThat(field).doesNotContain("\t", "\n", "\r", "\u0000");
    }

    @Test
    void lettersBeyondAsciiStayAsTheyAre() {
        // when / then (the statement reads the stream as utf8mb4)
        assertThat(LoadDataText.field("Åsa Öberg, Müller & Łukasz 😀")).isEqualTo("Åsa Öberg, Müller & Łukasz 😀");
    }

    @Test
    void numbersDatesAndFlagsAreWrittenAsTheColumnsReadThem() {
        // when / then
        assertThat(LoadDataText.field(-1_234_567_890_123L)).isEqualTo("-1234567890123");
        assertThat(LoadDataText.field(42)).isEqualTo("42");
        assertThat(LoadDataText.field(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(LoadDataText.field(true)).isEqualTo("1");
        assertThat(LoadDataText.field(false)).isEqualTo("0");
        assertThat(LoadDataText.field(LocalDate.of(2026, 3, 2))).isEqualTo("2026-03-02");
    }

    @Test
    void aTypeWithoutAFieldIsRefusedNamingIt() {
        // when / then
        assertThatThrownBy(() -> LoadDataText.field(2.5d))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a java.lang.Double has no LOAD DATA field")
                .hasMessageEndingWith("(2.5)");
    }

    @Test
    void fieldsAppendOneAfterAnother() {
        // given
        StringBuilder row = new StringBuilder();

        // when
        LoadDataText.append(row, 7L);
        row.append('\t');
        LoadDataText.append(row, "a\tb");
        row.append('\t');
        LoadDataText.append(row, null);

        // then
        assertThat(row).hasToString("7\ta\\tb\t\\N");
    }
}
