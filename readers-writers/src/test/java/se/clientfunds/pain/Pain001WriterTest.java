package se.clientfunds.pain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

class Pain001WriterTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.ofHours(1));
    private static final LocalDate EXECUTION = LocalDate.of(2026, 3, 4);
    private static final Iban CLIENT_FUNDS = Iban.of("SE", "50000000058398257466");
    private static final Iban CLIENT_FUNDS_EUR = Iban.of("SE", "50000000058398257474");
    private static final Iban ASA = Iban.of("SE", "12300000000000000001");
    private static final Iban BJORN = Iban.of("SE", "12300000000000000002");
    private static final Iban KARL = Iban.of("SE", "12300000000000000003");
    private static final Iban HANS = Iban.parse("DE89 3704 0044 0532 0130 00");

    private static CreditTransferBatch sekBatch() {
        return new CreditTransferBatch("PMT-SEK-1", EXECUTION, "Klientmedel & Co AB", CLIENT_FUNDS, "ESSESESS",
                3, Money.ofMinor(123_450 + 100_000 + 99, "SEK"));
    }

    private static CreditTransferBatch eurBatch() {
        return new CreditTransferBatch("PMT-EUR-1", EXECUTION, "Klientmedel & Co AB", CLIENT_FUNDS_EUR, null,
                2, Money.ofMinor(50_000 + 1, "EUR"));
    }

    private static CreditTransferInitiation initiation(CreditTransferBatch... batches) {
        return new CreditTransferInitiation("MSG-2026-03-02-1", CREATED, "Klientmedel & Co AB", List.of(batches));
    }

    private static CreditTransfer sek(String endToEndId, long minor, String name, Iban account) {
        return new CreditTransfer(null, endToEndId, Money.ofMinor(minor, "SEK"), name, account, null);
    }

    private static byte[] twoBatches() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Pain001Writer writer = new Pain001Writer(out, initiation(sekBatch(), eurBatch()))) {
            writer.startBatch("PMT-SEK-1");
            writer.write(new CreditTransfer("INSTR-1", "E2E-1", Money.ofMinor(123_450, "SEK"),
                    "Åsa Öberg & Söner <AB>", ASA, "Återbetalning faktura 1001 & 1002"));
            writer.write(sek("E2E-2", 100_000, "Björn Ärlig", BJORN));
            writer.write(sek("E2E-3", 99, "Karl \"Kalle\" Åkesson", KARL));
            writer.startBatch("PMT-EUR-1");
            writer.write(new CreditTransfer(null, "E2E-4", Money.ofMinor(50_000, "EUR"), "Hans Müller", HANS,
                    "Rückzahlung"));
            writer.write(new CreditTransfer(null, "E2E-5", Money.ofMinor(1, "EUR"), "Hans Müller", HANS, null));
        }
        return out.toByteArray();
    }

    @Test
    void writesTwoBatchesThatValidateAgainstTheOfficialSchema() throws Exception {
        // given
        byte[] document = twoBatches();

        // when
        validate(document);
        Document dom = parse(document);
        XPath xpath = xpath();

        // then
        assertThat(xpath.evaluate("/p:Document/p:CstmrCdtTrfInitn/p:GrpHdr/p:MsgId", dom)).isEqualTo("MSG-2026-03-02-1");
        assertThat(xpath.evaluate("//p:GrpHdr/p:CreDtTm", dom)).isEqualTo("2026-03-02T09:30:00+01:00");
        assertThat(xpath.evaluate("//p:GrpHdr/p:NbOfTxs", dom)).isEqualTo("5");
        assertThat(xpath.evaluate("//p:GrpHdr/p:CtrlSum", dom)).isEqualTo("2735.50");
        assertThat(xpath.evaluate("//p:GrpHdr/p:InitgPty/p:Nm", dom)).isEqualTo("Klientmedel & Co AB");
        assertThat(xpath.evaluate("count(//p:PmtInf)", dom)).isEqualTo("2");

        String sek = "//p:PmtInf[p:PmtInfId='PMT-SEK-1']";
        assertThat(xpath.evaluate(sek + "/p:PmtMtd", dom)).isEqualTo("TRF");
        assertThat(xpath.evaluate(sek + "/p:BtchBookg", dom)).isEqualTo("true");
        assertThat(xpath.evaluate(sek + "/p:NbOfTxs", dom)).isEqualTo("3");
        assertThat(xpath.evaluate(sek + "/p:CtrlSum", dom)).isEqualTo("2235.49");
        assertThat(xpath.evaluate(sek + "/p:ReqdExctnDt/p:Dt", dom)).isEqualTo("2026-03-04");
        assertThat(xpath.evaluate(sek + "/p:DbtrAcct/p:Id/p:IBAN", dom)).isEqualTo(CLIENT_FUNDS.value());
        assertThat(xpath.evaluate(sek + "/p:DbtrAgt/p:FinInstnId/p:BICFI", dom)).isEqualTo("ESSESESS");
        assertThat(xpath.evaluate(sek + "/p:ChrgBr", dom)).isEqualTo("SLEV");
        assertThat(xpath.evaluate(sek + "/p:CdtTrfTxInf[1]/p:PmtId/p:InstrId", dom)).isEqualTo("INSTR-1");
        assertThat(xpath.evaluate(sek + "/p:CdtTrfTxInf[1]/p:PmtId/p:EndToEndId", dom)).isEqualTo("E2E-1");
        assertThat(xpath.evaluate(sek + "/p:CdtTrfTxInf[1]/p:Amt/p:InstdAmt", dom)).isEqualTo("1234.50");
        assertThat(xpath.evaluate(sek + "/p:CdtTrfTxInf[1]/p:Amt/p:InstdAmt/@Ccy", dom)).isEqualTo("SEK");
        assertThat(xpath.evaluate(sek + "/p:CdtTrfTxInf[1]/p:Cdtr/p:Nm", dom)).isEqualTo("Åsa Öberg & Söner <AB>");
        assertThat(xpath.evaluate(sek + "/p:CdtTrfTxInf[1]/p:CdtrAcct/p:Id/p:IBAN", dom)).isEqualTo(ASA.value());
        assertThat(xpath.evaluate(sek + "/p:CdtTrfTxInf[1]/p:RmtInf/p:Ustrd", dom))
                .isEqualTo("Återbetalning faktura 1001 & 1002");
        assertThat(xpath.evaluate(sek + "/p:CdtTrfTxInf[2]/p:PmtId/p:EndToEndId", dom)).isEqualTo("E2E-2");
        assertThat(xpath.evaluate("count(" + sek + "/p:CdtTrfTxInf[2]/p:PmtId/p:InstrId)", dom)).isEqualTo("0");
        assertThat(xpath.evaluate(sek + "/p:CdtTrfTxInf[2]/p:Amt/p:InstdAmt", dom)).isEqualTo("1000.00");
        assertThat(xpath.evaluate(sek + "/p:CdtTrfTxInf[3]/p:Amt/p:InstdAmt", dom)).isEqualTo("0.99");
        assertThat(xpath.evaluate(sek + "/p:CdtTrfTxInf[3]/p:Cdtr/p:Nm", dom)).isEqualTo("Karl \"Kalle\" Åkesson");
        assertThat(xpath.evaluate("count(" + sek + "/p:CdtTrfTxInf[3]/p:RmtInf)", dom)).isEqualTo("0");

        String eur = "//p:PmtInf[p:PmtInfId='PMT-EUR-1']";
        assertThat(xpath.evaluate(eur + "/p:NbOfTxs", dom)).isEqualTo("2");
        assertThat(xpath.evaluate(eur + "/p:CtrlSum", dom)).isEqualTo("500.01");
        assertThat(xpath.evaluate(eur + "/p:DbtrAgt/p:FinInstnId/p:Othr/p:Id", dom)).isEqualTo("NOTPROVIDED");
        assertThat(xpath.evaluate("count(" + eur + "/p:DbtrAgt/p:FinInstnId/p:BICFI)", dom)).isEqualTo("0");
        assertThat(xpath.evaluate(eur + "/p:CdtTrfTxInf[1]/p:Amt/p:InstdAmt", dom)).isEqualTo("500.00");
        assertThat(xpath.evaluate(eur + "/p:CdtTrfTxInf[1]/p:Amt/p:InstdAmt/@Ccy", dom)).isEqualTo("EUR");
        assertThat(xpath.evaluate(eur + "/p:CdtTrfTxInf[1]/p:CdtrAcct/p:Id/p:IBAN", dom))
                .isEqualTo("DE89370400440532013000");
        assertThat(xpath.evaluate(eur + "/p:CdtTrfTxInf[2]/p:PmtId/p:EndToEndId", dom)).isEqualTo("E2E-5");
        assertThat(xpath.evaluate(eur + "/p:CdtTrfTxInf[2]/p:Amt/p:InstdAmt", dom)).isEqualTo("0.01");
    }

    @Test
    void escapesMarkupInTheBytesAndWritesUtf8() {
        // given
        byte[] document = twoBatches();

        // when
        String xml = new String(document, StandardCharsets.UTF_8);

        // then
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\">",
                        "<Nm>Åsa Öberg &amp; Söner &lt;AB&gt;</Nm>",
                        "<InstdAmt Ccy=\"SEK\">1234.50</InstdAmt>")
                .endsWith("</Document>\n");
    }

    @Test
    void sameInputGivesByteIdenticalOutput() {
        // given
        byte[] first = twoBatches();

        // when
        byte[] second = twoBatches();

        // then
        assertThat(second).isEqualTo(first);
    }

    @Test
    void streamsAHundredThousandTransfersWithoutHoldingTheDocument() {
        // given
        int count = 100_000;
        CreditTransferBatch batch = new CreditTransferBatch("PMT-BULK", EXECUTION, "Klientmedel", CLIENT_FUNDS, null,
                count, Money.ofMinor(count * 12_345L, "SEK"));
        TailOfStream out = new TailOfStream();

        // when
        try (Pain001Writer writer = new Pain001Writer(out,
                new CreditTransferInitiation("MSG-BULK", CREATED, "Klientmedel", List.of(batch)))) {
            writer.startBatch("PMT-BULK");
            for (int i = 1; i <= count; i++) {
                writer.write(sek("E2E-" + i, 12_345, "Åsa Öberg", ASA));
            }
        }

        // then
        assertThat(out.tail()).endsWith("</CdtTrfTxInf>\n    </PmtInf>\n  </CstmrCdtTrfInitn>\n</Document>\n");
        assertThat(out.size).isGreaterThan(count * 300L);
    }

    /** Keeps only the byte count and the last bytes written, so a test can write far more than it holds. */
    private static final class TailOfStream extends java.io.OutputStream {
        private final byte[] last = new byte[80];
        private long size;

        @Override
        public void write(int b) {
            last[(int) (size++ % last.length)] = (byte) b;
        }

        String tail() {
            int n = (int) Math.min(size, last.length);
            byte[] ordered = new byte[n];
            for (int i = 0; i < n; i++) {
                ordered[i] = last[(int) ((size - n + i) % last.length)];
            }
            return new String(ordered, StandardCharsets.UTF_8);
        }
    }

    @Test
    void cutsANameLongerThan140CharactersAndValidates() throws Exception {
        // given
        String longName = "Ö".repeat(150);
        CreditTransferBatch batch = new CreditTransferBatch("PMT-1", EXECUTION, longName, CLIENT_FUNDS, null,
                1, Money.ofMinor(100, "SEK"));
        CreditTransfer transfer = sek("E2E-1", 100, longName, ASA);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        try (Pain001Writer writer = new Pain001Writer(out,
                new CreditTransferInitiation("MSG-1", CREATED, longName, List.of(batch)))) {
            writer.startBatch("PMT-1");
            writer.write(transfer);
        }

        // then
        validate(out.toByteArray());
        assertThat(transfer.creditorName()).isEqualTo("Ö".repeat(140));
        assertThat(batch.debtorName()).isEqualTo("Ö".repeat(140));
        assertThat(xpath().evaluate("//p:Cdtr/p:Nm", parse(out.toByteArray()))).isEqualTo("Ö".repeat(140));
    }

    @Test
    void refusesAnIbanWithAWrongChecksum() {
        // when / then
        assertThatThrownBy(() -> Iban.parse("SE45 5000 0000 0583 9825 7467"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IBAN 'SE4550000000058398257467' has a wrong checksum");
    }

    @Test
    void refusesATransferWithoutCreditorAccount() {
        // when / then
        assertThatThrownBy(() -> sek("E2E-1", 100, "Åsa", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("transfer E2E-1: creditorAccount");
    }

    @Test
    void refusesAZeroOrNegativeAmount() {
        // when / then
        assertThatThrownBy(() -> sek("E2E-0", 0, "Åsa", ASA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transfer E2E-0: amount 0.00 SEK must be positive");
        assertThatThrownBy(() -> sek("E2E-9", -1_000, "Åsa", ASA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transfer E2E-9: amount -10.00 SEK must be positive");
        assertThatThrownBy(() -> new CreditTransferBatch("PMT-1", EXECUTION, "Klientmedel", CLIENT_FUNDS, null,
                1, Money.ofMinor(0, "SEK")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch PMT-1: declaredControlSum 0.00 SEK must be positive");
    }

    @Test
    void refusesABlankEndToEndId() {
        // when / then
        assertThatThrownBy(() -> sek("  ", 100, "Åsa", ASA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endToEndId '  ' must not be blank");
        assertThatThrownBy(() -> sek(null, 100, "Åsa", ASA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endToEndId 'null' must not be blank");
    }

    @Test
    void refusesIdsLongerThan35Characters() {
        // given
        String id36 = "E2E-" + "1".repeat(32);

        // when / then
        assertThatThrownBy(() -> sek(id36, 100, "Åsa", ASA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endToEndId '" + id36 + "' has 36 characters, at most 35 allowed");
        assertThatThrownBy(() -> new CreditTransfer(id36, "E2E-1", Money.ofMinor(100, "SEK"), "Åsa", ASA, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instructionId '" + id36 + "' has 36 characters, at most 35 allowed");
        assertThatThrownBy(() -> new CreditTransferBatch(id36, EXECUTION, "Klientmedel", CLIENT_FUNDS, null,
                1, Money.ofMinor(100, "SEK")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("paymentInformationId '" + id36 + "' has 36 characters, at most 35 allowed");
        assertThatThrownBy(() -> new CreditTransferInitiation(id36, CREATED, "Klientmedel", List.of(sekBatch())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("messageId '" + id36 + "' has 36 characters, at most 35 allowed");
    }

    @Test
    void refusesRemittanceInformationLongerThan140CharactersRatherThanCuttingIt() {
        // given
        String ustrd = "x".repeat(141);

        // when / then
        assertThatThrownBy(() -> new CreditTransfer(null, "E2E-1", Money.ofMinor(100, "SEK"), "Åsa", ASA, ustrd))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transfer E2E-1: remittanceInformation '" + ustrd + "' has 141 characters, at most 140 allowed");
    }

    @Test
    void refusesACharacterThatXmlCannotCarry() {
        // when / then
        assertThatThrownBy(() -> sek("E2E-1", 100, "Åsa\u0001", ASA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transfer E2E-1: creditorName 'Åsa\u0001' holds character U+0001, which XML cannot carry");
    }

    @Test
    void refusesABicOfTheWrongShape() {
        // when / then
        assertThatThrownBy(() -> new CreditTransferBatch("PMT-1", EXECUTION, "Klientmedel", CLIENT_FUNDS, "esse se ss",
                1, Money.ofMinor(100, "SEK")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch PMT-1: debtorAgentBic 'esse se ss' is not a BIC of 8 or 11 upper-case letters and digits");
    }

    @Test
    void refusesTheSamePaymentInformationIdTwice() {
        // when / then
        assertThatThrownBy(() -> initiation(sekBatch(), sekBatch()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message MSG-2026-03-02-1: paymentInformationId 'PMT-SEK-1' is declared twice");
    }

    @Test
    void refusesATransferInAnotherCurrencyThanItsBatch() {
        // given
        Pain001Writer writer = new Pain001Writer(new ByteArrayOutputStream(), initiation(sekBatch()));
        writer.startBatch("PMT-SEK-1");
        CreditTransfer euros = new CreditTransfer(null, "E2E-7", Money.ofMinor(100, "EUR"), "Hans", HANS, null);

        // when / then
        assertThatThrownBy(() -> writer.write(euros))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pain.001 MSG-2026-03-02-1, batch PMT-SEK-1: transfer E2E-7: amount 1.00 EUR "
                        + "is not in the batch currency SEK");
    }

    @Test
    void refusesToFinishABatchWithFewerTransfersThanDeclared() {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pain001Writer writer = new Pain001Writer(out, initiation(sekBatch()));
        writer.startBatch("PMT-SEK-1");
        writer.write(sek("E2E-1", 123_450, "Åsa", ASA));
        writer.write(sek("E2E-2", 100_000, "Björn", BJORN));

        // when / then
        assertThatThrownBy(writer::close)
                .isInstanceOf(Pain001WriteException.class)
                .hasMessage("pain.001 MSG-2026-03-02-1: batch PMT-SEK-1 declared 3 transfers summing to 2235.49 SEK, "
                        + "written 2 summing to 2234.50 SEK");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("</Document>");
    }

    @Test
    void refusesToStartTheNextBatchWhenTheControlSumDoesNotMatch() {
        // given
        Pain001Writer writer = new Pain001Writer(new ByteArrayOutputStream(), initiation(sekBatch(), eurBatch()));
        writer.startBatch("PMT-SEK-1");
        writer.write(sek("E2E-1", 123_450, "Åsa", ASA));
        writer.write(sek("E2E-2", 100_000, "Björn", BJORN));
        writer.write(sek("E2E-3", 98, "Karl", KARL));

        // when / then
        assertThatThrownBy(() -> writer.startBatch("PMT-EUR-1"))
                .isInstanceOf(Pain001WriteException.class)
                .hasMessage("pain.001 MSG-2026-03-02-1: batch PMT-SEK-1 declared 3 transfers summing to 2235.49 SEK, "
                        + "written 3 summing to 2235.48 SEK");
        assertThatThrownBy(() -> writer.write(sek("E2E-4", 1, "Karl", KARL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("pain.001 MSG-2026-03-02-1 was refused earlier: batch PMT-SEK-1 declared 3");
    }

    @Test
    void refusesATransferBeyondTheDeclaredCountOrControlSum() {
        // given
        Pain001Writer writer = new Pain001Writer(new ByteArrayOutputStream(), initiation(eurBatch()));
        writer.startBatch("PMT-EUR-1");
        writer.write(new CreditTransfer(null, "E2E-1", Money.ofMinor(50_000, "EUR"), "Hans", HANS, null));

        // when / then
        assertThatThrownBy(() -> writer.write(
                new CreditTransfer(null, "E2E-2", Money.ofMinor(2, "EUR"), "Hans", HANS, null)))
                .isInstanceOf(Pain001WriteException.class)
                .hasMessage("pain.001 MSG-2026-03-02-1, batch PMT-EUR-1: transfer E2E-2: amount 0.02 EUR would bring "
                        + "the batch to 500.02 EUR, control sum 500.01 EUR declared");
        writer.write(new CreditTransfer(null, "E2E-3", Money.ofMinor(1, "EUR"), "Hans", HANS, null));
        assertThatThrownBy(() -> writer.write(
                new CreditTransfer(null, "E2E-4", Money.ofMinor(1, "EUR"), "Hans", HANS, null)))
                .isInstanceOf(Pain001WriteException.class)
                .hasMessage("pain.001 MSG-2026-03-02-1, batch PMT-EUR-1: transfer E2E-4 would be transfer 3, "
                        + "2 declared");
    }

    @Test
    void refusesABatchStartedOutOfOrder() {
        // given
        Pain001Writer writer = new Pain001Writer(new ByteArrayOutputStream(), initiation(sekBatch(), eurBatch()));

        // when / then
        assertThatThrownBy(() -> writer.startBatch("PMT-EUR-1"))
                .isInstanceOf(Pain001WriteException.class)
                .hasMessage("pain.001 MSG-2026-03-02-1: batch PMT-EUR-1 started where batch PMT-SEK-1 was declared");
    }

    @Test
    void refusesToFinishWhenADeclaredBatchWasNeverWritten() {
        // given
        Pain001Writer writer = new Pain001Writer(new ByteArrayOutputStream(), initiation(eurBatch(), sekBatch()));
        writer.startBatch("PMT-EUR-1");
        writer.write(new CreditTransfer(null, "E2E-1", Money.ofMinor(50_000, "EUR"), "Hans", HANS, null));
        writer.write(new CreditTransfer(null, "E2E-2", Money.ofMinor(1, "EUR"), "Hans", HANS, null));

        // when / then
        assertThatThrownBy(writer::close)
                .isInstanceOf(Pain001WriteException.class)
                .hasMessage("pain.001 MSG-2026-03-02-1: batch PMT-SEK-1 was declared but never written");
    }

    private static void validate(byte[] document) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(Pain001WriterTest.class.getResource("pain.001.001.09.xsd"))
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(document)));
    }

    private static Document parse(byte[] document) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(document));
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "p".equals(prefix) ? Pain001Writer.NAMESPACE : XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(String namespaceURI) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceURI) {
                return null;
            }
        });
        return xpath;
    }
}
