package se.clientfunds.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCsvReaderTest {

    private static final String REFUND_HEADER = "refund_id,payment_ref,amount,currency,to_account,to_name,approved_by";

    @TempDir
    Path dir;

    @Test
    void readsRowsWithTheirLineNumbers() throws IOException {
        // given
        String text = REFUND_HEADER + "\n"
                + "R1,P1,10.00,SEK,SE4550000000058398257466,Anna,eva\n"
                + "R2,P2,20.00,EUR,SE4550000000058398257466,Bo,eva\n";

        // when
        List<ExtractRow> rows = readAll(text.getBytes(StandardCharsets.UTF_8), ExtractKind.REFUNDS);

        // then
        assertThat(rows).extracting(ExtractRow::line).containsExactly(2L, 3L);
        assertThat(rows.get(1).fields())
                .containsExactly("R2", "P2", "20.00", "EUR", "SE4550000000058398257466", "Bo", "eva");
    }

    @Test
    void stripsByteOrderMarkAndAcceptsCrlfAndMissingFinalLineEnding() throws IOException {
        // given
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (REFUND_HEADER + "\r\nR1,P1,10.00,SEK,IBAN,Anna,eva\r\nR2,P2,20.00,SEK,IBAN,Bo,eva")
                .getBytes(StandardCharsets.UTF_8);

        // when
        List<ExtractRow> rows = readAll(concat(bom, body), ExtractKind.REFUNDS);

        // then
        assertThat(rows).extracting(ExtractRow::line).containsExactly(2L, 3L);
        assertThat(rows.get(0).field(6)).isEqualTo("eva");
        assertThat(rows.get(1).field(6)).isEqualTo("eva");
    }

    @Test
    void readsQuotedFieldsWithCommaDoubledQuoteAndLineBreaks() throws IOException {
        // given
        String text = REFUND_HEADER + "\r\n"
                + "R1,P1,10.00,SEK,IBAN,\"Lindqvist, Åsa\",eva\r\n"
                + "R2,P2,10.00,SEK,IBAN,\"Bolaget \"\"Snabb\"\" AB\",eva\r\n"
                + "R3,P3,10.00,SEK,IBAN,\"c/o Ström\r\nBox 12\nGöteborg\",eva\r\n"
                + "R4,\"\",10.00,SEK,IBAN,Örjan,\"\"\r\n";

        // when
        List<ExtractRow> rows = readAll(text.getBytes(StandardCharsets.UTF_8), ExtractKind.REFUNDS);

        // then
        assertThat(rows).extracting(row -> row.field(5))
                .containsExactly("Lindqvist, Åsa", "Bolaget \"Snabb\" AB", "c/o Ström\r\nBox 12\nGöteborg", "Örjan");
        assertThat(rows).extracting(ExtractRow::line).containsExactly(2L, 3L, 4L, 7L);
        assertThat(rows.get(3).field(1)).isEmpty();
        assertThat(rows.get(3).field(6)).isEmpty();
    }

    @Test
    void readsAFileOfTheKindItsHeaderNames() throws IOException {
        // given
        Path file = dir.resolve("whatever.csv");
        Files.writeString(file, ExtractKind.CLIENTS.headerLine() + "\n");

        // when
        try (ExtractCsvReader reader = ExtractCsvReader.openDetectingKind(file)) {

            // then
            assertThat(reader.kind()).isEqualTo(ExtractKind.CLIENTS);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void readsFieldsThatSpanBufferBoundaries() throws IOException {
        // given rows long enough that fields, quotes and CRLFs straddle the 64 KiB buffers
        StringBuilder text = new StringBuilder(REFUND_HEADER).append("\r\n");
        String longName = "Å".repeat(997);
        for (int i = 0; i < 2_000; i++) {
            text.append("R").append(i).append(",P,1.00,SEK,IBAN,\"").append(longName).append("\"\"\n\",")
                    .append("x".repeat(i % 50)).append("\r\n");
        }

        // when
        List<ExtractRow> rows = readAll(text.toString().getBytes(StandardCharsets.UTF_8), ExtractKind.REFUNDS);

        // then
        assertThat(rows).hasSize(2_000);
        for (int i = 0; i < rows.size(); i++) {
            ExtractRow row = rows.get(i);
            assertThat(row.line()).isEqualTo(2L + 2L * i);
            assertThat(row.field(0)).isEqualTo("R" + i);
            assertThat(row.field(5)).isEqualTo(longName + "\"\n");
            assertThat(row.field(6)).isEqualTo("x".repeat(i % 50));
        }
    }

    @Test
    void refusesAnEmptyFile() {
        // given
        byte[] empty = {};
        byte[] onlyBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] onlyWhitespace = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\r', '\n', '\n', '\t'};

        // when / then
        for (byte[] bytes : List.of(empty, onlyBom, onlyWhitespace)) {
            assertThatThrownBy(() -> readAll(bytes, ExtractKind.INVOICES))
                    .isInstanceOf(ExtractFormatException.class)
                    .hasMessage("invoices.csv: file is empty");
        }
    }

    @Test
    void refusesAHeaderThatIsNotExactlyTheExpectedColumns() {
        // given
        byte[] bytes = "refund_id,payment_ref,amount,currency,to_account,to_name\nR1,P,1.00,SEK,IBAN,Bo\n"
                .getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> readAll(bytes, ExtractKind.REFUNDS))
                .isInstanceOf(ExtractFormatException.class)
                .hasMessage("refunds.csv line 1: header must be exactly [refund_id, payment_ref, amount, currency,"
                        + " to_account, to_name, approved_by] for refunds.csv, found [refund_id, payment_ref, amount,"
                        + " currency, to_account, to_name]")
                .extracting(e -> ((ExtractFormatException) e).line()).isEqualTo(1L);
    }

    @Test
    void refusesARowWithTheWrongNumberOfFields() {
        // given
        byte[] bytes = (REFUND_HEADER + "\nR1,P,1.00,SEK,IBAN,Bo,eva\n\"R2\nR2\",P,1.00,SEK,IBAN,Bo\n")
                .getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> readAll(bytes, ExtractKind.REFUNDS))
                .isInstanceOf(ExtractFormatException.class)
                .hasMessage("refunds.csv line 3: has 6 fields, expected 7");
    }

    @Test
    void refusesAnEmptyLine() {
        // given
        byte[] bytes = (REFUND_HEADER + "\nR1,P,1.00,SEK,IBAN,Bo,eva\n\nR2,P,1.00,SEK,IBAN,Bo,eva\n")
                .getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> readAll(bytes, ExtractKind.REFUNDS))
                .isInstanceOf(ExtractFormatException.class)
                .hasMessage("refunds.csv line 3: is empty, expected 7 fields");
    }

    @Test
    void refusesBytesThatAreNotUtf8NamingLineColumnAndByteOffset() {
        // given 'å' in ISO-8859-1 is the single byte 0xE5, which is not UTF-8
        byte[] bytes = (REFUND_HEADER + "\nR1,P,1.00,SEK,IBAN,Bo,eva\nR2,P,1.00,SEK,IBAN,H\u00e5kan,eva\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        int offset = (REFUND_HEADER + "\nR1,P,1.00,SEK,IBAN,Bo,eva\nR2,P,1.00,SEK,IBAN,H").length();

        // when / then
        assertThatThrownBy(() -> readAll(bytes, ExtractKind.REFUNDS))
                .isInstanceOf(ExtractFormatException.class)
                .hasMessage("refunds.csv line 3: column 21: is not valid UTF-8: byte 0xE5 at byte offset " + offset)
                .extracting(e -> ((ExtractFormatException) e).line()).isEqualTo(3L);
    }

    @Test
    void refusesBytesThatAreNotUtf8FarIntoTheFile() {
        // given
        StringBuilder text = new StringBuilder(REFUND_HEADER).append('\n');
        for (int i = 0; i < 5_000; i++) {
            text.append("R").append(i).append(",P,1.00,SEK,IBAN,Bo,eva\n");
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = concat(good, new byte[] {'R', 'x', ',', (byte) 0xC3, '('});

        // when / then
        assertThatThrownBy(() -> readAll(bytes, ExtractKind.REFUNDS))
                .isInstanceOf(ExtractFormatException.class)
                .hasMessage("refunds.csv line 5002: column 4: is not valid UTF-8: byte 0xC3 at byte offset "
                        + (good.length + 3));
    }

    @Test
    void refusesAQuotedFieldThatIsNotClosed() {
        // given
        byte[] bytes = (REFUND_HEADER + "\nR1,P,1.00,SEK,IBAN,\"Bo,eva\nR2,P,1.00,SEK,IBAN,Bo,eva\n")
                .getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> readAll(bytes, ExtractKind.REFUNDS))
                .isInstanceOf(ExtractFormatException.class)
                .hasMessage("refunds.csv line 2: quoted field 6 starting on this line is not closed");
    }

    @Test
    void refusesAQuoteInsideAnUnquotedField() {
        // given
        byte[] bytes = (REFUND_HEADER + "\nR1,P,1.00,SEK,IBAN,Bo \"the\" boss,eva\n").getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> readAll(bytes, ExtractKind.REFUNDS))
                .isInstanceOf(ExtractFormatException.class)
                .hasMessage("refunds.csv line 2: field 6 has a quote but does not start with one");
    }

    @Test
    void refusesTextAfterAClosingQuote() {
        // given
        byte[] bytes = (REFUND_HEADER + "\nR1,P,1.00,SEK,IBAN,\"Bo\"x,eva\n").getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> readAll(bytes, ExtractKind.REFUNDS))
                .isInstanceOf(ExtractFormatException.class)
                .hasMessage("refunds.csv line 2: field 6 has 'x' after its closing quote");
    }

    @Test
    void readsTheFixtureFile() throws IOException {
        // given
        Path file = Path.of("src/test/resources/se/clientfunds/extract/invoices.csv");

        // when
        List<ExtractRow> rows = new ArrayList<>();
        try (ExtractCsvReader reader = ExtractCsvReader.open(file, ExtractKind.INVOICES)) {
            for (ExtractRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }

        // then
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1).field(7)).isEqualTo("Åsa Öberg, Ägir AB");
    }

    private static List<ExtractRow> readAll(byte[] bytes, ExtractKind kind) throws IOException {
        List<ExtractRow> rows = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(bytes);
                ExtractCsvReader reader = new ExtractCsvReader(in, kind.fileName(), kind)) {
            for (ExtractRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
