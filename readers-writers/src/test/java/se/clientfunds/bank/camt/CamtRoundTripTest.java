package se.clientfunds.bank.camt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;

import se.clientfunds.bank.AccountId;
import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankFileValidation;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.bank.BankSection;
import se.clientfunds.bank.BankTransaction;
import se.clientfunds.bank.Direction;
import se.clientfunds.camt.BankTransactionCode;
import se.clientfunds.camt.Camt053Writer;
import se.clientfunds.camt.Camt054Writer;
import se.clientfunds.camt.CamtEntry;
import se.clientfunds.camt.CamtSchemas;
import se.clientfunds.camt.Counterparty;
import se.clientfunds.camt.CreditDebit;
import se.clientfunds.camt.EntryBatch;
import se.clientfunds.camt.EntryTotals;
import se.clientfunds.camt.NotificationHeader;
import se.clientfunds.camt.StatementHeader;
import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;
import se.clientfunds.reference.OcrReference;

/** What our own camt writers produce reads back to the same values and passes validation. */
class CamtRoundTripTest {

    private static final Currency SEK = Currency.getInstance("SEK");
    private static final Iban ACCOUNT = Iban.of("SE", "50000000058398257466");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 2);
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 1, 2, 18, 0, 0, 0, ZoneOffset.ofHours(1));
    private static final Iban PAYER_ACCOUNT = Iban.of("SE", "12300000000000000001");

    private static final String OCR = OcrReference.withCheckDigit("1234567890").value();
    private static final CamtEntry PAYMENT = new CamtEntry(Money.ofMinor(125_000, "SEK"), CreditDebit.CRDT, DAY, DAY,
            "R1", "E2E-R1", BankTransactionCode.RECEIVED_CREDIT_TRANSFER,
            new Counterparty("Åsa Öberg & Co", "SE", PAYER_ACCOUNT), OCR);
    private static final CamtEntry SMALL_PAYMENT = new CamtEntry(Money.ofMinor(99, "SEK"), CreditDebit.CRDT, DAY, DAY,
            "R2", null, BankTransactionCode.RECEIVED_CREDIT_TRANSFER, null, null);
    private static final CamtEntry FEE = new CamtEntry(Money.ofMinor(2_500, "SEK"), CreditDebit.DBIT, DAY, DAY.plusDays(1),
            "F1", null, BankTransactionCode.BANK_CHARGES, null, null);

    @Test
    void aNotificationWeWriteReadsBackToTheSameValuesAndIsValid() throws IOException {
        // given
        EntryTotals totals = EntryTotals.empty(SEK).plus(PAYMENT).plus(SMALL_PAYMENT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Camt054Writer writer = new Camt054Writer(out, new NotificationHeader("MSG-1", CREATED, "NTF-1", ACCOUNT, SEK,
                totals))) {
            writer.write(PAYMENT);
            writer.write(SMALL_PAYMENT);
        }

        // when
        ParsedFile parsed = ParsedFile.of(new ByteArrayInputStream(out.toByteArray()), "ntf.xml");
        BankFileVerdict verdict = validate(out.toByteArray());

        // then
        assertThat(parsed.format()).isEqualTo(BankFileFormat.CAMT_054);
        assertThat(parsed.version()).isEqualTo("camt.054.001.08");
        BankSection section = parsed.sections().get(0);
        assertThat(section.id()).isEqualTo("NTF-1");
        assertThat(section.account()).isEqualTo(AccountId.iban(ACCOUNT.value()));
        assertThat(section.currency()).isEqualTo(SEK);
        assertThat(section.declaredEntryCount()).isEqualTo(2L);
        assertThat(section.declaredNet()).isEqualTo(Money.ofMinor(125_099, "SEK"));
        List<BankEntry> entries = parsed.entries(section);
        assertThat(entries).hasSize(2);
        assertWritten(PAYMENT, entries.get(0));
        assertWritten(SMALL_PAYMENT, entries.get(1));
        BankTransaction payment = entries.get(0).transactions().get(0);
        assertThat(payment.counterparty())
                .isEqualTo(new se.clientfunds.bank.Counterparty("Åsa Öberg & Co", PAYER_ACCOUNT.value(), "SE"));
        assertThat(payment.references()).containsExactly(OCR);
        assertThat(payment.endToEndId()).isEqualTo("E2E-R1");
        assertThat(verdict.valid()).as(verdict.summary()).isTrue();
        assertThat(verdict.credits()).containsEntry("SEK", Money.ofMinor(125_099, "SEK"));
    }

    @Test
    void aStatementWeWriteReadsBackToTheSameValuesAndIsValid() throws IOException {
        // given
        Money opening = Money.ofMinor(-100_000, "SEK");
        Money closing = opening.plus(PAYMENT.amount()).minus(FEE.amount());
        EntryTotals totals = EntryTotals.empty(SEK).plus(PAYMENT).plus(FEE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Camt053Writer writer = new Camt053Writer(out, new StatementHeader("MSG-2", CREATED, "STMT-2", 7, ACCOUNT,
                DAY, opening, closing, totals))) {
            writer.write(PAYMENT);
            writer.write(FEE);
        }

        // when
        ParsedFile parsed = ParsedFile.of(new ByteArrayInputStream(out.toByteArray()), "stmt.xml");
        BankFileVerdict verdict = validate(out.toByteArray());

        // then
        assertThat(parsed.format()).isEqualTo(BankFileFormat.CAMT_053);
        assertThat(parsed.version()).isEqualTo("camt.053.001.08");
        BankSection section = parsed.sections().get(0);
        assertThat(section.id()).isEqualTo("STMT-2");
        assertThat(section.sequenceNumber()).isEqualTo(7L);
        assertThat(section.balance("OPBD").orElseThrow().amount()).isEqualTo(opening);
        assertThat(section.balance("OPBD").orElseThrow().date()).isEqualTo(DAY);
        assertThat(section.balance("CLBD").orElseThrow().amount()).isEqualTo(closing);
        assertThat(section.declaredNet()).isEqualTo(Money.ofMinor(122_500, "SEK"));
        List<BankEntry> entries = parsed.entries(section);
        assertWritten(PAYMENT, entries.get(0));
        assertWritten(FEE, entries.get(1));
        assertThat(entries.get(1).bankTransactionCode()).isEqualTo("ACMT/MDOP/CHRG");
        assertThat(verdict.valid()).as(verdict.summary()).isTrue();
    }

    @Test
    void aStatementWithABatchDebitWeWriteReadsBackWithItsPaymentInformationIdAndIsValid() throws Exception {
        // given
        Iban creditor = Iban.of("SE", "12300000000000000002");
        CamtEntry batchDebit = new CamtEntry(Money.ofMinor(30_000, "SEK"), CreditDebit.DBIT, DAY, DAY,
                "DBT-PO-20260102-8398257466", null, BankTransactionCode.ISSUED_CREDIT_TRANSFER, null, null,
                new EntryBatch("PO-20260102-8398257466", List.of(
                        new EntryBatch.Transfer("PO-1", Money.ofMinor(10_000, "SEK"), "Client One AB", creditor),
                        new EntryBatch.Transfer("PO-2", Money.ofMinor(20_000, "SEK"), "Client Two AB", null))));
        Money opening = Money.ofMinor(100_000, "SEK");
        Money closing = opening.plus(PAYMENT.amount()).minus(batchDebit.amount());
        EntryTotals totals = EntryTotals.empty(SEK).plus(PAYMENT).plus(batchDebit);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Camt053Writer writer = new Camt053Writer(out, new StatementHeader("MSG-3", CREATED, "STMT-3", 8, ACCOUNT,
                DAY, opening, closing, totals))) {
            writer.write(PAYMENT);
            writer.write(batchDebit);
        }

        // when
        ParsedFile parsed = ParsedFile.of(new ByteArrayInputStream(out.toByteArray()), "stmt.xml");
        BankFileVerdict verdict = validate(out.toByteArray());

        // then
        schema("camt.053.001.08.xsd").newValidator().validate(new StreamSource(new ByteArrayInputStream(out.toByteArray())));
        List<BankEntry> entries = parsed.entries(parsed.sections().get(0));
        assertWritten(PAYMENT, entries.get(0));
        assertThat(entries.get(0).paymentInformationId()).isNull();
        BankEntry read = entries.get(1);
        assertThat(read.paymentInformationId()).isEqualTo("PO-20260102-8398257466");
        assertThat(read.declaredBatchCount()).isEqualTo(2L);
        assertThat(read.direction()).isEqualTo(Direction.DEBIT);
        assertThat(read.amount()).isEqualTo(Money.ofMinor(30_000, "SEK"));
        assertThat(read.accountServicerReference()).isEqualTo("DBT-PO-20260102-8398257466");
        assertThat(read.bankTransactionCode()).isEqualTo("PMNT/ICDT/DMCT");
        assertThat(read.transactions()).extracting(BankTransaction::endToEndId).containsExactly("PO-1", "PO-2");
        assertThat(read.transactions()).extracting(BankTransaction::amount)
                .containsExactly(Money.ofMinor(10_000, "SEK"), Money.ofMinor(20_000, "SEK"));
        assertThat(read.transactions().get(0).counterparty())
                .isEqualTo(new se.clientfunds.bank.Counterparty("Client One AB", creditor.value(), null));
        assertThat(verdict.valid()).as(verdict.summary()).isTrue();
        assertThat(verdict.debits()).containsEntry("SEK", Money.ofMinor(30_000, "SEK"));
    }

    private static Schema schema(String fileName) throws Exception {
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(CamtSchemas.samples("camt/xsd/" + fileName).toFile());
    }

    private static BankFileVerdict validate(byte[] document) throws IOException {
        try (CamtParser parser = CamtParser.open(new ByteArrayInputStream(document), "written.xml")) {
            return BankFileValidation.validate("written.xml", parser);
        }
    }

    private static void assertWritten(CamtEntry written, BankEntry read) {
        Direction direction = written.creditDebit() == CreditDebit.CRDT ? Direction.CREDIT : Direction.DEBIT;
        assertThat(read.direction()).isEqualTo(direction);
        assertThat(read.amount()).isEqualTo(written.amount());
        assertThat(read.bookingDate()).isEqualTo(written.bookingDate());
        assertThat(read.valueDate()).isEqualTo(written.valueDate());
        assertThat(read.accountServicerReference()).isEqualTo(written.accountServicerReference());
        assertThat(read.status()).isEqualTo("BOOK");
        BankTransactionCode code = written.transactionCode();
        assertThat(read.bankTransactionCode()).isEqualTo(code.domain() + "/" + code.family() + "/" + code.subFamily());
        assertThat(read.transactions()).hasSize(1);
        BankTransaction transaction = read.transactions().get(0);
        assertThat(transaction.amount()).isEqualTo(written.amount());
        assertThat(transaction.direction()).isEqualTo(direction);
        assertThat(transaction.accountServicerReference()).isEqualTo(written.accountServicerReference());
        assertThat(transaction.endToEndId()).isEqualTo(written.endToEndId());
        if (written.creditorReference() != null) {
            assertThat(transaction.references()).containsExactly(written.creditorReference());
        }
    }
}
