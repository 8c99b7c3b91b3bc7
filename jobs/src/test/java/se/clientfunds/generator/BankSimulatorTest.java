package se.clientfunds.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.xml.transform.stream.StreamSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileValidation;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.bank.BankRecord;
import se.clientfunds.bank.BankSection;
import se.clientfunds.bank.BankTransaction;
import se.clientfunds.bank.Direction;
import se.clientfunds.bank.camt.CamtParser;
import se.clientfunds.calendar.SwedishBankingCalendar;
import se.clientfunds.money.Money;
import se.clientfunds.pain.CreditTransfer;
import se.clientfunds.pain.CreditTransferBatch;
import se.clientfunds.pain.CreditTransferInitiation;
import se.clientfunds.pain.Pain001Writer;
import se.clientfunds.reference.Iban;

class BankSimulatorTest {

    private static final Iban ACCOUNT = DemoDataSettings.DEFAULT_ACCOUNT;
    private static final Iban OTHER_ACCOUNT = Iban.of("SE", "50000000058398257474");
    private static final Iban CLIENT_ACCOUNT = Iban.of("SE", "12300000000000000002");
    private static final LocalDate DAY_1 = LocalDate.of(2026, 1, 2);
    private static final LocalDate DAY_2 = LocalDate.of(2026, 1, 5);
    private static final LocalDate DAY_3 = LocalDate.of(2026, 1, 7); // 6 January is Epiphany

    @TempDir
    Path tmp;

    Path generated;
    Path outbox;

    @BeforeEach
    void generateThreeDays() throws IOException {
        generated = tmp.resolve("generated");
        outbox = Files.createDirectories(tmp.resolve("outbox"));
        new DemoDataGenerator(new SwedishBankingCalendar()).generate(DemoDataSettings.of(generated, 4, 3, 25, 11L));
    }

    @Test
    void debitsEachBatchOfTheAccountOnTheNextStatement() throws Exception {
        // given the day 1 pain.001: payouts and refunds from our account, and a batch of another account
        Path statement = generated.resolve(DemoDataGenerator.statementFileName(DAY_2));
        List<BankEntry> before = entries(statement);
        Statement original = statement(statement);
        painFile(DAY_1,
                batch("PO-20260102-8398257466", ACCOUNT, 10_000, 25_050),
                batch("RF-20260102-8398257466", ACCOUNT, 1_999),
                batch("PO-20260102-8398257474", OTHER_ACCOUNT, 70_000));

        // when
        BankSimulator.Execution execution = new BankSimulator().executePaymentOrders(outbox, DAY_2, statement);

        // then one more debit per batch of the account, with its PmtInfId and control sum
        List<BankEntry> after = entries(statement);
        assertThat(after).hasSize(before.size() + 2);
        assertThat(after.subList(0, before.size())).as("the entries the statement had").isEqualTo(before);
        BankEntry payouts = after.get(before.size());
        assertThat(payouts.paymentInformationId()).isEqualTo("PO-20260102-8398257466");
        assertThat(payouts.direction()).isEqualTo(Direction.DEBIT);
        assertThat(payouts.amount()).isEqualTo(sek(35_050));
        assertThat(payouts.bookingDate()).isEqualTo(DAY_2);
        assertThat(payouts.valueDate()).isEqualTo(DAY_2);
        assertThat(payouts.accountServicerReference()).isEqualTo("DBT-PO-20260102-8398257466");
        assertThat(payouts.bankTransactionCode()).isEqualTo("PMNT/ICDT/DMCT");
        assertThat(payouts.declaredBatchCount()).isEqualTo(2L);
        assertThat(payouts.transactions()).extracting(BankTransaction::endToEndId)
                .containsExactly("PO-20260102-8398257466-1", "PO-20260102-8398257466-2");
        BankEntry refunds = after.get(before.size() + 1);
        assertThat(refunds.paymentInformationId()).isEqualTo("RF-20260102-8398257466");
        assertThat(refunds.amount()).isEqualTo(sek(1_999));
        assertThat(after).extracting(BankEntry::paymentInformationId).doesNotContain("PO-20260102-8398257474");
        assertThat(execution.batches()).extracting(BankSimulator.ExecutedBatch::paymentInformationId)
                .containsExactly("PO-20260102-8398257466", "RF-20260102-8398257466");
        assertThat(execution.debited()).isEqualTo(sek(37_049));

        // then OPBD stays the previous closing, CLBD and totals follow the debits, the sequence number is kept
        Statement rewritten = statement(statement);
        assertThat(rewritten.opening()).isEqualTo(original.opening())
                .isEqualTo(statement(generated.resolve(DemoDataGenerator.statementFileName(DAY_1))).closing());
        assertThat(rewritten.closing()).isEqualTo(original.closing().minus(sek(37_049)))
                .isEqualTo(execution.closingBalance());
        assertThat(rewritten.sequenceNumber()).isEqualTo(original.sequenceNumber()).isEqualTo(2L);
        assertThat(rewritten.declaredEntries()).isEqualTo(original.declaredEntries() + 2);

        // then the file is a valid camt.053.001.08 that our own validation accepts
        GeneratedFiles.schema("camt.053.001.08.xsd").newValidator().validate(new StreamSource(statement.toFile()));
        assertThat(rewritten.verdict().valid()).as(rewritten.verdict().summary()).isTrue();
        assertThat(BankSimulator.marker(outbox.resolve("pain001-20260102.xml"), ACCOUNT)).exists();
    }

    @Test
    void eachStatementOpensWithTheActualClosingOfThePreviousOne() throws Exception {
        // given a simulator that executed day 1's payment orders on day 2's statement
        BankSimulator bank = new BankSimulator();
        Path second = generated.resolve(DemoDataGenerator.statementFileName(DAY_2));
        Path third = generated.resolve(DemoDataGenerator.statementFileName(DAY_3));
        Statement thirdAsGenerated = statement(third);
        painFile(DAY_1, batch("PO-20260102-8398257466", ACCOUNT, 50_000));
        bank.executePaymentOrders(outbox, DAY_2, second);
        painFile(DAY_2, batch("PO-20260105-8398257466", ACCOUNT, 7_000, 8_000));

        // when
        BankSimulator.Execution execution = bank.executePaymentOrders(outbox, DAY_3, third);

        // then day 3 opens where day 2 actually closed, and executes only day 2's file
        assertThat(statement(third).opening()).isEqualTo(statement(second).closing());
        assertThat(statement(third).closing()).isEqualTo(statement(second).closing()
                .plus(thirdAsGenerated.closing().minus(thirdAsGenerated.opening())).minus(sek(15_000)));
        assertThat(statement(second).closing()).isEqualTo(thirdAsGenerated.opening().minus(sek(50_000)));
        assertThat(execution.batches()).extracting(BankSimulator.ExecutedBatch::paymentInformationId)
                .containsExactly("PO-20260105-8398257466");
        assertThat(statement(third).verdict().valid()).as(statement(third).verdict().summary()).isTrue();
    }

    @Test
    void leavesTheStatementUntouchedWhenThereIsNothingToExecute() throws Exception {
        // given
        Path statement = generated.resolve(DemoDataGenerator.statementFileName(DAY_2));
        byte[] before = Files.readAllBytes(statement);
        painFile(DAY_1, batch("PO-20260102-8398257474", OTHER_ACCOUNT, 70_000));

        // when
        BankSimulator.Execution execution = new BankSimulator().executePaymentOrders(outbox, DAY_2, statement);

        // then
        assertThat(execution.batches()).isEmpty();
        assertThat(Files.readAllBytes(statement)).isEqualTo(before);
    }

    @Test
    void writesTheEntriesOfAGeneratedStatementBackByteForByte() throws Exception {
        // given a statement rewritten with one öre less opening balance, then back to its own
        Path statement = generated.resolve(DemoDataGenerator.statementFileName(DAY_2));
        byte[] before = Files.readAllBytes(statement);
        Money opening = statement(statement).opening();
        BankSimulator.rewriteStatement(statement, DAY_2, List.of(), opening.minus(sek(1)));

        // when
        BankSimulator.rewriteStatement(statement, DAY_2, List.of(), opening);

        // then
        assertThat(Files.readAllBytes(statement)).isEqualTo(before);
    }

    @Test
    void refusesAPaymentOrderFileThatIsNotXmlNamingIt() throws Exception {
        // given
        Path statement = generated.resolve(DemoDataGenerator.statementFileName(DAY_2));
        byte[] before = Files.readAllBytes(statement);
        Files.writeString(outbox.resolve("pain001-20260102.xml"), "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"><CstmrCdtTrfInitn>");

        // when / then
        assertThatThrownBy(() -> new BankSimulator().executePaymentOrders(outbox, DAY_2, statement))
                .isInstanceOf(BankSimulationException.class)
                .hasMessageContaining("pain001-20260102.xml").hasMessageContaining("cannot be read as XML");
        assertThat(Files.readAllBytes(statement)).isEqualTo(before);
        assertThat(BankSimulator.marker(outbox.resolve("pain001-20260102.xml"), ACCOUNT)).doesNotExist();
    }

    @Test
    void refusesABatchWithoutControlSumNamingFileAndBatch() throws Exception {
        // given
        Path statement = generated.resolve(DemoDataGenerator.statementFileName(DAY_2));
        Path pain = painFile(DAY_1, batch("PO-20260102-8398257466", ACCOUNT, 10_000));
        String xml = Files.readString(pain);
        Files.writeString(pain, xml.replaceFirst("(?s)(<PmtInf>.*?)<CtrlSum>100.00</CtrlSum>", "$1"));

        // when / then
        assertThatThrownBy(() -> new BankSimulator().executePaymentOrders(outbox, DAY_2, statement))
                .isInstanceOf(BankSimulationException.class)
                .hasMessageContaining("pain001-20260102.xml").hasMessageContaining("PO-20260102-8398257466")
                .hasMessageContaining("CtrlSum is missing");
    }

    @Test
    void refusesAStatementOfAnotherDay() {
        // given
        Path statement = generated.resolve(DemoDataGenerator.statementFileName(DAY_2));

        // when / then
        assertThatThrownBy(() -> new BankSimulator().executePaymentOrders(outbox, DAY_3, statement))
                .isInstanceOf(BankSimulationException.class)
                .hasMessageContaining("camt053-20260105.xml").hasMessageContaining("2026-01-05")
                .hasMessageContaining("2026-01-07");
    }

    // ---- fixtures ----

    private record PaymentBatch(String id, Iban from, long... transfersMinor) {
    }

    private static PaymentBatch batch(String id, Iban from, long... transfersMinor) {
        return new PaymentBatch(id, from, transfersMinor);
    }

    private Path painFile(LocalDate businessDate, PaymentBatch... batches) throws IOException {
        List<CreditTransferBatch> declared = new ArrayList<>();
        for (PaymentBatch batch : batches) {
            long sum = 0;
            for (long minor : batch.transfersMinor()) {
                sum += minor;
            }
            declared.add(new CreditTransferBatch(batch.id(), businessDate, "Client funds", batch.from(), null,
                    batch.transfersMinor().length, sek(sum)));
        }
        String compact = businessDate.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        Path file = outbox.resolve("pain001-" + compact + ".xml");
        try (OutputStream out = Files.newOutputStream(file);
             Pain001Writer writer = new Pain001Writer(out, new CreditTransferInitiation("CF-" + compact,
                     businessDate.atStartOfDay().atOffset(ZoneOffset.ofHours(1)), "Client funds", declared))) {
            for (PaymentBatch batch : batches) {
                writer.startBatch(batch.id());
                for (int i = 0; i < batch.transfersMinor().length; i++) {
                    writer.write(new CreditTransfer(null, batch.id() + "-" + (i + 1), sek(batch.transfersMinor()[i]),
                            "Client " + (i + 1) + " AB", CLIENT_ACCOUNT, "Payout"));
                }
            }
        }
        return file;
    }

    private static Money sek(long minor) {
        return Money.ofMinor(minor, "SEK");
    }

    private record Statement(Money opening, Money closing, long sequenceNumber, long declaredEntries,
                             BankFileVerdict verdict) {
    }

    private static Statement statement(Path file) throws IOException {
        BankFileVerdict verdict;
        try (CamtParser parser = CamtParser.open(file)) {
            verdict = BankFileValidation.validate(file.getFileName().toString(), parser);
        }
        BankSection section = verdict.sections().get(0);
        return new Statement(section.balance("OPBD").orElseThrow().amount(), section.balance("CLBD").orElseThrow().amount(),
                section.sequenceNumber(), section.declaredEntryCount(), verdict);
    }

    private static List<BankEntry> entries(Path file) throws IOException {
        List<BankEntry> entries = new ArrayList<>();
        try (CamtParser parser = CamtParser.open(file)) {
            for (BankRecord record = parser.next(); record != null; record = parser.next()) {
                if (record instanceof BankRecord.Entry entry) {
                    entries.add(entry.entry());
                }
            }
        }
        return entries;
    }
}
