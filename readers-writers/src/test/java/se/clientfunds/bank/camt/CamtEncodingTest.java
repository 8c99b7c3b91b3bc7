package se.clientfunds.bank.camt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileException;
import se.clientfunds.money.Money;

/**
 * What a camt file's bytes may be: UTF-8, UTF-16 or UTF-32 with a byte order mark, or a declared encoding; and what
 * becomes of bytes its encoding cannot decode: one exception naming file, line, column and bytes, nothing on
 * standard error.
 */
class CamtEncodingTest {

    private static final String FILE = "test.xml";

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStandardError() {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(originalErr);
    }

    private static String notification(String encoding) {
        return """
                <?xml version="1.0" encoding="%s"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-01-02T18:00:00+01:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>NTF-1</Id>
                      <Acct><Id><IBAN>SE4550000000058398257466</IBAN></Id><Ccy>SEK</Ccy></Acct>
                      <Ntry><Amt Ccy="SEK">1250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <NtryDtls><TxDtls><Amt Ccy="SEK">1250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                          <RltdPties><Dbtr><Pty><Nm>Åsa Öberg</Nm></Pty></Dbtr></RltdPties></TxDtls></NtryDtls>
                      </Ntry>
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """.formatted(encoding);
    }

    private static byte[] withByteOrderMark(String text, String charset) {
        byte[] bom = switch (charset) {
            case "UTF-8" -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            case "UTF-16BE" -> new byte[] {(byte) 0xFE, (byte) 0xFF};
            case "UTF-16LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE};
            case "UTF-32BE" -> new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF};
            case "UTF-32LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0};
            default -> throw new IllegalArgumentException(charset);
        };
        byte[] body = text.getBytes(Charset.forName(charset));
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }

    private static ParsedFile parse(byte[] bytes) throws IOException {
        return ParsedFile.of(new ByteArrayInputStream(bytes), FILE);
    }

    private static BankEntry onlyEntry(ParsedFile parsed) {
        return parsed.entries(parsed.sections().get(0)).get(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
    void readsAFileWithAByteOrderMark(String charset) throws IOException {
        // given
        String declared = charset.startsWith("UTF-16") ? "UTF-16" : charset.startsWith("UTF-32") ? "UTF-32" : charset;
        byte[] bytes = withByteOrderMark(notification(declared), charset);

        // when
        BankEntry entry = onlyEntry(parse(bytes));

        // then
        assertThat(entry.amount()).isEqualTo(Money.ofMinor(125_000, "SEK"));
        assertThat(entry.transactions().get(0).counterparty().name()).isEqualTo("Åsa Öberg");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void readsUtf16WithoutAByteOrderMarkByItsFirstBytes() throws IOException {
        // given
        byte[] bytes = notification("UTF-16").strip().getBytes(StandardCharsets.UTF_16LE);

        // when / then
        assertThat(onlyEntry(parse(bytes)).transactions().get(0).counterparty().name()).isEqualTo("Åsa Öberg");
    }

    @Test
    void readsTheEncodingTheDeclarationNames() throws IOException {
        // given
        byte[] bytes = notification("ISO-8859-1").strip().getBytes(StandardCharsets.ISO_8859_1);

        // when / then
        assertThat(onlyEntry(parse(bytes)).transactions().get(0).counterparty().name()).isEqualTo("Åsa Öberg");
    }

    @Test
    void bytesThatAreNotUtf8AreOneMessageNamingLineColumnAndBytesAndNothingOnStandardError() {
        // given: "Å" in Latin-1 inside a file that says UTF-8, on line 10
        byte[] bytes = notification("UTF-8").strip().getBytes(StandardCharsets.ISO_8859_1);

        // when / then
        assertThatThrownBy(() -> parse(bytes)).isInstanceOf(BankFileException.class)
                .hasMessage("test.xml: line 10, column 37: byte C5 is not valid UTF-8");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBrokenFourByteSequenceFarIntoTheFileIsNamedWhereItIs() {
        // given: 5,000 well-formed entries, then a lead byte of a 4-byte sequence followed by ASCII
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            entries.append("<Ntry><Amt Ccy=\"SEK\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts></Ntry>\n");
        }
        String text = notification("UTF-8").strip().replaceFirst("<Ntry>", entries + "<Ntry>")
                .replace("Åsa", "\u00f0AAA");
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);

        // when / then
        assertThatThrownBy(() -> parse(bytes)).isInstanceOf(BankFileException.class)
                .hasMessage("test.xml: line 5010, column 37: byte F0 is not valid UTF-8");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMultiByteSequenceCutOffByTheEndOfTheFileIsNamed() {
        // given
        byte[] whole = notification("UTF-8").strip().getBytes(StandardCharsets.UTF_8);
        byte[] cut = new byte[whole.length + 1];
        System.arraycopy(whole, 0, cut, 0, whole.length);
        cut[whole.length] = (byte) 0xE2;

        // when / then
        assertThatThrownBy(() -> parse(cut)).isInstanceOf(BankFileException.class)
                .hasMessage("test.xml: line 14, column 12: byte E2 is not valid UTF-8 (the file ends inside a character)");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void refusesAnEncodingThatCannotBeRead() {
        // given
        byte[] bytes = notification("X-NO-SUCH-CHARSET").getBytes(StandardCharsets.US_ASCII);

        // when / then
        assertThatThrownBy(() -> parse(bytes)).isInstanceOf(BankFileException.class)
                .hasMessage("test.xml prolog: the XML declaration names encoding 'X-NO-SUCH-CHARSET', which cannot be read");
    }

    @Test
    void refusesUtf16DeclaredForBytesThatAreNot() {
        // given
        byte[] bytes = notification("UTF-16").getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> parse(bytes)).isInstanceOf(BankFileException.class)
                .hasMessage("test.xml prolog: the XML declaration names encoding 'UTF-16', but the file has no byte order"
                        + " mark and its first bytes are not UTF-16");
    }
}
