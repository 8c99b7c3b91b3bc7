package se.clientfunds.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ExtractItemReaderTest {

    private static final Path INVOICES = Path.of("src/test/resources/se/clientfunds/extract/invoices.csv");

    @TempDir
    Path dir;

    @Test
    void readsEveryRowAsATypedRecord() throws Exception {
        // given
        ExtractItemReader<InvoiceRecord> reader = invoiceReader(INVOICES);

        // when
        reader.open(new ExecutionContext());
        List<InvoiceRecord> invoices = readRest(reader);
        reader.close();

        // then
        assertThat(invoices).extracting(InvoiceRecord::invoiceId)
                .containsExactly("INV-1", "INV-2", "INV-3", "INV-4", "INV-5");
        assertThat(invoices).extracting(InvoiceRecord::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(invoices.get(2).debtorName()).isEqualTo("Hans \"Hasse\" Müller");
        assertThat(invoices.get(4).debtorName()).isEqualTo("Lars Ek, c/o Berg");
    }

    @Test
    void continuesAfterTheRowsReadBeforeARestart() throws Exception {
        // given a first run that read three rows and saved its state
        ExtractItemReader<InvoiceRecord> firstRun = invoiceReader(INVOICES);
        ExecutionContext context = new ExecutionContext();
        firstRun.open(context);
        for (int i = 0; i < 3; i++) {
            firstRun.read();
        }
        firstRun.update(context);
        firstRun.close();

        // when
        ExtractItemReader<InvoiceRecord> restarted = invoiceReader(INVOICES);
        restarted.open(context);
        List<InvoiceRecord> rest = readRest(restarted);
        restarted.close();

        // then
        assertThat(context.getInt("invoices.read.count")).isEqualTo(3);
        assertThat(rest).extracting(InvoiceRecord::invoiceId).containsExactly("INV-4", "INV-5");
        assertThat(rest.get(0).line()).isEqualTo(5L);
    }

    @Test
    void stopsAtARowThatFailsValidationNamingLineAndField() throws Exception {
        // given
        Path file = dir.resolve("refunds.csv");
        Files.writeString(file, ExtractKind.REFUNDS.headerLine() + "\n"
                + "R1,P1,10.00,SEK,SE4550000000058398257466,Bo,eva\n"
                + "R2,P2,0.00,SEK,SE4550000000058398257466,Bo,\n");
        ExtractItemReader<RefundRecord> reader = ExtractItemReader.builder(new RefundRowParser())
                .name("refunds").file(file).build();
        reader.open(new ExecutionContext());

        // when
        RefundRecord first = reader.read();

        // then
        assertThat(first.refundId()).isEqualTo("R1");
        assertThatThrownBy(reader::read)
                .isInstanceOf(InvalidExtractRowException.class)
                .hasMessage("refunds.csv line 3: amount '0.00': amount '0.00' must be more than zero;"
                        + " approved_by '': must not be empty")
                .satisfies(e -> assertThat(((InvalidExtractRowException) e).problems()).hasSize(2));
        reader.close();
    }

    @Test
    void requiresANameForItsRestartState() {
        // given
        var builder = ExtractItemReader.builder(new ClientRowParser()).file(dir.resolve("clients.csv"));

        // when / then
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("name is required: it keys the restart state of the reader");
    }

    private static ExtractItemReader<InvoiceRecord> invoiceReader(Path file) {
        return ExtractItemReader.builder(new InvoiceRowParser(clientId -> true)).name("invoices").file(file).build();
    }

    private static <T> List<T> readRest(ExtractItemReader<T> reader) throws Exception {
        List<T> items = new ArrayList<>();
        for (T item = reader.read(); item != null; item = reader.read()) {
            items.add(item);
        }
        return items;
    }
}
