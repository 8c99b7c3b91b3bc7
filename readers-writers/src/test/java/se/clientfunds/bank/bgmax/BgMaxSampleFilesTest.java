package se.clientfunds.bank.bgmax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.clientfunds.bank.AccountId;
import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankFileValidation;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.bank.BankRecord;
import se.clientfunds.bank.BankSection;
import se.clientfunds.bank.BankTransaction;
import se.clientfunds.bank.Counterparty;
import se.clientfunds.bank.Direction;
import se.clientfunds.money.Money;

/** Conformance: every public sample in {@code shared/samples/bgmax}, values checked by hand against the records. */
class BgMaxSampleFilesTest {

    private static final LocalDate PAYMENT_DATE = LocalDate.of(2004, 5, 25);

    static List<BankRecord> readAll(BgMaxParser parser) throws IOException {
        try (parser) {
            List<BankRecord> records = new ArrayList<>();
            for (BankRecord record = parser.next(); record != null; record = parser.next()) {
                records.add(record);
            }
            return records;
        }
    }

    static List<BankEntry> entries(List<BankRecord> records) {
        return records.stream().filter(BankRecord.Entry.class::isInstance)
                .map(record -> ((BankRecord.Entry) record).entry()).toList();
    }

    static List<BankSection> closedSections(List<BankRecord> records) {
        return records.stream().filter(BankRecord.SectionClosed.class::isInstance)
                .map(record -> ((BankRecord.SectionClosed) record).section()).toList();
    }

    @Test
    void bgMaxFil4HasFourDepositsOfNinePaymentsWithTheirReferences() throws IOException {
        // given
        BgMaxParser parser = BgMaxParser.open(BgMaxSamples.sample("BgMaxfil4.txt"));

        // when
        assertThat(parser.format()).isEqualTo(BankFileFormat.BGMAX);
        assertThat(parser.version()).isEqualTo("BGMAX 01");
        assertThat(parser.writtenAt()).isEqualTo(LocalDateTime.of(2004, 5, 25, 17, 30, 35, 10_331_000));
        assertThat(parser.testFile()).isFalse();
        List<BankRecord> records = readAll(parser);

        // then: the file's shape, opened / entries / closed per deposit
        assertThat(records).extracting(record -> record.getClass().getSimpleName()).containsExactly(
                "SectionOpened", "Entry", "Entry", "SectionClosed",
                "SectionOpened", "Entry", "SectionClosed",
                "SectionOpened", "Entry", "Entry", "Entry", "Entry", "SectionClosed",
                "SectionOpened", "Entry", "Entry", "SectionClosed");
        BankSection opened = ((BankRecord.SectionOpened) records.get(0)).section();
        assertThat(opened.account()).isEqualTo(AccountId.bankgiro("9912346"));
        assertThat(opened.currency().getCurrencyCode()).isEqualTo("SEK");
        assertThat(opened.location()).isEqualTo("line 2 (TK05)");

        List<BankSection> deposits = closedSections(records);
        assertThat(deposits).extracting(BankSection::id).containsExactly("00056", "00057", "00058", "00059");
        assertThat(deposits).extracting(BankSection::sequenceNumber).containsExactly(56L, 57L, 58L, 59L);
        assertThat(deposits).extracting(BankSection::declaredEntryCount).containsExactly(2L, 1L, 4L, 2L);
        assertThat(deposits).extracting(BankSection::declaredNet).containsExactly(Money.ofMinor(370_000, "SEK"),
                Money.ofMinor(200_000, "SEK"), Money.ofMinor(290_000, "SEK"), Money.ofMinor(400_000, "EUR"));
        assertThat(deposits).extracting(section -> section.currency().getCurrencyCode())
                .containsExactly("SEK", "SEK", "SEK", "EUR");
        assertThat(deposits).extracting(BankSection::location)
                .containsExactly("line 19 (TK15)", "line 28 (TK15)", "line 50 (TK15)", "line 66 (TK15)");
        assertThat(deposits).extracting(BankSection::account).containsOnly(AccountId.bankgiro("9912346"));

        List<BankEntry> payments = entries(records);
        assertThat(payments).hasSize(9);
        assertThat(payments).extracting(BankEntry::direction).containsOnly(Direction.CREDIT);
        assertThat(payments).extracting(BankEntry::bookingDate).containsOnly(PAYMENT_DATE);
        assertThat(payments).extracting(BankEntry::valueDate).containsOnly(PAYMENT_DATE);
        assertThat(payments).extracting(BankEntry::status).containsOnly("BOOK");
        assertThat(payments).extracting(entry -> entry.transactions().size()).containsOnly(1);
        assertThat(payments).extracting(BankEntry::amount).containsExactly(
                Money.ofMinor(180_000, "SEK"), Money.ofMinor(190_000, "SEK"),
                Money.ofMinor(200_000, "SEK"),
                Money.ofMinor(50_000, "SEK"), Money.ofMinor(50_000, "SEK"), Money.ofMinor(50_000, "SEK"),
                Money.ofMinor(140_000, "SEK"),
                Money.ofMinor(300_000, "EUR"), Money.ofMinor(100_000, "EUR"));
        assertThat(payments).extracting(BankEntry::accountServicerReference).containsExactly("000120000018",
                "000000000019", "000000000020", "000000000021", "000000000022", "000000000023", "000000000030",
                "000000000018", "000000000019");
        assertThat(payments).extracting(BankEntry::bankTransactionCode).containsExactly("TK20/R0/C2/I0",
                "TK20/R2/C1/I0", "TK20/R0/C3/I1", "TK20/R2/C1/I0", "TK20/R2/C1/I0", "TK20/R2/C3/I0",
                "TK20/R0/C3/I1", "TK20/R3/C2/I0", "TK20/R2/C1/I0");
        assertThat(payments).extracting(BankEntry::location).startsWith("line 3 (TK20)", "line 14 (TK20)");

        List<BankTransaction> transactions = payments.stream().map(entry -> entry.transactions().get(0)).toList();
        // reference code 0 on the TK20: the references are the four TK22 records, in file order
        assertThat(transactions.get(0).references()).containsExactly("665760", "665869", "665661", "657775");
        assertThat(transactions.get(0).remittanceText()).isEqualTo("Betalning med extra refnr 665869 657775 665661\n665760");
        assertThat(transactions.get(0).counterparty()).isEqualTo(new Counterparty("Kalles Plåt AB", "3783511", null));
        assertThat(transactions.get(0).accountServicerReference()).isEqualTo("000120000018");
        // reference code 2: a checked OCR on the TK20 itself
        assertThat(transactions.get(1).references()).containsExactly("524967");
        assertThat(transactions.get(1).counterparty()).isEqualTo(new Counterparty("Olles färg AB", "97012333", null));
        assertThat(transactions.get(1).remittanceText()).isNull();
        // TK22 with amounts: 1700 + 300 = 2000
        assertThat(transactions.get(2).references()).containsExactly("573964", "573865");
        assertThat(transactions.get(2).counterparty().name()).isEqualTo("Berits Garn");
        // no sender bankgiro (0000000000)
        assertThat(transactions.get(5).references()).containsExactly("535765");
        assertThat(transactions.get(5).counterparty()).isEqualTo(Counterparty.UNKNOWN);
        // 1000 + 500 + 400 (code 5, a reference Bankgirot refused) - 500 (TK23) = 1400
        assertThat(transactions.get(6).references()).containsExactly("7495575", "695668", "8988777", "-74450");
        assertThat(transactions.get(6).counterparty().name()).isEqualTo("Kalles Plåt AB");
        // reference code 3: what the payer wrote opens the text, the good references are the TK22s; in EUR
        assertThat(transactions.get(7).amount()).isEqualTo(Money.ofMinor(300_000, "EUR"));
        assertThat(transactions.get(7).references()).containsExactly("8012577", "8013575", "8014573");
        assertThat(transactions.get(7).remittanceText()).isEqualTo("8012577,8013575\nFaktura8014573");
        assertThat(transactions.get(8).references()).containsExactly("525766");
        assertThat(transactions.get(8).amount()).isEqualTo(Money.ofMinor(100_000, "EUR"));
    }

    @Test
    void bgMaxFil4Validates() throws IOException {
        // given
        try (BgMaxParser parser = BgMaxParser.open(BgMaxSamples.sample("BgMaxfil4.txt"))) {

            // when
            BankFileVerdict verdict = BankFileValidation.validate("BgMaxfil4.txt", parser);

            // then
            assertThat(verdict.problems()).isEmpty();
            assertThat(verdict.valid()).isTrue();
            assertThat(verdict.sections()).hasSize(4);
            assertThat(verdict.entries()).isEqualTo(9);
            assertThat(verdict.credits()).isEqualTo(Map.of("SEK", Money.ofMinor(860_000, "SEK"),
                    "EUR", Money.ofMinor(400_000, "EUR")));
            assertThat(verdict.debits()).isEmpty();
            assertThat(verdict.summary()).isEqualTo("BgMaxfil4.txt: valid BGMAX 01, 4 sections, 9 entries");
        }
    }

    @Test
    void aStreamReadsAsTheFileDoesAndLeavesNoCopyBehind() throws IOException {
        // given
        Path file = BgMaxSamples.sample("BgMaxfil4.txt");
        List<BankRecord> fromFile = readAll(BgMaxParser.open(file));
        long spoolsBefore = spoolFiles();

        // when
        List<BankRecord> fromStream;
        try (InputStream in = Files.newInputStream(file)) {
            fromStream = readAll(BgMaxParser.open(in, "BgMaxfil4.txt"));
        }

        // then
        assertThat(fromStream).isEqualTo(fromFile);
        assertThat(spoolFiles()).isEqualTo(spoolsBefore);
    }

    private static long spoolFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(path -> path.getFileName().toString().startsWith("bgmax-")).count();
        }
    }

    @Test
    void brokenSampleIsRefusedAtItsFirstDamagedLine() {
        // given: an å saved as U+FFFD in UTF-8, three bytes where the record has room for one
        Path broken = BgMaxSamples.sample("BgMaxfil4_broken.txt");

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(broken)))
                .isInstanceOf(BankFileException.class)
                .hasMessageStartingWith("BgMaxfil4_broken.txt line 10: TK26 record is 82 characters long, BGMax records are 80")
                .hasMessageContaining("U+FFFD")
                .hasMessageContaining("ISO-8859-1");
    }

    @Test
    void brokenSampleWithItsLettersRepairedIsRefusedForItsTk70Counts() throws IOException {
        // given: the same file with each EF BF BD put back as one ISO-8859-1 byte, leaving what the sample's
        // authors broke on purpose: TK70 says 8 payments and 5 deposits
        byte[] bytes = Files.readAllBytes(BgMaxSamples.sample("BgMaxfil4_broken.txt"));
        byte[] repaired = replaceReplacementCharacters(bytes);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(new ByteArrayInputStream(repaired), "BgMaxfil4_broken.txt")))
                .isInstanceOf(BankFileException.class)
                .hasMessage("BgMaxfil4_broken.txt line 67: TK70 counts do not match the file: payment records (TK20) 8,"
                        + " the file holds 9; deposit records (TK15) 5, the file holds 4");
    }

    private static byte[] replaceReplacementCharacters(byte[] bytes) {
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i++) {
            if (i + 2 < bytes.length && bytes[i] == (byte) 0xEF && bytes[i + 1] == (byte) 0xBF && bytes[i + 2] == (byte) 0xBD) {
                out.write('?');
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    @Test
    void isolatedDepositIsRefusedForMissingItsStartRecord() {
        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(BgMaxSamples.sample("isolated_deposit.txt"))))
                .isInstanceOf(BankFileException.class)
                .hasMessage("isolated_deposit.txt line 1: TK05 comes first; a BGMax file starts with a TK01 start record");
    }

    @Test
    void isolatedPaymentIsRefusedForMissingItsStartRecord() {
        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(BgMaxSamples.sample("isolated_payment.txt"))))
                .isInstanceOf(BankFileException.class)
                .hasMessage("isolated_payment.txt line 1: TK20 comes first; a BGMax file starts with a TK01 start record");
    }

    @Test
    void minimalIsOneDepositOfOnePaymentWithAShortTk70() throws IOException {
        // given: its TK70 stops after the last count (34 characters), as real files do
        Path minimal = BgMaxSamples.sample("minimal.txt");

        // when
        List<BankRecord> records = readAll(BgMaxParser.open(minimal));
        BankFileVerdict verdict;
        try (BgMaxParser parser = BgMaxParser.open(minimal)) {
            verdict = BankFileValidation.validate("minimal.txt", parser);
        }

        // then
        assertThat(records).hasSize(3);
        BankEntry payment = entries(records).get(0);
        assertThat(payment.amount()).isEqualTo(Money.ofMinor(110_000, "SEK"));
        assertThat(payment.bookingDate()).isEqualTo(PAYMENT_DATE);
        assertThat(payment.accountServicerReference()).isEqualTo("000000000012");
        assertThat(payment.transactions().get(0).references()).containsExactly("650861");
        assertThat(payment.transactions().get(0).counterparty()).isEqualTo(new Counterparty(null, "97012333", null));
        BankSection deposit = closedSections(records).get(0);
        assertThat(deposit.id()).isEqualTo("00074");
        assertThat(deposit.declaredNet()).isEqualTo(Money.ofMinor(110_000, "SEK"));
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.entries()).isEqualTo(1);
    }
}
