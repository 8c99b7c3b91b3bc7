package se.clientfunds.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real-world variants of MT940 and BGMax files banks send, and formats we do not read, each a file written by hand
 * from the formats' specifications under {@code conformance/}: what the import makes of each (the format it is
 * recognised as, whether it is read and with which warnings, or the one-line reason it is refused).
 */
class BankFileConformanceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mt940/abn-download-header.sta    | MT940 valid, 1 entry
            mt940/ing-download-header.sta    | MT940 valid, 1 entry
            mt940/control-characters.sta     | MT940 valid, 2 entries
            mt940/entry-date-spaces.sta      | MT940 valid, 1 entry
            mt940/national-field-ns.sta      | MT940 valid, 1 entry; warning line 7: :NS: is a bank's own field, not SWIFT's; it and every other :NS: of the file are not read
            mt940/february-30.sta            | MT940 valid, 1 entry; warning line 5: value date '210230' is not a day of its month (a 30-day-month convention); read as 2021-02-28
            mt940/tag-like-line-in-86.sta    | MT940 valid, 1 entry
            mt940/statement-number-split.sta | MT940 valid, 1 entry; warning line 3: :28C: '00001/\\n001' is split across lines; read as '00001/001'
            mt940/english-preamble.sta       | MT940 valid, 1 entry; warning line 1: 2 lines of text before the first statement are not MT940 and not read
            mt940/reversal-rd.sta            | MT940 valid, 1 entry; warning line 5: reversal (mark RC/RD) of 500.00 SEK (R1) is never posted as a payment; on the statement it is a break until it is corrected
            mt940/same-statement-twice.sta   | MT940 refused: same-statement-twice.sta line 9: statement 5/1 of account SE4550000000058398257466 is in the file twice (the first at line 1): a statement number names one statement
            bgmax/utf8-byte-order-mark.txt   | BGMAX refused: utf8-byte-order-mark.txt line 1: starts with EF BB BF, UTF-8's byte order mark: the file was saved as UTF-8, BGMax is ISO-8859-1 (a copy an editor saved; its letters may have changed): import the file as Bankgirot sent it
            bgmax/no-line-breaks.txt         | BGMAX refused: no-line-breaks.txt line 1: TK01 record is 400 characters long, BGMax records are 80; position 81 starts another record: the file has lost its line breaks (one record a line)
            bgmax/blank-bgc-serial.txt       | BGMAX refused: blank-bgc-serial.txt line 3: TK20 field BGC serial number (positions 58-69) is blank: it is the payment's bank reference, by which it is posted once and only once, so a payment without one cannot be imported (payment channel 1); ask Bankgirot for the deposit with its serial numbers, or book the payment by hand
            bgmax/padded-past-80.txt         | BGMAX refused: padded-past-80.txt line 3: TK20 record is 83 characters long, BGMax records are 80; it is padded with blanks past position 80
            unsupported/camt052.xml          | not read: camt.052 (an account report (intraday)) is not supported: the import reads camt.053, camt.054, BGMax and MT940
            unsupported/pain002.xml          | not read: pain.002 (a payment status report) is not supported: the import reads camt.053, camt.054, BGMax and MT940
            unsupported/camt055.xml          | not read: camt.055 (a customer payment cancellation request) is not supported: the import reads camt.053, camt.054, BGMax and MT940
            unsupported/mt942.sta            | not read: an MT942 (interim transaction report) is not supported: the import reads camt.053, camt.054, BGMax and MT940
            unsupported/bankgirot-lb.txt     | not read: a Bankgirot LB file (Leverantörsbetalningar) is not supported: the import reads camt.053, camt.054, BGMax and MT940
            unsupported/autogiro.txt         | not read: a Bankgirot Autogiro file is not supported: the import reads camt.053, camt.054, BGMax and MT940
            """)
    void eachVariantIsReadOrRefusedAsDocumented(String name, String expected) throws Exception {
        assertThat(outcome(fixture(name))).isEqualTo(expected);
    }

    @Test
    void theVariantsCarryTheMoneyAndDatesAsWritten() throws Exception {
        // framed by SOH/ETX with a DOS end-of-file byte and trailing spaces: both statements, every field intact
        assertThat(entries("mt940/control-characters.sta")).containsExactly(
                "2020-01-02 CREDIT 250.00 SEK B1-1 Invoice 4711 paid by Kalles Plat AB",
                "2020-01-02 CREDIT 250.00 SEK B2-1 Invoice 4711 paid by Kalles Plat AB");
        // the entry date left as four spaces: booked on the value date
        assertThat(entries("mt940/entry-date-spaces.sta")).containsExactly("2020-01-01 DEBIT 65.00 SEK S1 Card fee");
        // a line of the :86: that looks like a tag stays in the text
        assertThat(entries("mt940/tag-like-line-in-86.sta")).containsExactly(
                "2020-01-02 CREDIT 100.00 SEK T1 Payment for order 77 :00:00/12 as agreed");
        // 30 February: value date the month's last day, the entry date as written
        assertThat(entries("mt940/february-30.sta")).containsExactly("2021-02-26 CREDIT 0.50 EUR Z1 Zinsen");
        // the :NS: field's lines are not read into the :86:
        assertThat(entries("mt940/national-field-ns.sta")).containsExactly("2020-01-02 CREDIT 2500.00 HUF H1 Befizetes szamla 4711");
    }

    @Test
    void xmlInUtf16WithAByteOrderMarkIsRecognised(@TempDir Path folder) throws Exception {
        String camt = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\">"
                + "<BkToCstmrDbtCdtNtfctn/></Document>\n";
        Path bigEndian = folder.resolve("be.xml");
        Path littleEndian = folder.resolve("le.xml");
        java.nio.file.Files.write(bigEndian, ("\uFEFF" + camt).getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
        java.nio.file.Files.write(littleEndian, ("\uFEFF" + camt).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        assertThat(BankFileParsers.detect(bigEndian)).contains(BankFileFormat.CAMT_054);
        assertThat(BankFileParsers.detect(littleEndian)).contains(BankFileFormat.CAMT_054);
        for (String utf32 : List.of("UTF-32BE", "UTF-32LE")) {
            Path file = folder.resolve(utf32 + ".xml");
            java.nio.file.Files.write(file, ("\uFEFF" + camt).getBytes(java.nio.charset.Charset.forName(utf32)));
            assertThat(BankFileParsers.detect(file)).as(utf32).contains(BankFileFormat.CAMT_054);
        }
    }

    private static java.util.List<String> entries(String name) throws Exception {
        java.util.List<String> entries = new java.util.ArrayList<>();
        try (BankFileParser parser = BankFileParsers.open(fixture(name), BankFileFormat.MT940, false)) {
            for (BankRecord record = parser.next(); record != null; record = parser.next()) {
                if (record instanceof BankRecord.Entry entry) {
                    BankEntry e = entry.entry();
                    entries.add(e.bookingDate() + " " + e.direction() + " " + e.amount() + " " + e.accountServicerReference()
                            + " " + e.transactions().get(0).remittanceText().replace('\n', ' '));
                }
            }
        }
        return entries;
    }

    /** The format found, then the verdict with its warnings, or the reason the file is not read or refused. */
    static String outcome(Path file) {
        Optional<BankFileFormat> format = BankFileParsers.detect(file);
        if (format.isEmpty()) {
            assertThat(BankFileParsers.isBankFile(file)).as("routed to the bank-file import").isTrue();
            return "not read: " + BankFileParsers.notReadReason(file);
        }
        try (BankFileParser parser = BankFileParsers.open(file, format.get(), false)) {
            BankFileVerdict verdict = BankFileValidation.validate(file.getFileName().toString(), parser);
            if (!verdict.valid()) {
                return format.get() + " invalid: " + verdict.problems().get(0);
            }
            return format.get() + " valid, " + verdict.entries() + (verdict.entries() == 1 ? " entry" : " entries")
                    + verdict.warnings().stream().map(warning -> "; warning " + warning).collect(Collectors.joining());
        } catch (BankFileException e) {
            return format.get() + " refused: " + e.getMessage();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(BankFileConformanceTest.class.getResource("/conformance/" + name).toURI());
    }
}
