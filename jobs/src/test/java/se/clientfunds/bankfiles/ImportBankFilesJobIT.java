package se.clientfunds.bankfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import se.clientfunds.calendar.SwedishBankingCalendar;
import se.clientfunds.camt.BankTransactionCode;
import se.clientfunds.camt.Camt054Writer;
import se.clientfunds.camt.CamtEntry;
import se.clientfunds.camt.Counterparty;
import se.clientfunds.camt.CreditDebit;
import se.clientfunds.camt.NotificationHeader;
import se.clientfunds.files.FileImports;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.ledger.LedgerAccount;
import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

@SpringBootTest(classes = JobsTestApplication.class)
class ImportBankFilesJobIT {

    private static final String ACCOUNT = "SE4550000000058398257466";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    FileImports imports;

    @Autowired
    Ledger ledger;

    @Autowired
    BusinessDays businessDays;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SettlementHome home;

    @TempDir
    Path dir;

    @BeforeEach
    void emptyDatabaseAndFolders() throws IOException {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.quarantine(), home.archive());
    }

    @AfterEach
    void dropFaultTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_fail_on_posting");
    }

    @Test
    void postsEveryPaymentOfANotificationAndNothingFromItsStatement() throws Exception {
        // given a generated day: its camt.054 and camt.053
        Path generated = generate(40);
        Path notification = generated.resolve(DemoDataGenerator.notificationFileName(DAY));
        Path statement = generated.resolve(DemoDataGenerator.statementFileName(DAY));
        long[] countAndSum = notificationTotals();

        // when
        ImportOutcome payments = imports.importFile(notification, DAY);
        ImportOutcome balances = imports.importFile(statement, DAY);

        // then every payment is received once, in minor units, and the statement posted nothing
        assertThat(payments.status()).as(payments.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(payments.kind()).isEqualTo("camt.054.001.08");
        assertThat(payments.rows()).isEqualTo(countAndSum[0]);
        assertThat(balances.status()).as(balances.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE event_type = 'PAYMENT_RECEIVED'", Long.class))
                .isEqualTo(countAndSum[0]);
        assertThat(ledger.debitBalance(LedgerAccount.bank(ACCOUNT), "SEK", DAY)).isEqualTo(Money.ofMinor(countAndSum[1], "SEK"));
        assertThat(ledger.balances(DAY)).containsEntry(new se.clientfunds.ledger.AccountInCurrency(LedgerAccount.UNALLOCATED, "SEK"), Money.ofMinor(countAndSum[1], "SEK"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_section WHERE format = 'CAMT_053' AND closing_minor IS NOT NULL",
                Long.class)).isEqualTo(1);
        assertThat(home.archive(DAY).resolve(notification.getFileName())).exists();
    }

    @Test
    void refusesTheSameFileTwiceAndPostsAPaymentThatAnotherFileBroughtOnlyOnce() throws Exception {
        // given
        Path first = notification("first.xml", entry("BK-1", 10_000), entry("BK-2", 20_000));
        Path again = dir.resolve("again.xml");
        Files.copy(first, again);
        Path overlapping = notification("overlapping.xml", entry("BK-3", 5_000), entry("BK-2", 20_000));
        assertThat(imports.importFile(first, DAY).status()).isEqualTo(ImportOutcome.Status.IMPORTED);

        // when
        ImportOutcome sameFile = imports.importFile(again, DAY);
        ImportOutcome samePayment = imports.importFile(overlapping, DAY);

        // then the copy is refused whole; the overlapping file posts its new payment and reports the duplicate
        assertThat(sameFile.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(sameFile.message()).contains("again.xml was already imported");
        assertThat(samePayment.status()).as(samePayment.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(samePayment.summary()).contains("1 duplicate payment not posted again",
                "bank reference 'BK-2' was already imported from first.xml");
        assertThat(jdbc.queryForObject("SELECT reason FROM imported_file WHERE file_name = 'overlapping.xml'", String.class))
                .contains("BK-2");
        assertThat(ledger.postedEntryCount()).isEqualTo(3);
        assertThat(ledger.debitBalance(LedgerAccount.bank(ACCOUNT), "SEK", DAY)).isEqualTo(Money.ofMinor(35_000, "SEK"));
    }

    @Test
    void postsAPaymentTheBankBookedOnAClosedDayOnTheBusinessDateAndSaysSo() throws Exception {
        // given our books closed the day the bank booked a payment on, whose notification arrives a day late
        businessDays.close(DAY);

        // when
        ImportOutcome outcome = imports.importFile(notification("late.xml", entry("BK-9", 100)), DAY.plusDays(1));

        // then the money enters the books on the business date, as a correction would, and the import says so
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(outcome.summary()).contains("1 payment booked by the bank on or before 2026-03-02, a closed business day:"
                + " posted on the business date instead");
        assertThat(jdbc.queryForObject("SELECT booking_date FROM journal_entry WHERE event_type = 'PAYMENT_RECEIVED'",
                java.sql.Date.class).toLocalDate()).isEqualTo(DAY.plusDays(1));
        assertThat(jdbc.queryForObject("SELECT booking_date FROM bank_transaction WHERE bank_reference = 'BK-9'",
                java.sql.Date.class).toLocalDate()).as("the bank's own date is kept").isEqualTo(DAY);
    }

    @Test
    void refusesAStatementTheBooksAlreadyHaveSentAgainWithOtherBytes() throws Exception {
        // given a day's statement imported, and the bank sending it again with another creation time
        Path statement = generate(5).resolve(DemoDataGenerator.statementFileName(DAY));
        String text = Files.readString(statement);
        assertThat(imports.importFile(statement, DAY).status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        int at = text.indexOf("<CreDtTm>") + "<CreDtTm>".length();
        Path again = dir.resolve("resent.xml");
        Files.writeString(again, text.substring(0, at) + "2026-03-03T06:00:00+01:00" + text.substring(text.indexOf('<', at)));

        // when
        ImportOutcome resent = imports.importFile(again, DAY);

        // then it is refused whole, naming the statement and the file that brought it first
        assertThat(resent.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(resent.message()).contains("the statement of " + ACCOUNT + " closing 2026-03-02 (sequence 1) was already"
                + " imported from " + DemoDataGenerator.statementFileName(DAY));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM imported_bank_section", Long.class)).isEqualTo(1);
    }

    @Test
    void refusesAPaymentTwiceInOneFile() throws Exception {
        // when
        ImportOutcome outcome = imports.importFile(notification("twice.xml", entry("BK-7", 100), entry("BK-7", 100)), DAY);

        // then
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(outcome.message()).contains("bank reference 'BK-7' appears 2 times in this file");
        assertThat(ledger.postedEntryCount()).isZero();
    }

    @Test
    void refusesAnAccountThatIsNotOursAndAnotherCurrency() throws Exception {
        // given
        Path foreign = notification("foreign.xml", Iban.of("SE", "50000000000000009999"), "SEK", entry("BK-1", 100));
        Path euros = notification("euros.xml", Iban.parse(ACCOUNT), "EUR", entryIn("BK-2", 100, "EUR"));

        // when
        ImportOutcome notOurs = imports.importFile(foreign, DAY);
        ImportOutcome wrongCurrency = imports.importFile(euros, DAY);

        // then
        assertThat(notOurs.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(notOurs.message()).contains("is not one of the configured client-funds accounts");
        assertThat(wrongCurrency.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(wrongCurrency.message()).contains("is kept in SEK, the file says EUR");
        assertThat(ledger.postedEntryCount()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_entry", Long.class)).isZero();
    }

    @Test
    void refusesAnXxeFileUnread() throws Exception {
        // given
        Path xxe = dir.resolve("xxe.xml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn>&secret;"
                + "</BkToCstmrDbtCdtNtfctn></Document>\n", StandardCharsets.UTF_8);

        // when
        ImportOutcome outcome = imports.importFile(xxe, DAY);

        // then
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(outcome.message()).containsIgnoringCase("DOCTYPE");
        assertThat(Files.readString(home.quarantine().resolve("xxe.xml.reason.txt"))).doesNotContain("root:");
        assertThat(ledger.postedEntryCount()).isZero();
    }

    @Test
    void anImportThatFailsWhilePostingRestartsAndPostsEachPaymentOnce() throws Exception {
        // given 30 payments posted in chunks of 5, and the ledger refusing the 17th once
        CamtEntry[] entries = new CamtEntry[30];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = entry("BK-" + (i + 1), 100L * (i + 1));
        }
        Path file = notification("many.xml", entries);
        jdbc.execute("CREATE TRIGGER test_fail_on_posting BEFORE INSERT ON journal_entry FOR EACH ROW"
                + " BEGIN IF NEW.reference = '" + ACCOUNT + "/BK-17' THEN SIGNAL SQLSTATE '45000'"
                + " SET MESSAGE_TEXT = 'ledger unavailable (test)'; END IF; END");

        // when
        ImportOutcome failed = imports.importFile(file, DAY);

        // then the chunks before it are posted, the file waits
        assertThat(failed.status()).isEqualTo(ImportOutcome.Status.FAILED);
        assertThat(failed.message()).contains("postPayments", "ledger unavailable (test)");
        assertThat(ledger.postedEntryCount()).isEqualTo(15);
        assertThat(file).exists();

        // when the cause is gone and the file is imported again
        jdbc.execute("DROP TRIGGER test_fail_on_posting");
        ImportOutcome restarted = imports.importFile(file, DAY);

        // then
        assertThat(restarted.status()).as(restarted.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(ledger.postedEntryCount()).isEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT reference) FROM journal_entry", Long.class)).isEqualTo(30);
        assertThat(ledger.debitBalance(LedgerAccount.bank(ACCOUNT), "SEK", DAY)).isEqualTo(Money.ofMinor(100L * 465, "SEK"));
    }

    @Test
    void importsABgMaxFileAndRefusesTheSamePaymentArrivingAgainAsCamt054() throws Exception {
        // given the public minimal BGMax sample (bankgiro 991-2346 is configured for the SEK account) and, as during
        // the migration from BGMax, a camt.054 that carries the same payment under its BGC serial number
        Path bgmax = dir.resolve("minimal.txt");
        Files.copy(TestFolders.samples().resolve("bgmax/minimal.txt"), bgmax);
        Path camt = notification("camt054-migrated.xml", entry("000000000012", 110_000));

        // when
        ImportOutcome fromBgMax = imports.importFile(bgmax, DAY);
        ImportOutcome fromCamt = imports.importFile(camt, DAY);

        // then
        assertThat(fromBgMax.status()).as(fromBgMax.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(fromBgMax.kind()).isEqualTo("BGMAX 01");
        assertThat(jdbc.queryForObject("SELECT bank_reference FROM imported_bank_transaction WHERE is_payment = 1", String.class))
                .isEqualTo("000000000012");
        assertThat(ledger.debitBalance(LedgerAccount.bank(ACCOUNT), "SEK", LocalDate.of(2004, 5, 25)))
                .isEqualTo(Money.ofMinor(110_000, "SEK"));
        assertThat(fromCamt.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(fromCamt.summary()).contains("1 duplicate payment not posted again",
                "bank reference '000000000012' was already imported from minimal.txt");
        assertThat(ledger.postedEntryCount()).isEqualTo(1);
    }

    @Test
    void aBrokenPublicBgMaxSampleIsRefusedNamingTheLine() throws Exception {
        // given
        Path broken = dir.resolve("BgMaxfil4_broken.txt");
        Files.copy(TestFolders.samples().resolve("bgmax/BgMaxfil4_broken.txt"), broken);

        // when
        ImportOutcome outcome = imports.importFile(broken, DAY);

        // then
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(outcome.message()).contains("BgMaxfil4_broken.txt", "line 10");
        assertThat(home.quarantine().resolve("BgMaxfil4_broken.txt.reason.txt")).exists();
        assertThat(ledger.postedEntryCount()).isZero();
    }

    @Test
    void anAccountWithoutNotificationsTakesItsPaymentsFromTheStatementsCredits() throws Exception {
        // given a generated statement of the account configured with payments-source: statement
        Path out = dir.resolve("statement-only");
        new DemoDataGenerator(new SwedishBankingCalendar()).generate(DemoDataSettings.of(out, 2, 1, 12, 5)
                .withStart(DAY).withAnomalyPerMille(0).withAccount(Iban.parse("SE5750000000000000007777")));
        Path statement = out.resolve(DemoDataGenerator.statementFileName(DAY));

        // when
        ImportOutcome outcome = imports.importFile(statement, DAY);

        // then its 12 credits are the payments received
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE event_type = 'PAYMENT_RECEIVED'", Long.class))
                .isEqualTo(12);
        assertThat(ledger.debitBalance(LedgerAccount.bank("SE5750000000000000007777"), "SEK", DAY).minorUnits())
                .isEqualTo(jdbc.queryForObject("SELECT closing_minor FROM imported_bank_section", Long.class));
    }

    @Test
    void aStagingThatFailsMidFileRestartsAndStagesAndPostsEachEntryOnce() throws Exception {
        // given 23 payments staged in chunks of 5, and the database refusing the 12th entry once
        CamtEntry[] entries = new CamtEntry[23];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = entry("ST-" + (i + 1), 1_000L + i);
        }
        Path file = notification("staging.xml", entries);
        jdbc.execute("CREATE TRIGGER test_fail_on_posting BEFORE INSERT ON bank_entry FOR EACH ROW"
                + " BEGIN IF NEW.entry_reference = 'ST-12' THEN SIGNAL SQLSTATE '45000'"
                + " SET MESSAGE_TEXT = 'disk full (test)'; END IF; END");
        ImportOutcome failed = imports.importFile(file, DAY);
        assertThat(failed.status()).isEqualTo(ImportOutcome.Status.FAILED);
        assertThat(failed.message()).contains("stageBankFile", "disk full (test)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_entry", Long.class)).isEqualTo(10);

        // when
        jdbc.execute("DROP TRIGGER test_fail_on_posting");
        ImportOutcome restarted = imports.importFile(file, DAY);

        // then
        assertThat(restarted.status()).as(restarted.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_entry", Long.class)).isEqualTo(23);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT entry_reference) FROM bank_entry", Long.class)).isEqualTo(23);
        assertThat(ledger.postedEntryCount()).isEqualTo(23);
        assertThat(ledger.debitBalance(LedgerAccount.bank(ACCOUNT), "SEK", DAY)).isEqualTo(Money.ofMinor(23_000L + 253, "SEK"));
    }

    private Path generate(int payments) {
        Path out = dir.resolve("generated");
        new DemoDataGenerator(new SwedishBankingCalendar()).generate(DemoDataSettings.of(out, 3, 1, payments, 11)
                .withStart(DAY).withAnomalyPerMille(0));
        return out;
    }

    /** Count and sum of the generated day's notification, from the truth file's control totals. */
    private long[] notificationTotals() {
        JsonNode day = new ObjectMapper().readTree(dir.resolve("generated").resolve(DemoDataGenerator.TRUTH_FILE).toFile())
                .get("days").get(0).get("camt054");
        return new long[] {day.get("count").asLong(), new BigDecimal(day.get("sum").asText()).movePointRight(2).longValueExact()};
    }

    private Path notification(String name, CamtEntry... entries) throws IOException {
        return notification(name, Iban.parse(ACCOUNT), "SEK", entries);
    }

    private Path notification(String name, Iban account, String currency, CamtEntry... entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
             Camt054Writer writer = new Camt054Writer(out, new NotificationHeader("MSG-" + name,
                     OffsetDateTime.of(2026, 3, 2, 18, 0, 0, 0, ZoneOffset.ofHours(1)), "NTF-" + name, account,
                     java.util.Currency.getInstance(currency), null))) {
            for (CamtEntry entry : entries) {
                writer.write(entry);
            }
        }
        return file;
    }

    private static CamtEntry entry(String reference, long minor) {
        return entryIn(reference, minor, "SEK");
    }

    private static CamtEntry entryIn(String reference, long minor, String currency) {
        return new CamtEntry(Money.ofMinor(minor, currency), CreditDebit.CRDT, DAY, DAY, reference, "E2E-" + reference,
                BankTransactionCode.RECEIVED_CREDIT_TRANSFER, new Counterparty("Payer AB", "SE", null), "7350");
    }
}
