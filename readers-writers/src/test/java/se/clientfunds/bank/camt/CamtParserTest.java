package se.clientfunds.bank.camt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankFileValidation;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.bank.BankSection;
import se.clientfunds.bank.BankTransaction;
import se.clientfunds.bank.Direction;
import se.clientfunds.money.Money;
import se.clientfunds.reference.OcrReference;

class CamtParserTest {

    private static final String FILE = "test.xml";

    /** A camt.054.001.08 notification for a SEK account with one entry whose amount and indicator are given. */
    private static String notification(String amount, String indicator) {
        return notification("<Amt Ccy=\"SEK\">" + amount + "</Amt>" + indicator + "<Sts><Cd>BOOK</Cd></Sts>"
                + "<BookgDt><Dt>2026-01-02</Dt></BookgDt><ValDt><Dt>2026-01-02</Dt></ValDt>");
    }

    private static String notification(String entryContent) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-01-02T18:00:00+01:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>NTF-1</Id>
                      <Acct><Id><IBAN>SE4550000000058398257466</IBAN></Id><Ccy>SEK</Ccy></Acct>
                      <Ntry>%s</Ntry>
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """.formatted(entryContent);
    }

    private static InputStream bytes(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static ParsedFile parse(String xml) throws IOException {
        return ParsedFile.of(bytes(xml), FILE);
    }

    private static BankEntry onlyEntry(ParsedFile parsed) {
        return parsed.entries(parsed.sections().get(0)).get(0);
    }

    @Test
    void readsVersionAndFormatFromTheRootNamespace() throws IOException {
        // given
        String xml = notification("1250.00", "<CdtDbtInd>CRDT</CdtDbtInd>");

        // when
        try (CamtParser parser = CamtParser.open(bytes(xml), FILE)) {

            // then
            assertThat(parser.format()).isEqualTo(BankFileFormat.CAMT_054);
            assertThat(parser.version()).isEqualTo("camt.054.001.08");
        }
    }

    @Test
    void readsAmountsWithFewerDecimalsThanTheCurrencyExactly() throws IOException {
        // given / when / then
        assertThat(onlyEntry(parse(notification("100", "<CdtDbtInd>CRDT</CdtDbtInd>"))).amount())
                .isEqualTo(Money.ofMinor(10_000, "SEK"));
        assertThat(onlyEntry(parse(notification("100.5", "<CdtDbtInd>CRDT</CdtDbtInd>"))).amount())
                .isEqualTo(Money.ofMinor(10_050, "SEK"));
        assertThat(onlyEntry(parse(notification("100.50000", "<CdtDbtInd>DBIT</CdtDbtInd>"))).signedAmount())
                .isEqualTo(Money.ofMinor(-10_050, "SEK"));
    }

    @Test
    void refusesAnAmountWithADecimalComma() {
        assertThatThrownBy(() -> parse(notification("12,50", "<CdtDbtInd>CRDT</CdtDbtInd>")))
                .isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]/Amt: amount '12,50' is not a decimal number with a dot");
    }

    @Test
    void refusesANegativeAmount() {
        assertThatThrownBy(() -> parse(notification("-5", "<CdtDbtInd>CRDT</CdtDbtInd>")))
                .isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]/Amt: amount '-5' is negative; the direction belongs in CdtDbtInd");
    }

    @Test
    void refusesAnAmountThatIsNoNumber() {
        assertThatThrownBy(() -> parse(notification("abc", "<CdtDbtInd>CRDT</CdtDbtInd>")))
                .isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]/Amt: amount 'abc' is not a decimal number with a dot");
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHasUnlessTheyAreZeros() {
        assertThatThrownBy(() -> parse(notification("12.505", "<CdtDbtInd>CRDT</CdtDbtInd>")))
                .isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]/Amt: amount '12.505' has more than 2 decimals for SEK");
    }

    @Test
    void readsAnAmountWithoutALeadingOrTrailingDigitAsTheDecimalItIs() throws IOException {
        // given / when / then: xs:decimal allows both ".55" and "5."
        assertThat(onlyEntry(parse(notification(".55", "<CdtDbtInd>CRDT</CdtDbtInd>"))).amount())
                .isEqualTo(Money.ofMinor(55, "SEK"));
        assertThat(onlyEntry(parse(notification("5.", "<CdtDbtInd>CRDT</CdtDbtInd>"))).amount())
                .isEqualTo(Money.ofMinor(500, "SEK"));
        assertThatThrownBy(() -> parse(notification(".", "<CdtDbtInd>CRDT</CdtDbtInd>")))
                .isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]/Amt: amount '.' is not a decimal number with a dot");
    }

    @Test
    void refusesDecimalsACurrencyWithoutMinorUnitsCannotHoldUnlessTheyAreZeros() throws IOException {
        // given
        String yen = notification("<Amt Ccy=\"JPY\">1500.5</Amt><CdtDbtInd>CRDT</CdtDbtInd>");

        // when / then
        assertThat(onlyEntry(parse(notification("<Amt Ccy=\"JPY\">1500.000</Amt><CdtDbtInd>CRDT</CdtDbtInd>"))).amount())
                .isEqualTo(Money.ofMinor(1_500, "JPY"));
        assertThatThrownBy(() -> parse(yen)).isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]/Amt: amount '1500.5' has more than 0 decimals for JPY");
    }

    @Test
    void refusesAnAmountOfThousandsOfDigitsByItsLength() {
        // given
        String digits = "9".repeat(5_000) + ".00";

        // when / then
        assertThatThrownBy(() -> parse(notification(digits, "<CdtDbtInd>CRDT</CdtDbtInd>")))
                .isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]/Amt: amount '999999999999999999999999…' has 5003 characters;"
                        + " an ISO 20022 amount has at most 18 digits");
        assertThatThrownBy(() -> parse(notification("12345678901234567.00", "<CdtDbtInd>CRDT</CdtDbtInd>")))
                .isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]/Amt: amount '12345678901234567.00' has 20 characters;"
                        + " an ISO 20022 amount has at most 18 digits");
    }

    @Test
    void refusesAnAmountWithoutCurrency() {
        assertThatThrownBy(() -> parse(notification("<Amt>12.50</Amt><CdtDbtInd>CRDT</CdtDbtInd>")))
                .isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]/Amt: amount '12.50' has no Ccy attribute");
    }

    @Test
    void refusesAnEntryWithoutCreditDebitIndicator() {
        assertThatThrownBy(() -> parse(notification("12.50", "")))
                .isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]: Ntry has no CdtDbtInd");
    }

    @Test
    void refusesAnUnknownCreditDebitIndicator() {
        assertThatThrownBy(() -> parse(notification("12.50", "<CdtDbtInd>CRED</CdtDbtInd>")))
                .isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]/CdtDbtInd: CdtDbtInd 'CRED' is neither CRDT nor DBIT");
    }

    @Test
    void refusesAnEntryWithoutAmount() {
        assertThatThrownBy(() -> parse(notification("<CdtDbtInd>CRDT</CdtDbtInd>")))
                .isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]: Ntry has no Amt");
    }

    @Test
    void refusesABadDate() {
        assertThatThrownBy(() -> parse(notification("<Amt Ccy=\"SEK\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                + "<BookgDt><Dt>2026-13-01</Dt></BookgDt>")))
                .isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]/BookgDt/Dt: '2026-13-01' is not a date (yyyy-mm-dd)");
    }

    @Test
    void refusesATruncatedFileNamingWhereItBrokeOff() {
        // given
        String whole = notification("12.50", "<CdtDbtInd>CRDT</CdtDbtInd>");
        String truncated = whole.substring(0, whole.indexOf("<BookgDt>") + 5);

        // when / then
        assertThatThrownBy(() -> parse(truncated)).isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Ntfctn[1]/Ntry[1]: not well-formed XML at line 8, column 95: "
                        + "XML document structures must start and end within the same entity.");
    }

    @Test
    void refusesANonCamtRoot() {
        String pain = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>
                """;
        assertThatThrownBy(() -> parse(pain)).isInstanceOf(BankFileException.class)
                .hasMessage("test.xml root: not a camt.053 or camt.054 document: root element "
                        + "{urn:iso:std:iso:20022:tech:xsd:pain.001.001.09}Document");
        assertThatThrownBy(() -> parse("<html><body/></html>")).isInstanceOf(BankFileException.class)
                .hasMessage("test.xml root: not a camt.053 or camt.054 document: root element html");
    }

    @Test
    void refusesAStatementNamespaceAroundANotification() {
        String mixed = notification("12.50", "<CdtDbtInd>CRDT</CdtDbtInd>").replace("camt.054.001.08", "camt.053.001.08");
        assertThatThrownBy(() -> parse(mixed)).isInstanceOf(BankFileException.class)
                .hasMessage("test.xml Document: camt.053.001.08 must hold BkToCstmrStmt, holds BkToCstmrDbtCdtNtfctn");
    }

    @Test
    void refusesAnExternalEntityBeforeReadingAnything() {
        // given
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Document [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                  <BkToCstmrDbtCdtNtfctn><Ntfctn><Id>&xxe;</Id></Ntfctn></BkToCstmrDbtCdtNtfctn>
                </Document>
                """;

        // when / then
        assertThatThrownBy(() -> parse(xxe)).isInstanceOf(BankFileException.class)
                .hasMessageStartingWith("test.xml prolog: DOCTYPE not allowed: ")
                .hasMessageContaining("file:///etc/passwd")
                .hasMessageNotContaining("root:");
    }

    @Test
    void refusesEntityExpansionBeforeReadingAnything() {
        // given
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append(" <!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn>"
                + "<Ntfctn><Id>&lol9;</Id></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n");

        // when / then
        assertThatThrownBy(() -> parse(laughs.toString())).isInstanceOf(BankFileException.class)
                .hasMessageStartingWith("test.xml prolog: DOCTYPE not allowed: <!DOCTYPE lolz");
    }

    @Test
    void closesTheStreamItWasGivenWhenItRefusesTheFile() {
        // given
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream("<html/>".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        // when / then
        assertThatThrownBy(() -> CamtParser.open(in, FILE)).isInstanceOf(BankFileException.class);
        assertThat(closed).isTrue();
    }

    @Test
    void validationRefusesAnEntryInAnotherCurrencyThanTheAccount() throws IOException {
        // given
        String euros = notification("<Amt Ccy=\"EUR\">12.50</Amt><CdtDbtInd>CRDT</CdtDbtInd>");

        // when
        BankFileVerdict verdict;
        try (CamtParser parser = CamtParser.open(bytes(euros), FILE)) {
            verdict = BankFileValidation.validate(FILE, parser);
        }

        // then
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problems()).map(BankFileVerdict.Problem::toString)
                .containsExactly("Ntfctn[1]/Ntry[1]: amount 12.50 EUR is not in the account currency SEK");
    }

    @Test
    void readsABatchOfPaymentsWithTheirPayersAndReferences() throws IOException {
        // given
        String ocr = OcrReference.withCheckDigit("4711000123").value();
        String xml = notification("""
                <Amt Ccy="SEK">300</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><DtTm>2026-01-02T23:30:00+01:00</DtTm></BookgDt><ValDt><Dt>2026-01-03</Dt></ValDt>
                <AcctSvcrRef>BANK-1</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls>
                  <Btch><NbOfTxs>2</NbOfTxs></Btch>
                  <TxDtls>
                    <Refs><AcctSvcrRef>TX-1</AcctSvcrRef><EndToEndId>E2E-1</EndToEndId></Refs>
                    <Amt Ccy="SEK">100.5</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                    <RltdPties>
                      <Dbtr><Pty><Nm>Åsa Öberg</Nm><PstlAdr><Ctry>SE</Ctry></PstlAdr></Pty></Dbtr>
                      <DbtrAcct><Id><IBAN>SE3550000000054910000003</IBAN></Id></DbtrAcct>
                      <Cdtr><Pty><Nm>Client Funds AB</Nm></Pty></Cdtr>
                    </RltdPties>
                    <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>%s</Ref></CdtrRefInf></Strd></RmtInf>
                  </TxDtls>
                  <TxDtls>
                    <Refs><EndToEndId>E2E-2</EndToEndId></Refs>
                    <Amt Ccy="SEK">199.50</Amt>
                    <RltdPties><Dbtr><Nm>Bo Ek</Nm></Dbtr><DbtrAcct><Id><Othr><Id>5491-0000003</Id></Othr></Id></DbtrAcct></RltdPties>
                    <RmtInf><Ustrd>Faktura %s</Ustrd><Ustrd>tack</Ustrd><UnknownFutureElement>x</UnknownFutureElement></RmtInf>
                  </TxDtls>
                </NtryDtls>
                """.formatted(ocr, ocr));

        // when
        ParsedFile parsed = parse(xml);

        // then
        BankSection section = parsed.sections().get(0);
        assertThat(section.id()).isEqualTo("NTF-1");
        assertThat(section.account().value()).isEqualTo("SE4550000000058398257466");
        assertThat(section.currency().getCurrencyCode()).isEqualTo("SEK");
        BankEntry entry = onlyEntry(parsed);
        assertThat(entry.location()).isEqualTo("Ntfctn[1]/Ntry[1]");
        assertThat(entry.bookingDate()).hasToString("2026-01-02");
        assertThat(entry.valueDate()).hasToString("2026-01-03");
        assertThat(entry.accountServicerReference()).isEqualTo("BANK-1");
        assertThat(entry.bankTransactionCode()).isEqualTo("PMNT/RCDT/DMCT");
        assertThat(entry.declaredBatchCount()).isEqualTo(2L);
        BankTransaction first = entry.transactions().get(0);
        assertThat(first.location()).isEqualTo("Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]");
        assertThat(first.amount()).isEqualTo(Money.ofMinor(10_050, "SEK"));
        assertThat(first.accountServicerReference()).isEqualTo("TX-1");
        assertThat(first.endToEndId()).isEqualTo("E2E-1");
        assertThat(first.counterparty().name()).isEqualTo("Åsa Öberg");
        assertThat(first.counterparty().account()).isEqualTo("SE3550000000054910000003");
        assertThat(first.counterparty().country()).isEqualTo("SE");
        assertThat(first.references()).containsExactly(ocr);
        BankTransaction second = entry.transactions().get(1);
        assertThat(second.location()).isEqualTo("Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[2]");
        assertThat(second.direction()).isEqualTo(Direction.CREDIT);
        assertThat(second.counterparty().name()).isEqualTo("Bo Ek");
        assertThat(second.counterparty().account()).isEqualTo("5491-0000003");
        assertThat(second.remittanceText()).isEqualTo("Faktura " + ocr + " tack");
        assertThat(second.references()).as("an OCR found in the unstructured text").containsExactly(ocr);
    }

    @Test
    void readsTheVersion2SummaryAndStatus() throws IOException {
        // given
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>M</MsgId></GrpHdr>
                    <Stmt>
                      <Id>S-1</Id><ElctrncSeqNb>42</ElctrncSeqNb>
                      <Acct><Id><IBAN>SE4550000000058398257466</IBAN></Id><Ccy>SEK</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="SEK">10</Amt><CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2026-01-01</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="SEK">5</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-01-02</Dt></Dt></Bal>
                      <TxsSummry><TtlNtries><NbOfNtries>1</NbOfNtries><TtlNetNtryAmt>15</TtlNetNtryAmt><CdtDbtInd>CRDT</CdtDbtInd></TtlNtries></TxsSummry>
                      <Ntry><Amt Ccy="SEK">15.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """;

        // when
        ParsedFile parsed = parse(xml);
        BankFileVerdict verdict;
        try (CamtParser parser = CamtParser.open(bytes(xml), FILE)) {
            verdict = BankFileValidation.validate(FILE, parser);
        }

        // then
        BankSection section = parsed.sections().get(0);
        assertThat(section.sequenceNumber()).isEqualTo(42L);
        assertThat(section.balance("OPBD").orElseThrow().amount()).isEqualTo(Money.ofMinor(-1_000, "SEK"));
        assertThat(section.declaredEntryCount()).isEqualTo(1L);
        assertThat(section.declaredNet()).isEqualTo(Money.ofMinor(1_500, "SEK"));
        assertThat(onlyEntry(parsed).status()).isEqualTo("BOOK");
        assertThat(verdict.valid()).as(verdict.summary()).isTrue();
    }

    // a statement must state its opening and closing booked balances
    private static final String BALANCES_1000_TO_700 = """
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="SEK">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-01-05</Dt></Dt></Bal>
            <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="SEK">700.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-01-05</Dt></Dt></Bal>
            """;

    /** A statement or notification of the version given, holding one batch debit with the NtryDtls given. */
    private static String batchDebit(String version, String entryDetails) {
        boolean statement = version.startsWith("camt.053");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:%s">
                  <%s>
                    <GrpHdr><MsgId>M</MsgId><CreDtTm>2026-01-05T18:00:00+01:00</CreDtTm></GrpHdr>
                    <%s>
                      <Id>S-1</Id>
                      <Acct><Id><IBAN>SE4550000000058398257466</IBAN></Id><Ccy>SEK</Ccy></Acct>
                      %s
                      <Ntry>
                        <Amt Ccy="SEK">300.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>2026-01-05</Dt></BookgDt><ValDt><Dt>2026-01-05</Dt></ValDt>
                        <AcctSvcrRef>DBT-PO-20260102-8398257466</AcctSvcrRef>
                        %s
                      </Ntry>
                    </%s>
                  </%s>
                </Document>
                """.formatted(version, statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn", statement ? "Stmt" : "Ntfctn",
                statement ? BALANCES_1000_TO_700 : "", entryDetails, statement ? "Stmt" : "Ntfctn", statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn");
    }

    private static final String TWO_TRANSFERS = """
            <TxDtls><Refs><EndToEndId>PO-1</EndToEndId></Refs><Amt Ccy="SEK">100.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls>
            <TxDtls><Refs><EndToEndId>PO-2</EndToEndId></Refs><Amt Ccy="SEK">200.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls>
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"camt.053.001.02", "camt.053.001.04", "camt.053.001.08",
            "camt.054.001.02", "camt.054.001.04", "camt.054.001.08"})
    void readsThePaymentInformationIdOfABatchEntry(String version) throws IOException {
        // given
        String xml = batchDebit(version, "<NtryDtls><Btch><MsgId>PAIN-1</MsgId><PmtInfId>PO-20260102-8398257466</PmtInfId>"
                + "<NbOfTxs>2</NbOfTxs><TtlAmt Ccy=\"SEK\">300.00</TtlAmt><CdtDbtInd>DBIT</CdtDbtInd></Btch>"
                + TWO_TRANSFERS + "</NtryDtls>");

        // when
        ParsedFile parsed = parse(xml);
        BankFileVerdict verdict;
        try (CamtParser parser = CamtParser.open(bytes(xml), FILE)) {
            verdict = BankFileValidation.validate(FILE, parser);
        }

        // then
        assertThat(parsed.version()).isEqualTo(version);
        BankEntry entry = onlyEntry(parsed);
        assertThat(entry.paymentInformationId()).isEqualTo("PO-20260102-8398257466");
        assertThat(entry.declaredBatchCount()).isEqualTo(2L);
        assertThat(entry.transactions()).extracting(BankTransaction::endToEndId).containsExactly("PO-1", "PO-2");
        assertThat(verdict.valid()).as(verdict.summary()).isTrue();
    }

    @Test
    void anEntryWithoutABatchOrWithAnEmptyPaymentInformationIdHasNone() throws IOException {
        // given
        String withoutBatch = batchDebit("camt.053.001.08", "<NtryDtls>" + TWO_TRANSFERS + "</NtryDtls>");
        String emptyId = batchDebit("camt.053.001.08", "<NtryDtls><Btch><PmtInfId></PmtInfId><NbOfTxs>2</NbOfTxs></Btch>"
                + TWO_TRANSFERS + "</NtryDtls>");

        // when / then
        assertThat(onlyEntry(parse(withoutBatch)).paymentInformationId()).isNull();
        assertThat(onlyEntry(parse(emptyId)).paymentInformationId()).isNull();
        assertThat(onlyEntry(parse(emptyId)).declaredBatchCount()).isEqualTo(2L);
    }

    @Test
    void anEntryBookingTwoDifferentBatchesHasNoSinglePaymentInformationId() throws IOException {
        // given
        String xml = batchDebit("camt.053.001.08",
                "<NtryDtls><Btch><PmtInfId>PO-A</PmtInfId><NbOfTxs>1</NbOfTxs></Btch>"
                + "<TxDtls><Refs><EndToEndId>PO-1</EndToEndId></Refs><Amt Ccy=\"SEK\">100.00</Amt></TxDtls></NtryDtls>"
                + "<NtryDtls><Btch><PmtInfId>PO-B</PmtInfId><NbOfTxs>1</NbOfTxs></Btch>"
                + "<TxDtls><Refs><EndToEndId>PO-2</EndToEndId></Refs><Amt Ccy=\"SEK\">200.00</Amt></TxDtls></NtryDtls>");

        // when
        BankEntry entry = onlyEntry(parse(xml));

        // then
        assertThat(entry.paymentInformationId()).isNull();
        assertThat(entry.declaredBatchCount()).isEqualTo(2L);
    }

    @Test
    void refusesAPaymentInformationIdLongerThan35Characters() {
        // given
        String id = "P".repeat(36);
        String xml = batchDebit("camt.053.001.08", "<NtryDtls><Btch><PmtInfId>" + id + "</PmtInfId></Btch></NtryDtls>");

        // when / then
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(BankFileException.class)
                .hasMessageContaining("Stmt[1]/Ntry[1]/NtryDtls/Btch/PmtInfId").hasMessageContaining(id);
    }

    @Test
    void findsOnlyLuhnValidDigitRunsAsOcrReferences() {
        String ocr = OcrReference.withCheckDigit("123456789").value();
        assertThat(CamtParser.ocrCandidates("Inv " + ocr + ", order 12345678901")).containsExactly(ocr);
        assertThat(CamtParser.ocrCandidates("no digits here")).isEmpty();
        // 2014 passes Luhn, but as part of a date, an amount or an invoice number it is no OCR
        assertThat(CamtParser.ocrCandidates("paid 2014-12-31, 2014.50 SEK for INV2014")).isEmpty();
        assertThat(CamtParser.ocrCandidates("OCR 2014.")).containsExactly("2014");
    }

    @Test
    void aStatementsClosingTimeIsItsToDateTimeElseWhenItWasCreated() throws IOException {
        // given the same statement with and without FrToDt
        String statement = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-01-08T06:00:00+01:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>STMT-1</Id>
                      <CreDtTm>2026-01-07T23:59:00+01:00</CreDtTm>
                      %s
                      <Acct><Id><IBAN>SE4550000000058398257466</IBAN></Id><Ccy>SEK</Ccy></Acct>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """;
        String period = "<FrToDt><FrDtTm>2026-01-07T00:00:00+01:00</FrDtTm><ToDtTm>2026-01-07T18:30:00+01:00</ToDtTm></FrToDt>";

        // when
        BankSection withPeriod = parse(statement.formatted(period)).sections().get(0);
        BankSection without = parse(statement.formatted("")).sections().get(0);

        // then
        assertThat(withPeriod.asOf()).isEqualTo("2026-01-07T18:30:00+01:00");
        assertThat(without.asOf()).isEqualTo("2026-01-07T23:59:00+01:00");
    }
}
