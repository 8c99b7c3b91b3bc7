package se.clientfunds.bank.mt940;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.clientfunds.bank.AccountId;
import se.clientfunds.bank.BankBalance;
import se.clientfunds.bank.BankEntry;
import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankFileValidation;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.bank.BankRecord;
import se.clientfunds.bank.BankSection;
import se.clientfunds.bank.BankTransaction;
import se.clientfunds.bank.Counterparty;
import se.clientfunds.bank.Direction;
import se.clientfunds.money.Money;

class Mt940ParserTest {

    @Test
    void readsAStatementInsideSwiftBlocks() {
        // when
        List<BankRecord> records = parse("swift_blocks.sta");

        // then
        assertThat(records).hasSize(6);
        BankSection opened = ((BankRecord.SectionOpened) records.get(0)).section();
        assertThat(opened.id()).isEqualTo("366/1");
        assertThat(opened.sequenceNumber()).isEqualTo(366L);
        assertThat(opened.account()).isEqualTo(AccountId.iban("SE4550000000058398257466"));
        assertThat(opened.currency().getCurrencyCode()).isEqualTo("SEK");
        assertThat(opened.location()).isEqualTo("statement 366/1 (line 2)");
        assertThat(opened.balances()).containsExactly(
                new BankBalance("OPBD", Money.ofMinor(100000, "SEK"), LocalDate.of(2026, 12, 31)));

        BankEntry credit = entry(records.get(1));
        assertThat(credit.location()).isEqualTo("line 6");
        assertThat(credit.direction()).isEqualTo(Direction.CREDIT);
        assertThat(credit.amount()).isEqualTo(Money.ofMinor(25000, "SEK"));
        assertThat(credit.valueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(credit.bookingDate()).as("MMDD 0102 after value date 31 Dec is next year").isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(credit.accountServicerReference()).isEqualTo("BANKREF1");
        assertThat(credit.bankTransactionCode()).isEqualTo("NTRF");
        assertThat(credit.status()).isEqualTo("BOOK");
        assertThat(credit.transactions()).containsExactly(new BankTransaction("line 6", Direction.CREDIT,
                Money.ofMinor(25000, "SEK"), "BANKREF1", "E2E-1",
                new Counterparty("Anna Andersson", "SE4550000000058398257466", null), List.of(), "Invoice 12345"));

        BankEntry debit = entry(records.get(2));
        assertThat(debit.amount()).isEqualTo(Money.ofMinor(10050, "SEK"));
        assertThat(debit.direction()).isEqualTo(Direction.DEBIT);
        assertThat(debit.bookingDate()).as("no entry date: booked on the value date").isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(debit.transactions()).containsExactly(new BankTransaction("line 9", Direction.DEBIT,
                Money.ofMinor(10050, "SEK"), "BANKREF2", "E2E-2",
                new Counterparty("Bo Berg", "DE89370400440532013000", null), List.of(), "Rent January"));

        BankEntry reversedCredit = entry(records.get(3));
        assertThat(reversedCredit.direction()).as("RC takes a credit back out").isEqualTo(Direction.DEBIT);
        assertThat(reversedCredit.signedAmount()).isEqualTo(Money.ofMinor(-5000, "SEK"));
        assertThat(reversedCredit.transactions().get(0).remittanceText())
                .isEqualTo("TAKEN BACK: CREDIT OF 2 JANUARY SENT IN ERROR");
        BankEntry reversedDebit = entry(records.get(4));
        assertThat(reversedDebit.direction()).as("RD brings a debit back in").isEqualTo(Direction.CREDIT);
        assertThat(reversedDebit.transactions().get(0).counterparty()).isEqualTo(Counterparty.UNKNOWN);

        BankSection closed = ((BankRecord.SectionClosed) records.get(5)).section();
        assertThat(closed.balances()).containsExactly(
                new BankBalance("OPBD", Money.ofMinor(100000, "SEK"), LocalDate.of(2026, 12, 31)),
                new BankBalance("CLBD", Money.ofMinor(111950, "SEK"), LocalDate.of(2027, 1, 2)),
                new BankBalance("CLAV", Money.ofMinor(111950, "SEK"), LocalDate.of(2027, 1, 2)),
                new BankBalance("FWAV", Money.ofMinor(111950, "SEK"), LocalDate.of(2027, 1, 3)),
                new BankBalance("FWAV", Money.ofMinor(111950, "SEK"), LocalDate.of(2027, 1, 4)));
    }

    @Test
    void aStatementThatAddsUpIsValid() {
        // when
        BankFileVerdict verdict = validate("swift_blocks.sta");

        // then
        assertThat(verdict.valid()).as(verdict.summary()).isTrue();
        assertThat(verdict.summary()).isEqualTo("swift_blocks.sta: valid MT940, 1 section, 4 entries");
        assertThat(verdict.credits()).containsEntry("SEK", Money.ofMinor(27000, "SEK"));
        assertThat(verdict.debits()).containsEntry("SEK", Money.ofMinor(15050, "SEK"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated.sta                  | truncated.sta line 6: the file ends inside the statement :20: 'STMT20270102' (line 1) before its closing balance :62F:: the file is truncated
            amount_with_dot.sta            | amount_with_dot.sta line 5: :61: '270102C12.50NTRFNONREF//BANKREF1': amount '12.50' is not up to 15 digits with a decimal comma
            amount_with_letters.sta        | amount_with_letters.sta line 5: :61: '270102Cabc,00NTRFNONREF//BANKREF1': amount 'abc,00' is not up to 15 digits with a decimal comma
            opening_amount_with_dot.sta    | opening_amount_with_dot.sta line 4: :60F: 'C261231SEK1000.00': amount '1000.00' is not up to 15 digits with a decimal comma
            bad_value_date.sta             | bad_value_date.sta line 5: :61: '271302C250,00NTRFNONREF//BANKREF1': date '271302' is not a date
            bad_closing_date.sta           | bad_closing_date.sta line 5: :62F: 'C270230SEK1000,00': date '270230' is not a date
            line_before_opening.sta        | line_before_opening.sta line 4: :61: '270102C250,00NTRFNONREF//BANKREF1' comes after :28C: in the statement at line 1 where the opening balance :60F: or :60M: must come
            currency_mismatch.sta          | currency_mismatch.sta line 6: :62F: 'C270102USD1250,00' currency USD differs from the statement currency SEK of :60F: 'C261231SEK1000,00' (line 4)
            currency_in_25_mismatch.sta    | currency_in_25_mismatch.sta line 4: :60F: 'C261231SEK1000,00' currency SEK differs from EUR in :25: 'SE4550000000058398257466EUR' (line 2)
            tag_out_of_order.sta           | tag_out_of_order.sta line 2: :28C: '366/1' comes after :20: in the statement at line 1 where :21: or :25: must come
            separator_before_closing.sta   | separator_before_closing.sta line 6: '-' ends the statement :20: 'STMT20270102' (line 1) before its closing balance :62F:
            mixed_encodings.sta            | mixed_encodings.sta line 6: is not UTF-8 though line 1 was: the file mixes encodings
            """)
    void brokenFilesAreRefusedNamingLineTagAndValue(String file, String message) {
        // when / then
        assertThatThrownBy(() -> validate(file)).isInstanceOf(BankFileException.class).hasMessage(message);
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsIso88591() {
        // when
        List<BankRecord> records = parse("latin1.sta");

        // then
        BankTransaction transaction = entry(records.get(1)).transactions().get(0);
        assertThat(transaction.counterparty().name()).isEqualTo("Jörg Müller");
        assertThat(transaction.remittanceText()).isEqualTo("Müller Grüße");
        assertThat(((BankRecord.SectionClosed) records.get(2)).section().balance("CLBD").orElseThrow().amount())
                .isEqualTo(Money.ofMinor(12700, "EUR"));
    }

    @Test
    void fieldReaderReportsTheEncodingItChose() throws IOException {
        // given
        try (Mt940FieldReader latin1 = new Mt940FieldReader(resource("latin1.sta"), "latin1.sta");
             Mt940FieldReader ascii = new Mt940FieldReader(resource("truncated.sta"), "truncated.sta")) {

            // when
            Mt940Field reference = latin1.next();
            while (ascii.next() != null) {
                // read to the end
            }

            // then
            assertThat(reference).isEqualTo(new Mt940Field("20", "STAR1ÜTUMS", 1));
            assertThat(latin1.encoding()).isEqualTo("ISO-8859-1");
            assertThat(ascii.encoding()).isNull();
        }
    }

    @Test
    void aByteOrderMarkIsSkippedAndMakesTheFileUtf8() throws IOException {
        // given
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = ":20:X\n:25:1\n:28C:1\n:60F:C270102EUR0,\n:62F:C270102EUR0,\n".getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(text, 0, file, bom.length, text.length);

        // when
        try (Mt940FieldReader reader = new Mt940FieldReader(new ByteArrayInputStream(file), "bom.sta")) {
            // then
            assertThat(reader.next()).isEqualTo(new Mt940Field("20", "X", 1));
            assertThat(reader.encoding()).isEqualTo("UTF-8");
        }
    }

    @Test
    void aLargeFileStreamsThroughWithoutBeingHeld() {
        // given: 200,000 entries generated on the fly, never as one string
        int entries = 200_000;
        InputStream generated = new GeneratedStatement(entries);

        // when
        BankFileVerdict verdict;
        try (Mt940Parser parser = Mt940Parser.open(generated, "large.sta")) {
            verdict = BankFileValidation.validate("large.sta", parser);
        }

        // then
        assertThat(verdict.valid()).as(verdict.summary()).isTrue();
        assertThat(verdict.entries()).isEqualTo(entries);
        assertThat(verdict.credits()).containsEntry("EUR", Money.ofMinor(125L * entries, "EUR"));
    }

    @Test
    void anEmptyFileParsesToNothingAndIsInvalid() {
        // given
        InputStream empty = new ByteArrayInputStream("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        // when
        BankFileVerdict verdict;
        try (Mt940Parser parser = Mt940Parser.open(empty, "empty.sta")) {
            verdict = BankFileValidation.validate("empty.sta", parser);
        }

        // then
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.summary()).isEqualTo("empty.sta: 1 problem; first: file: holds no statement, notification or deposit");
    }

    @Test
    void severalSwiftMessagesWithIntermediateBalancesAreOneSectionEach() {
        // given
        String file = """
                {1:F01BANKDEFFAXXX0000000000}{2:O940}{4:
                :20:PAGE1
                :25:DE89370400440532013000
                :28C:7/1
                :60F:D270102EUR10,00
                :61:270102C15,00NTRFNONREF//A1
                :62M:C270102EUR5,00
                -}
                {1:F01BANKDEFFAXXX0000000000}{2:O940}{4:
                :20:PAGE2
                :25:DE89370400440532013000
                :28C:7/2
                :60M:C270102EUR5,00
                :61:270102D5,00NTRFNONREF//A2
                :62F:C270102EUR0,00
                -}{5:{CHK:0}}
                """;

        // when
        List<BankRecord> records = new ArrayList<>();
        try (Mt940Parser parser = Mt940Parser.open(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                "pages.sta")) {
            for (BankRecord record = parser.next(); record != null; record = parser.next()) {
                records.add(record);
            }
        }

        // then
        assertThat(records).extracting(record -> record.getClass().getSimpleName()).containsExactly(
                "SectionOpened", "Entry", "SectionClosed", "SectionOpened", "Entry", "SectionClosed");
        BankSection first = ((BankRecord.SectionClosed) records.get(2)).section();
        assertThat(first.id()).isEqualTo("7/1");
        assertThat(first.balance("OPBD").orElseThrow().amount()).as("D is overdrawn").isEqualTo(Money.ofMinor(-1000, "EUR"));
        assertThat(first.balance("CLBD").orElseThrow().amount()).isEqualTo(Money.ofMinor(500, "EUR"));
        BankSection second = ((BankRecord.SectionClosed) records.get(5)).section();
        assertThat(second.id()).isEqualTo("7/2");
        assertThat(second.sequenceNumber()).isEqualTo(7L);
        assertThat(second.account()).isEqualTo(AccountId.iban("DE89370400440532013000"));
    }

    @Test
    void anAccountWithItsCurrencyAfterItIsSplit() {
        // given
        String file = ":20:X\n:25:1291.99.348EUR\n:28:1\n:60F:C270102EUR1,00\n:62F:C270102EUR1,00\n";

        // when
        BankSection section;
        try (Mt940Parser parser = Mt940Parser.open(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                "x.sta")) {
            section = ((BankRecord.SectionOpened) parser.next()).section();
        }

        // then
        assertThat(section.account()).isEqualTo(new AccountId(AccountId.Scheme.OTHER, "1291.99.348"));
        assertThat(section.currency().getCurrencyCode()).isEqualTo("EUR");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            261231 | 0102 | 2027-01-02
            270102 | 1231 | 2026-12-31
            270615 | 0614 | 2027-06-14
            240301 | 0229 | 2024-02-29
            """)
    void entryDateTakesTheYearNearestTheValueDate(String valueDate, String entryDate, LocalDate expected) {
        // when / then
        assertThat(Mt940Values.entryDate(entryDate, Mt940Values.date(valueDate))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            380115,12        | 38011512
            380115,1         | 38011510
            380115,          | 38011500
            00,12            | 12
            0000000001000,89 | 100089
            500              | 50000
            1,500            | 150
            12,3400          | 1234
            """)
    void amountsUseADecimalComma(String text, long minorUnits) {
        // when / then
        assertThat(Mt940Values.amount(text, Currency.getInstance("EUR"))).isEqualTo(Money.ofMinor(minorUnits, "EUR"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            12.50     | amount '12.50' is not up to 15 digits with a decimal comma
            abc       | amount 'abc' is not up to 15 digits with a decimal comma
            -5,00     | amount '-5,00' is not up to 15 digits with a decimal comma
            1,2,3     | amount '1,2,3' is not up to 15 digits with a decimal comma
            ,50       | amount ',50' is not up to 15 digits with a decimal comma
            1,234     | amount '1,234' has more than 2 decimals for EUR
            1234567890123456 | amount '1234567890123456' is not up to 15 digits with a decimal comma
            """)
    void amountsThatAreNotSwiftAreRefused(String text, String message) {
        // when / then
        assertThatThrownBy(() -> Mt940Values.amount(text, Currency.getInstance("EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private static BankEntry entry(BankRecord record) {
        return ((BankRecord.Entry) record).entry();
    }

    private static List<BankRecord> parse(String file) {
        List<BankRecord> records = new ArrayList<>();
        try (Mt940Parser parser = Mt940Parser.open(resource(file), file)) {
            for (BankRecord record = parser.next(); record != null; record = parser.next()) {
                records.add(record);
            }
        }
        return records;
    }

    private static BankFileVerdict validate(String file) {
        try (Mt940Parser parser = Mt940Parser.open(resource(file), file)) {
            return BankFileValidation.validate(file, parser);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = Mt940ParserTest.class.getResourceAsStream(file);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no test resource " + file));
        }
        return in;
    }

    /** One statement of n credits of 1.25 EUR, written as it is read. */
    private static final class GeneratedStatement extends InputStream {

        private final int entries;
        private int next = -1;
        private byte[] chunk = new byte[0];
        private int at;

        GeneratedStatement(int entries) {
            this.entries = entries;
        }

        @Override
        public int read() {
            while (at == chunk.length) {
                if (next > entries) {
                    return -1;
                }
                chunk = text(next++).getBytes(StandardCharsets.US_ASCII);
                at = 0;
            }
            return chunk[at++];
        }

        private String text(int index) {
            if (index < 0) {
                return ":20:LARGE\r\n:25:NL91ABNA0417164300\r\n:28C:1/1\r\n:60F:C270102EUR0,00\r\n";
            }
            if (index == entries) {
                return ":62F:C270102EUR" + (125L * entries / 100) + "," + String.format("%02d", 125L * entries % 100)
                        + "\r\n-\r\n";
            }
            return ":61:2701020102C1,25NTRFNONREF//REF" + index + "\r\n:86:/EREF/E2E" + index + "/REMI/payment " + index
                    + "\r\n";
        }
    }
}
