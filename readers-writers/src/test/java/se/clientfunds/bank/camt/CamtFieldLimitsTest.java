package se.clientfunds.bank.camt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankTransaction;

/** ISO 20022's length limits on the text the parser reads: refused at the element, naming the limit, before staging. */
class CamtFieldLimitsTest {

    private static final String FILE = "test.xml";

    /** A camt.054.001.08 notification whose {@code {name}} placeholders take the values under test. */
    private static String notification(String msgId, String id, String entryRef, String txRef, String endToEnd,
                                       String name, String ustrd, String ref, String domain) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>%s</MsgId><CreDtTm>2026-01-02T18:00:00+01:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>%s</Id>
                      <Acct><Id><IBAN>SE4550000000058398257466</IBAN></Id><Ccy>SEK</Ccy></Acct>
                      <Ntry><Amt Ccy="SEK">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <AcctSvcrRef>%s</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>%s</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls>
                          <Refs><AcctSvcrRef>%s</AcctSvcrRef><EndToEndId>%s</EndToEndId></Refs>
                          <Amt Ccy="SEK">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                          <RltdPties><Dbtr><Pty><Nm>%s</Nm></Pty></Dbtr></RltdPties>
                          <RmtInf><Ustrd>%s</Ustrd><Strd><CdtrRefInf><Ref>%s</Ref></CdtrRefInf></Strd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """.formatted(msgId, id, entryRef, domain, txRef, endToEnd, name, ustrd, ref);
    }

    private static final String[] AT_LIMIT = {"M".repeat(35), "N".repeat(35), "E".repeat(35), "T".repeat(35),
            "X".repeat(35), "Å".repeat(140), "U".repeat(140), "R".repeat(35), "PMNT"};

    private static String with(int field, String value) {
        String[] values = AT_LIMIT.clone();
        values[field] = value;
        return notification(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8]);
    }

    private static ParsedFile parse(String xml) throws IOException {
        return ParsedFile.of(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), FILE);
    }

    @Test
    void readsEveryFieldAtItsLimit() throws IOException {
        // when
        ParsedFile parsed = parse(with(0, AT_LIMIT[0]));

        // then: names count characters, not bytes ("Å" is two bytes in UTF-8)
        BankTransaction transaction = parsed.entries(parsed.sections().get(0)).get(0).transactions().get(0);
        assertThat(transaction.counterparty().name()).hasSize(140);
        assertThat(transaction.remittanceText()).hasSize(140);
        assertThat(transaction.endToEndId()).hasSize(35);
    }

    static Stream<Arguments> overLong() {
        return Stream.of(
                Arguments.of(0, "M".repeat(36), "GrpHdr/MsgId: '" + "M".repeat(36) + "' has 36 characters, more than the 35 of Max35Text"),
                Arguments.of(1, "N".repeat(36), "Ntfctn[1]/Id: '" + "N".repeat(36) + "' has 36 characters, more than the 35 of Max35Text"),
                Arguments.of(2, "E".repeat(5_000), "Ntfctn[1]/Ntry[1]/AcctSvcrRef: '" + "E".repeat(40)
                        + "…' has 5000 characters, more than the 35 of Max35Text"),
                Arguments.of(3, "T".repeat(36), "Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]/Refs/AcctSvcrRef: '" + "T".repeat(36)
                        + "' has 36 characters, more than the 35 of Max35Text"),
                Arguments.of(4, "X".repeat(36), "Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]/Refs/EndToEndId: '" + "X".repeat(36)
                        + "' has 36 characters, more than the 35 of Max35Text"),
                Arguments.of(5, "Å".repeat(141), "Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]/RltdPties/Dbtr/Pty/Nm: '"
                        + "Å".repeat(40) + "…' has 141 characters, more than the 140 of Max140Text"),
                Arguments.of(6, "U".repeat(141), "Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]/RmtInf/Ustrd: '" + "U".repeat(40)
                        + "…' has 141 characters, more than the 140 of Max140Text"),
                Arguments.of(7, "R".repeat(36), "Ntfctn[1]/Ntry[1]/NtryDtls/TxDtls[1]/RmtInf/Strd/CdtrRefInf/Ref: '"
                        + "R".repeat(36) + "' has 36 characters, more than the 35 of Max35Text"),
                Arguments.of(8, "PAYMT", "Ntfctn[1]/Ntry[1]/BkTxCd/Domn/Cd: 'PAYMT' has 5 characters, more than the 4 of Max4Text"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("overLong")
    void refusesTextLongerThanItsIsoTypeNamingTheElementAndTheLimit(int field, String value, String reason) {
        // given
        String xml = with(field, value);

        // when / then
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(BankFileException.class).hasMessage(FILE + " " + reason);
    }

    @Test
    void refusesAnAccountIdThatIsNoIban() {
        // given
        String xml = with(0, "M").replace("SE4550000000058398257466", "SE45 5000 0000 0583 9825 7466");

        // when / then
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(BankFileException.class).hasMessage(FILE
                + " Ntfctn[1]/Acct/Id/IBAN: 'SE45 5000 0000 0583 9825 7466' is not an IBAN (two letters, two digits,"
                + " 1 to 30 letters or digits)");
    }
}
