package se.clientfunds.camt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * The generator's same-seed-same-bytes promise rests on these writers: a small notification and statement must
 * come out byte for byte as the fixtures, which were written by the writers before their XML mechanics were shared.
 */
class CamtWriterBytesTest {

    private static final Currency SEK = Currency.getInstance("SEK");
    private static final Iban ACCOUNT = Iban.of("SE", "50000000058398257466");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 2);
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 1, 2, 18, 0, 0, 0, ZoneOffset.ofHours(1));

    @Test
    void writesANotificationByteForByteAsTheFixture() throws IOException {
        // given
        CamtEntry first = Camt054WriterTest.payment("R1", 125_000, "12344");
        CamtEntry second = Camt054WriterTest.payment("R2", 99, null);
        CamtEntry fee = new CamtEntry(Money.ofMinor(2_500, "SEK"), CreditDebit.DBIT, DAY, DAY, "F1", null,
                BankTransactionCode.BANK_CHARGES, null, null);
        EntryTotals totals = EntryTotals.empty(SEK).plus(first).plus(second).plus(fee);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        try (Camt054Writer writer = new Camt054Writer(out,
                new NotificationHeader("MSG-1", CREATED, "NTF-1", ACCOUNT, SEK, totals))) {
            writer.write(first);
            writer.write(second);
            writer.write(fee);
        }

        // then
        assertThat(out.toByteArray()).isEqualTo(fixture("notification.xml"));
    }

    @Test
    void writesAStatementByteForByteAsTheFixture() throws IOException {
        // given
        CamtEntry credit = Camt054WriterTest.payment("R1", 1_000, "12344");
        CamtEntry debit = new CamtEntry(Money.ofMinor(2_500, "SEK"), CreditDebit.DBIT, DAY, DAY, "F1", null,
                BankTransactionCode.BANK_CHARGES, null, null);
        EntryTotals totals = EntryTotals.empty(SEK).plus(credit).plus(debit);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        try (Camt053Writer writer = new Camt053Writer(out, new StatementHeader("MSG-1", CREATED, "STMT-1", 7,
                ACCOUNT, DAY, Money.ofMinor(0, "SEK"), Money.ofMinor(-1_500, "SEK"), totals))) {
            writer.write(credit);
            writer.write(debit);
        }

        // then
        assertThat(out.toByteArray()).isEqualTo(fixture("statement.xml"));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = CamtWriterBytesTest.class.getResourceAsStream(name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
