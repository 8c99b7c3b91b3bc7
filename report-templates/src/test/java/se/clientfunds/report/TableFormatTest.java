package se.clientfunds.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TableFormatTest {

    private final ReportTable table = new ReportTable(List.of("account", "currency", "closing"),
            List.of(List.of("BANK:SE4550000000058398257466", "SEK", "1250.00"),
                    List.of("CLIENT:Acme, \"the\" AB", "SEK", "-3.50")));

    @Test
    void csvQuotesCellsWithCommasAndQuotesAndKeepsTheHeaderExact() {
        // when
        String csv = TableFormat.CSV.render(table);

        // then
        assertThat(csv).isEqualTo("account,currency,closing\n"
                + "BANK:SE4550000000058398257466,SEK,1250.00\n"
                + "\"CLIENT:Acme, \"\"the\"\" AB\",SEK,-3.50\n");
    }

    @Test
    void tableAlignsTextLeftAndNumbersRight() {
        // when
        List<String> lines = TableFormat.TABLE.render(table).lines().toList();

        // then
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("account ").endsWith("closing");
        assertThat(lines.get(1).indexOf("1250.00")).isEqualTo(lines.get(0).indexOf("closing"));
        assertThat(lines.get(2)).endsWith("  -3.50");
        assertThat(lines.get(1).indexOf("SEK")).isEqualTo(lines.get(0).indexOf("currency"));
        assertThat(lines.get(1).length()).isEqualTo(lines.get(2).length());
    }

    @Test
    void jsonIsAnArrayOfObjectsKeyedByColumn() {
        assertThat(TableFormat.JSON.render(table)).isEqualTo("[{\"account\":\"BANK:SE4550000000058398257466\","
                + "\"currency\":\"SEK\",\"closing\":\"1250.00\"},{\"account\":\"CLIENT:Acme, \\\"the\\\" AB\","
                + "\"currency\":\"SEK\",\"closing\":\"-3.50\"}]\n");
    }

    @Test
    void parsesFormatNamesAndRefusesOthersNamingTheValue() {
        assertThat(TableFormat.parse("CSV")).isEqualTo(TableFormat.CSV);
        assertThatThrownBy(() -> TableFormat.parse("xml")).hasMessage("format 'xml' is not one of table, csv, json");
    }

    @Test
    void refusesARowWithTheWrongNumberOfCells() {
        assertThatThrownBy(() -> new ReportTable(List.of("a", "b"), List.of(List.of("1"))))
                .hasMessageContaining("row 1 has 1 cells, the header 2");
    }
}
