package se.clientfunds.bank.bgmax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.clientfunds.bank.bgmax.BgMaxSampleFilesTest.entries;
import static se.clientfunds.bank.bgmax.BgMaxSampleFilesTest.readAll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankFileValidation;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.bank.BankRecord;
import se.clientfunds.bank.Direction;
import se.clientfunds.money.Money;

/** Files written here, each wrong in one way, refused with a message naming the line, the record and the value. */
class BgMaxBrokenInputTest {

    static final String START = "01BGMAX               0120040525173035010331P";
    static final String OPENING = "050009912346          SEK";
    static final String PAYMENT = "200097012333                   650861000000000000110000210000000000120";
    static final String DEPOSIT_END = "15000000000000000000058410000010098232004052500074000000000000110000SEK00000001";
    static final String END = "7000000001000000000000000000000001";

    @TempDir
    Path dir;

    private int files;

    /** Writes records as a bank would: ISO-8859-1, CRLF, padded to 80 characters. */
    private Path file(String... records) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String record : records) {
            text.append(record.length() < 80 ? record + " ".repeat(80 - record.length()) : record).append("\r\n");
        }
        // each file in its own folder: one test may write several, and messages name the file
        Path file = Files.createDirectories(dir.resolve(String.valueOf(++files))).resolve("bgmax.txt");
        Files.write(file, text.toString().getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    private static BankFileVerdict validate(Path file) throws IOException {
        try (BgMaxParser parser = BgMaxParser.open(file)) {
            return BankFileValidation.validate(file.getFileName().toString(), parser);
        }
    }

    @Test
    void theWellFormedBaseFileIsValid() throws IOException {
        // given
        Path file = file(START, OPENING, PAYMENT, DEPOSIT_END, END);

        // when
        BankFileVerdict verdict = validate(file);

        // then
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.entries()).isEqualTo(1);
    }

    @Test
    void truncatedFileWithoutTk70IsRefused() throws IOException {
        // given
        Path file = file(START, OPENING, PAYMENT, DEPOSIT_END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 4: the file ends without a TK70 end record: it is truncated");
    }

    @Test
    void fileCutInsideADepositIsRefused() throws IOException {
        // given
        Path file = file(START, OPENING, PAYMENT);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 3: the file ends without a TK70 end record, inside the deposit opened at"
                        + " line 2: it is truncated");
    }

    @Test
    void recordCutInsideItsFieldsIsRefused() throws IOException {
        // given: the TK20 stops in its amount
        Path file = dir.resolve("cut.txt");
        Files.writeString(file, START + "\r\n" + OPENING + "\r\n" + PAYMENT.substring(0, 50) + "\r\n",
                StandardCharsets.ISO_8859_1);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("cut.txt line 3: TK20 record is 50 characters long and stops inside its fields, which end"
                        + " at position 70 (BGMax records are 80)");
    }

    @Test
    void wrongTk70CountIsRefused() throws IOException {
        // given: TK70 says 2 payments and 1 extra reference
        Path file = file(START, OPENING, PAYMENT, DEPOSIT_END, "7000000002000000000000000100000001");

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 5: TK70 counts do not match the file: payment records (TK20) 2, the file"
                        + " holds 1; extra reference records (TK22, TK23) 1, the file holds 0");
    }

    @Test
    void wrongTk15AmountIsRefusedByValidation() throws IOException {
        // given: TK15 says 1200.00, the payment is 1100.00
        Path file = file(START, OPENING, PAYMENT,
                "15000000000000000000058410000010098232004052500074000000000000120000SEK00000001", END);

        // when
        BankFileVerdict verdict = validate(file);

        // then
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problems()).extracting(Object::toString)
                .containsExactly("line 4 (TK15): says the entries net 1200.00 SEK, they net 1100.00 SEK");
    }

    @Test
    void wrongTk15CountIsRefusedByValidation() throws IOException {
        // given: TK15 says 2 payments
        Path file = file(START, OPENING, PAYMENT,
                "15000000000000000000058410000010098232004052500074000000000000110000SEK00000002", END);

        // when
        BankFileVerdict verdict = validate(file);

        // then
        assertThat(verdict.problems()).extracting(Object::toString)
                .containsExactly("line 4 (TK15): says 2 entries, holds 1");
    }

    @Test
    void depositWithoutPaymentsClaimingAnAmountIsRefusedByValidation() throws IOException {
        // given: TK15 says 0 payments worth 1100.00
        Path file = file(START, OPENING,
                "15000000000000000000058410000010098232004052500074000000000000110000SEK00000000",
                "7000000000000000000000000000000001");

        // when
        BankFileVerdict verdict = validate(file);

        // then
        assertThat(verdict.problems()).extracting(Object::toString)
                .containsExactly("line 3 (TK15): says the entries net 1100.00 SEK, they net 0.00 SEK");
    }

    @Test
    void deductionsCountAgainstTheDepositAmount() throws IOException {
        // given: 1100.00 paid, 100.00 deducted (TK21, deduction code 0), TK15 says 1000.00 over 2 records
        Path file = file(START, OPENING, PAYMENT,
                "210097012333                   6508610000000000000100002100000000001300",
                "15000000000000000000058410000010098232004052500074000000000000100000SEK00000002",
                "7000000001000000010000000000000001");

        // when
        List<BankRecord> records = readAll(BgMaxParser.open(file));
        BankFileVerdict verdict = validate(file);

        // then
        BankEntry deduction = entries(records).get(1);
        assertThat(deduction.direction()).isEqualTo(Direction.DEBIT);
        assertThat(deduction.amount()).isEqualTo(Money.ofMinor(10_000, "SEK"));
        assertThat(deduction.bankTransactionCode()).isEqualTo("TK21/R2/C1/I0/D0");
        assertThat(deduction.transactions().get(0).direction()).isEqualTo(Direction.DEBIT);
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.debits()).containsEntry("SEK", Money.ofMinor(10_000, "SEK"));
    }

    @Test
    void deductionNotSubtractedByTheBankIsRefusedByValidation() throws IOException {
        // given: TK15 says 1200.00 = 1100.00 + 100.00, as if the deduction were a payment
        Path file = file(START, OPENING, PAYMENT,
                "210097012333                   6508610000000000000100002100000000001300",
                "15000000000000000000058410000010098232004052500074000000000000120000SEK00000002",
                "7000000001000000010000000000000001");

        // when
        BankFileVerdict verdict = validate(file);

        // then
        assertThat(verdict.problems()).extracting(Object::toString)
                .containsExactly("line 5 (TK15): says the entries net 1200.00 SEK, they net 1000.00 SEK");
    }

    @Test
    void unknownRecordTypeIsRefused() throws IOException {
        // given
        Path file = file(START, OPENING, "99SOMETHING ELSE", PAYMENT, DEPOSIT_END, END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessageStartingWith("bgmax.txt line 3: unknown record type '99' (TK99)");
    }

    @Test
    void nonNumericAmountIsRefused() throws IOException {
        // given
        Path file = file(START, OPENING, "200097012333                   65086100000000000011000X210000000000120",
                DEPOSIT_END, END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 3: TK20 field amount (positions 38-55) '00000000000011000X' is not numeric");
    }

    @Test
    void negativeAmountIsRefused() throws IOException {
        // given
        Path file = file(START, OPENING, "200097012333                   650861-00000000000110000210000000000120",
                DEPOSIT_END, END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 3: TK20 field amount (positions 38-55) '-00000000000110000' is not numeric");
    }

    @Test
    void nonNumericPaymentDateIsRefused() throws IOException {
        // given
        Path file = file(START, OPENING, PAYMENT,
                "150000000000000000000584100000100982320040X2500074000000000000110000SEK00000001", END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 4: TK15 field payment date (positions 38-45) '20040X25' is not numeric");
    }

    @Test
    void impossiblePaymentDateIsRefused() throws IOException {
        // given
        Path file = file(START, OPENING, PAYMENT,
                "15000000000000000000058410000010098232004023100074000000000000110000SEK00000001", END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 4: TK15 field payment date (positions 38-45) '20040231' is not a date (YYYYMMDD)");
    }

    @Test
    void testFileIsRefusedUnlessAllowed() throws IOException {
        // given
        Path file = file("01BGMAX               0120040525173035010331T", OPENING, PAYMENT, DEPOSIT_END, END);

        // when / then
        assertThatThrownBy(() -> BgMaxParser.open(file)).isInstanceOf(BankFileException.class)
                .hasMessageStartingWith("bgmax.txt line 1: TK01 test mark (position 45) is 'T': a Bankgirot test file");
        try (BgMaxParser parser = BgMaxParser.open(file, BgMaxParser.Options.acceptingTestFiles())) {
            assertThat(parser.testFile()).isTrue();
            assertThat(BankFileValidation.validate("bgmax.txt", parser).valid()).isTrue();
        }
    }

    @Test
    void unknownTestMarkIsRefused() throws IOException {
        // given
        Path file = file("01BGMAX               0120040525173035010331X", OPENING, PAYMENT, DEPOSIT_END, END);

        // when / then
        assertThatThrownBy(() -> BgMaxParser.open(file)).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 1: TK01 field test mark (position 45) 'X' is not one of T, P");
    }

    @Test
    void anotherLayoutIsRefused() throws IOException {
        // given
        Path file = file("01BGMIN               0120040525173035010331P", OPENING, PAYMENT, DEPOSIT_END, END);

        // when / then
        assertThatThrownBy(() -> BgMaxParser.open(file)).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 1: TK01 field layout name (positions 3-22) 'BGMIN' is not BGMAX");
    }

    @Test
    void paymentBeforeItsDepositIsRefused() throws IOException {
        // given
        Path file = file(START, PAYMENT, OPENING, DEPOSIT_END, END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 2: TK20 comes outside a deposit: no TK05 opening record before it");
    }

    @Test
    void extraReferenceBeforeAnyPaymentIsRefused() throws IOException {
        // given
        Path file = file(START, OPENING, "220097012333                   650861000000000000000000210000000000120",
                PAYMENT, DEPOSIT_END, END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 3: TK22 comes before any TK20 payment or TK21 deduction of the deposit"
                        + " opened at line 2");
    }

    @Test
    void depositWithoutItsTk15IsRefused() throws IOException {
        // given
        Path file = file(START, OPENING, PAYMENT, OPENING, PAYMENT, DEPOSIT_END, "7000000002000000000000000000000001");

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 4: TK05 opens a deposit while the one opened at line 2 has no TK15");
    }

    @Test
    void secondStartRecordIsRefused() throws IOException {
        // given
        Path file = file(START, START, OPENING, PAYMENT, DEPOSIT_END, END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 2: TK01 appears again; the TK01 start record is line 1 only");
    }

    @Test
    void recordAfterTk70IsRefused() throws IOException {
        // given
        Path file = file(START, OPENING, PAYMENT, DEPOSIT_END, END, OPENING);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 6: '050009912346        ...' follows the TK70 end record at line 5");
    }

    @Test
    void depositCurrencyChangingAtTk15IsRefused() throws IOException {
        // given
        Path file = file(START, OPENING, PAYMENT,
                "15000000000000000000058410000010098232004052500074000000000000110000EUR00000001", END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 4: TK15 field currency (positions 69-71) 'EUR' differs from SEK in the TK05"
                        + " at line 2");
    }

    @Test
    void currencyOtherThanSekOrEurIsRefused() throws IOException {
        // given
        Path file = file(START, "050009912346          NOK", PAYMENT, DEPOSIT_END, END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 2: TK05 field currency (positions 23-25) 'NOK' is not SEK or EUR");
    }

    @Test
    void unknownReferenceCodeIsRefused() throws IOException {
        // given
        Path file = file(START, OPENING, "200097012333                   650861000000000000110000910000000000120",
                DEPOSIT_END, END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 3: TK20 field reference code (position 56) '9' is not one of 0, 1, 2, 3, 4, 5");
    }

    @Test
    void longerRecordIsRefusedEvenWhenOnlyBlanksFollowPosition80() throws IOException {
        // given
        Path longer = file(START, OPENING, PAYMENT + " ".repeat(10) + "X", DEPOSIT_END, END);
        Path padded = file(START, OPENING, PAYMENT + " ".repeat(10) + " \t ", DEPOSIT_END, END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(longer))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 3: TK20 record is 81 characters long, BGMax records are 80");
        assertThatThrownBy(() -> readAll(BgMaxParser.open(padded))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 3: TK20 record is 83 characters long, BGMax records are 80; it is padded with"
                        + " blanks past position 80");
    }

    @Test
    void tabInFreeTextIsReadAsASpaceButRefusedInFixedFields() throws IOException {
        // given
        Path textWithTab = file(START, OPENING, PAYMENT, "25Faktura\t4711", "26Kalles\tPlåt AB", DEPOSIT_END, END);
        Path referenceWithTab = file(START, OPENING, "200097012333\t                  650861000000000000110000210000000000120",
                DEPOSIT_END, END);

        // when
        BankEntry entry = entries(readAll(BgMaxParser.open(textWithTab))).get(0);

        // then
        assertThat(entry.transactions().get(0).remittanceText()).isEqualTo("Faktura 4711");
        assertThat(entry.transactions().get(0).counterparty().name()).isEqualTo("Kalles Plåt AB");
        assertThatThrownBy(() -> readAll(BgMaxParser.open(referenceWithTab))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 3: TK20 record has a tab at position 13; a tab shifts the fixed positions of"
                        + " the fields after it");
    }

    @Test
    void blankLinesAreToleratedOnlyAfterTk70() throws IOException {
        // given
        Path trailing = file(START, OPENING, PAYMENT, DEPOSIT_END, END, "", "   ");
        Path inside = file(START, OPENING, "", PAYMENT, DEPOSIT_END, END);

        // when / then
        assertThat(entries(readAll(BgMaxParser.open(trailing)))).hasSize(1);
        assertThatThrownBy(() -> readAll(BgMaxParser.open(inside))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 3: is blank, and records follow it (line 4); BGMax has no blank records");
    }

    @Test
    void utf8FileIsRefusedEvenWhenItsLinesAreBlankPadded() throws IOException {
        // given: a payer name with å written as UTF-8 (two bytes) and padded to 80 characters
        Path file = dir.resolve("utf8.txt");
        String name = "26Kalles Plåt AB" + " ".repeat(64);
        Files.write(file, String.join("\r\n", START, OPENING, PAYMENT, name, DEPOSIT_END, END, "")
                .getBytes(StandardCharsets.UTF_8));

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("utf8.txt line 4: TK26 record is 81 characters long, BGMax records are 80; its bytes read as"
                        + " UTF-8 make 80 characters: the file is UTF-8, BGMax is ISO-8859-1");
    }

    @Test
    void secondNameForOnePaymentIsRefused() throws IOException {
        // given
        Path file = file(START, OPENING, PAYMENT, "26Kalles Plåt AB", "26Olles färg AB", DEPOSIT_END, END);

        // when / then
        assertThatThrownBy(() -> readAll(BgMaxParser.open(file))).isInstanceOf(BankFileException.class)
                .hasMessage("bgmax.txt line 5: TK26 is the second TK26 of the TK20 at line 3; a payment has at most one");
    }

    @Test
    void emptyFileAndOtherContentAreRefused() throws IOException {
        // given
        Path empty = dir.resolve("empty.txt");
        Files.write(empty, new byte[0]);
        Path binary = dir.resolve("binary.zip");
        byte[] bytes = new byte[100_000];
        bytes[0] = 'P';
        bytes[1] = 'K';
        Files.write(binary, bytes);

        // when / then
        assertThatThrownBy(() -> BgMaxParser.open(empty)).isInstanceOf(BankFileException.class)
                .hasMessage("empty.txt line 1: the file is empty; a BGMax file starts with a TK01");
        assertThatThrownBy(() -> BgMaxParser.open(binary)).isInstanceOf(BankFileException.class)
                .hasMessageStartingWith("binary.zip line 1: unknown record type 'PK'");
    }

    @Test
    void aLargeDepositStreamsThroughWithItsDateOnEveryPayment() throws IOException {
        // given: one deposit of 200,000 payments, each with a name and an extra reference
        int payments = 200_000;
        Path file = dir.resolve("large.txt");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            out.write(pad(START) + "\r\n" + pad(OPENING) + "\r\n");
            for (int i = 0; i < payments; i++) {
                out.write(pad(PAYMENT) + "\r\n");
                out.write(pad("220097012333                   650861000000000000110000210000000000120") + "\r\n");
                out.write(pad("26Betalare " + i) + "\r\n");
            }
            out.write(pad(String.format("150000000000000000000584100000100982320040525%05d%018d%s%08d", 74,
                    110_000L * payments, "SEK", payments)) + "\r\n");
            out.write(String.format("70%08d%08d%08d%08d", payments, 0, payments, 1) + "\r\n");
        }

        // when
        long count = 0;
        List<BankRecord> tail = new ArrayList<>();
        try (BgMaxParser parser = BgMaxParser.open(file)) {
            BankFileVerdict verdict = BankFileValidation.validate("large.txt", parser);
            assertThat(verdict.problems()).isEmpty();
            count = verdict.entries();
        }
        try (BgMaxParser parser = BgMaxParser.open(file)) {
            for (BankRecord record = parser.next(); record != null; record = parser.next()) {
                if (record instanceof BankRecord.Entry entry) {
                    assertThat(entry.entry().bookingDate()).isNotNull();
                }
                tail.add(record);
                if (tail.size() > 2) {
                    tail.remove(0);
                }
            }
        }

        // then
        assertThat(count).isEqualTo(payments);
        assertThat(((BankRecord.SectionClosed) tail.get(1)).section().declaredNet())
                .isEqualTo(Money.ofMinor(110_000L * payments, "SEK"));
    }

    private static String pad(String record) {
        return record + " ".repeat(80 - record.length());
    }
}
