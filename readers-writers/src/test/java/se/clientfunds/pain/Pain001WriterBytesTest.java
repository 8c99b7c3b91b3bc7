package se.clientfunds.pain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * Payment files are compared and archived as bytes: a small two-batch file must come out byte for byte as the
 * fixture, which was written by the writer before its XML mechanics were shared with the camt writers.
 */
class Pain001WriterBytesTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.ofHours(1));
    private static final LocalDate EXECUTION = LocalDate.of(2026, 3, 4);
    private static final Iban HANS = Iban.parse("DE89 3704 0044 0532 0130 00");

    @Test
    void writesTwoBatchesByteForByteAsTheFixture() throws IOException {
        // given
        CreditTransferBatch sek = new CreditTransferBatch("PMT-SEK-1", EXECUTION, "Klientmedel & Co AB",
                Iban.of("SE", "50000000058398257466"), "ESSESESS", 2, Money.ofMinor(123_450 + 99, "SEK"));
        CreditTransferBatch eur = new CreditTransferBatch("PMT-EUR-1", EXECUTION, "Klientmedel & Co AB",
                Iban.of("SE", "50000000058398257474"), null, 1, Money.ofMinor(50_000, "EUR"));
        CreditTransferInitiation initiation = new CreditTransferInitiation("MSG-2026-03-02-1", CREATED,
                "Klientmedel & Co AB", List.of(sek, eur));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        try (Pain001Writer writer = new Pain001Writer(out, initiation)) {
            writer.startBatch("PMT-SEK-1");
            writer.write(new CreditTransfer("INSTR-1", "E2E-1", Money.ofMinor(123_450, "SEK"),
                    "Åsa Öberg & Söner <AB>", Iban.of("SE", "12300000000000000001"),
                    "Återbetalning faktura 1001 & 1002"));
            writer.write(new CreditTransfer(null, "E2E-2", Money.ofMinor(99, "SEK"), "Karl \"Kalle\" Åkesson",
                    Iban.of("SE", "12300000000000000003"), null));
            writer.startBatch("PMT-EUR-1");
            writer.write(new CreditTransfer(null, "E2E-3", Money.ofMinor(50_000, "EUR"), "Hans Müller", HANS,
                    "Rückzahlung"));
        }

        // then
        assertThat(out.toByteArray()).isEqualTo(fixture("two-batches.xml"));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = Pain001WriterBytesTest.class.getResourceAsStream(name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
