package se.clientfunds.camt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;
import se.clientfunds.reference.OcrReference;

class Camt054WriterTest {

    private static final Currency SEK = Currency.getInstance("SEK");
    private static final Iban ACCOUNT = Iban.of("SE", "50000000058398257466");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 2);
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 1, 2, 18, 0, 0, 0, ZoneOffset.ofHours(1));

    static CamtEntry payment(String ref, long minor, String ocr) {
        return new CamtEntry(Money.ofMinor(minor, "SEK"), CreditDebit.CRDT, DAY, DAY, ref, "E2E-" + ref,
                BankTransactionCode.RECEIVED_CREDIT_TRANSFER,
                new Counterparty("Åsa Öberg, Ängelholm & Co <test>", "SE", Iban.of("SE", "12300000000000000001")), ocr);
    }

    @Test
    void writesNotificationThatValidatesAgainstTheOfficialSchema() throws Exception {
        // given
        String ocr = OcrReference.withCheckDigit("1234567890").value();
        CamtEntry first = payment("R1", 125_000, ocr);
        CamtEntry second = payment("R2", 99, ocr);
        EntryTotals totals = EntryTotals.empty(SEK).plus(first).plus(second);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        try (Camt054Writer writer = new Camt054Writer(out,
                new NotificationHeader("MSG-1", CREATED, "NTF-1", ACCOUNT, SEK, totals))) {
            writer.write(first);
            writer.write(second);
        }

        // then
        CamtSchemas.validate("camt.054.001.08.xsd", out.toByteArray());
        String xml = out.toString(StandardCharsets.UTF_8);
        assertThat(xml).contains("<Amt Ccy=\"SEK\">1250.00</Amt>", "<Amt Ccy=\"SEK\">0.99</Amt>",
                "<Cd>SCOR</Cd>", "<Ref>" + ocr + "</Ref>", "<IBAN>" + ACCOUNT.value() + "</IBAN>",
                "Åsa Öberg, Ängelholm &amp; Co &lt;test&gt;", "<CreDtTm>2026-01-02T18:00:00+01:00</CreDtTm>",
                "<NbOfNtries>2</NbOfNtries>", "<Sum>1250.99</Sum>");
    }

    @Test
    void refusesToFinishWhenEntriesDoNotMatchTheStatedTotals() {
        // given
        CamtEntry entry = payment("R1", 1_000, null);
        EntryTotals claimed = EntryTotals.empty(SEK).plus(entry).plus(entry);
        Camt054Writer writer = new Camt054Writer(new ByteArrayOutputStream(),
                new NotificationHeader("MSG-2", CREATED, "NTF-2", ACCOUNT, SEK, claimed));
        writer.write(entry);

        // when / then
        assertThatThrownBy(writer::close).isInstanceOf(CamtWriteException.class)
                .hasMessageContaining("MSG-2").hasMessageContaining("do not match");
    }

    @Test
    void refusesAnEntryInAnotherCurrency() {
        // given
        Camt054Writer writer = new Camt054Writer(new ByteArrayOutputStream(),
                new NotificationHeader("MSG-3", CREATED, "NTF-3", ACCOUNT, SEK, null));
        CamtEntry euros = new CamtEntry(Money.ofMinor(100, "EUR"), CreditDebit.CRDT, DAY, DAY, "R9", null,
                BankTransactionCode.RECEIVED_CREDIT_TRANSFER, null, null);

        // when / then
        assertThatThrownBy(() -> writer.write(euros)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("R9").hasMessageContaining("SEK");
    }
}
