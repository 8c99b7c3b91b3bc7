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

class Camt053WriterTest {

    private static final Currency SEK = Currency.getInstance("SEK");
    private static final Iban ACCOUNT = Iban.of("SE", "50000000058398257466");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 2);
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 1, 2, 18, 0, 0, 0, ZoneOffset.ofHours(1));

    private static CamtEntry fee(String ref, long minor) {
        return new CamtEntry(Money.ofMinor(minor, "SEK"), CreditDebit.DBIT, DAY, DAY, ref, null,
                BankTransactionCode.BANK_CHARGES, null, null);
    }

    @Test
    void writesStatementWithNegativeBalancesAsDebitsThatValidatesAgainstTheOfficialSchema() throws Exception {
        // given
        CamtEntry credit = Camt054WriterTest.payment("R1", 1_000, "12344");
        CamtEntry debit = fee("F1", 2_500);
        Money opening = Money.ofMinor(0, "SEK");
        Money closing = Money.ofMinor(-1_500, "SEK");
        EntryTotals totals = EntryTotals.empty(SEK).plus(credit).plus(debit);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        try (Camt053Writer writer = new Camt053Writer(out, new StatementHeader("MSG-1", CREATED, "STMT-1", 7,
                ACCOUNT, DAY, opening, closing, totals))) {
            writer.write(credit);
            writer.write(debit);
        }

        // then
        CamtSchemas.validate("camt.053.001.08.xsd", out.toByteArray());
        String xml = out.toString(StandardCharsets.UTF_8);
        assertThat(xml).contains("<ElctrncSeqNb>7</ElctrncSeqNb>", "<Cd>OPBD</Cd>", "<Cd>CLBD</Cd>",
                "<Amt Ccy=\"SEK\">15.00</Amt>\n        <CdtDbtInd>DBIT</CdtDbtInd>",
                "<Amt Ccy=\"SEK\">25.00</Amt>", "<SubFmlyCd>CHRG</SubFmlyCd>");
        assertThat(xml.indexOf("<Cd>OPBD</Cd>")).isLessThan(xml.indexOf("<Cd>CLBD</Cd>"));
    }

    @Test
    void refusesAStatementWhoseEntriesDoNotReachTheClosingBalance() {
        // given
        Camt053Writer writer = new Camt053Writer(new ByteArrayOutputStream(), new StatementHeader("MSG-2", CREATED,
                "STMT-2", 1, ACCOUNT, DAY, Money.ofMinor(10_000, "SEK"), Money.ofMinor(10_000, "SEK"), null));
        writer.write(fee("F1", 2_500));

        // when / then
        assertThatThrownBy(writer::close).isInstanceOf(CamtWriteException.class)
                .hasMessageContaining("MSG-2").hasMessageContaining("75.00 SEK");
    }
}
