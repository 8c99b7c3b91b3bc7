package se.clientfunds.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.camt.BankTransactionCode;
import se.clientfunds.camt.Camt054Writer;
import se.clientfunds.camt.CamtEntry;
import se.clientfunds.camt.Counterparty;
import se.clientfunds.camt.CreditDebit;
import se.clientfunds.camt.EntryTotals;
import se.clientfunds.camt.NotificationHeader;
import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayJobs;
import se.clientfunds.files.FileImports;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.jobs.JobName;
import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

/**
 * The AML rules over real imported camt.054 payments of three banking days, with the test configuration's rules
 * (LARGE_PAYMENT at 150,000.00 SEK; STRUCTURING from 135,000.00 to under 150,000.00 SEK, three within five banking days;
 * ROUND_AMOUNT from 60,000.00 SEK in tens of thousands; none of these payments pays an invoice).
 */
@SpringBootTest(classes = JobsTestApplication.class)
class MonitorJobIT {

    private static final Iban ACCOUNT = Iban.of("SE", "50000000058398257466");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);

    @Autowired
    DayJobs dayJobs;

    @Autowired
    FileImports imports;

    @Autowired
    SettlementHome home;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void threeDaysOfPayments() throws Exception {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox());
        notification(MONDAY, payment(MONDAY, "M1", 15_000_000, "Stora Betalaren AB"),
                payment(MONDAY, "M2", 14_999_999, "Nästan Stor"), payment(MONDAY, "M3", 14_000_000, "Sven Struktur"));
        // (another Sven Struktur, paying from another account: another payer)
        notification(TUESDAY, payment(TUESDAY, "T1", 14_500_000, "Sven Struktur"),
                payment(TUESDAY, "T2", 13_499_999, "Olle Utanför"), payment(TUESDAY, "T3", 14_200_000, "Sven Struktur",
                        Iban.of("SE", "12300000000000000002")));
        notification(WEDNESDAY, payment(WEDNESDAY, "W1", 13_900_000, "Sven Struktur"),
                payment(WEDNESDAY, "W2", 2_000, "Liten Betalare"), payment(WEDNESDAY, "W3", 25_000_000, "Rund Summa"),
                payment(WEDNESDAY, "W4", 25_000_100, "Nästan Rund"));
    }

    @AfterEach
    void dropFaultTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_fail_alert");
    }

    @Test
    void eachRuleRaisesExactlyItsAlertsOnTheDayThePatternIsComplete() {
        // when
        for (LocalDate day : List.of(MONDAY, TUESDAY, WEDNESDAY)) {
            assertThat(dayJobs.run(JobName.MONITOR, day).status()).as(day.toString()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        }
        // then
        assertThat(alerts()).containsExactly(
                "2026-03-02|LARGE_PAYMENT|HIGH|Stora Betalaren AB|SE4550000000058398257466/M1|15000000|SEK",
                "2026-03-02|ROUND_AMOUNT|LOW|Stora Betalaren AB|SE4550000000058398257466/M1|15000000|SEK",
                "2026-03-02|ROUND_AMOUNT|LOW|Sven Struktur|SE4550000000058398257466/M3|14000000|SEK",
                "2026-03-04|LARGE_PAYMENT|HIGH|Nästan Rund|SE4550000000058398257466/W4|25000100|SEK",
                "2026-03-04|LARGE_PAYMENT|HIGH|Rund Summa|SE4550000000058398257466/W3|25000000|SEK",
                "2026-03-04|ROUND_AMOUNT|LOW|Rund Summa|SE4550000000058398257466/W3|25000000|SEK",
                "2026-03-04|STRUCTURING|HIGH|Sven Struktur|SE4550000000058398257466/M3 SE4550000000058398257466/T1"
                        + " SE4550000000058398257466/W1|42400000|SEK");
        assertThat(jdbc.queryForObject("SELECT explanation FROM aml_alert WHERE rule = 'STRUCTURING'", String.class))
                .isEqualTo("3 payments from Sven Struktur within 5 banking days, each from 135000.00 SEK to under 150000.00 SEK,"
                        + " together 424000.00 SEK: 2026-03-02 140000.00 SEK, 2026-03-03 145000.00 SEK, 2026-03-04 139000.00 SEK"
                        + " (STRUCTURING in force from 2026-01-01)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aml_alert_payment", Integer.class)).isEqualTo(9);
    }

    @Test
    void monitoringFailedMidwayAndRestartedRaisesTheSameAlertsOnce() {
        // given Monday and Tuesday monitored, and a database that fails when Wednesday's pattern is written
        dayJobs.run(JobName.MONITOR, MONDAY);
        dayJobs.run(JobName.MONITOR, TUESDAY);
        jdbc.execute("CREATE TRIGGER test_fail_alert BEFORE INSERT ON aml_alert FOR EACH ROW BEGIN IF NEW.rule = 'STRUCTURING'"
                + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'connection lost (test)'; END IF; END");
        // when
        DayJobOutcome failed = dayJobs.run(JobName.MONITOR, WEDNESDAY);
        jdbc.execute("DROP TRIGGER test_fail_alert");
        DayJobOutcome restarted = dayJobs.run(JobName.MONITOR, WEDNESDAY);
        DayJobOutcome again = dayJobs.run(JobName.MONITOR, WEDNESDAY);
        // then
        assertThat(failed.status()).isEqualTo(DayJobOutcome.Status.FAILED);
        assertThat(failed.summary()).isEqualTo("step structuring: connection lost (test)");
        assertThat(restarted.status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        assertThat(again.status()).isEqualTo(DayJobOutcome.Status.DONE_BEFORE);
        assertThat(alerts()).hasSize(7).last().asString().startsWith("2026-03-04|STRUCTURING|HIGH|Sven Struktur|");
    }

    @Test
    void aDebtorOfAHighRiskCountryIsCheckedAgainstTheListTheUserKeeps() throws Exception {
        // given W3 and W4 allocated on Wednesday to client CL1's invoices (500,001.00 SEK on a day after two days of
        // nothing), and Wednesday's small payment W2 allocated by hand on Thursday to an invoice of a debtor in North Korea
        dayJobs.run(JobName.MONITOR, MONDAY);
        dayJobs.run(JobName.MONITOR, TUESDAY);
        LocalDate thursday = WEDNESDAY.plusDays(1);
        jdbc.update("INSERT INTO business_day (business_date, status) VALUES (?, 'CLOSED'), (?, 'CLOSED'), (?, 'CLOSED'),"
                + " (?, 'OPEN')", MONDAY, TUESDAY, WEDNESDAY, thursday);
        jdbc.update("INSERT INTO imported_file (file_name, kind, sha256, size_bytes, status, business_date)"
                + " VALUES ('invoices.csv', 'INVOICES', REPEAT('a', 64), 1, 'IMPORTED', ?)", MONDAY);
        long invoices = jdbc.queryForObject("SELECT MAX(id) FROM imported_file", Long.class);
        jdbc.update("INSERT INTO invoice (invoice_id, import_id, line_no, client_id, ocr, currency, amount_minor, issue_date,"
                + " due_date, debtor_name, debtor_id, debtor_country) VALUES ('INV-1', ?, 2, 'CL2', '18', 'SEK', 2000, ?, ?,"
                + " 'Kim Testsson', 'DB-KP', 'KP'), ('INV-2', ?, 3, 'CL1', '26', 'SEK', 50000100, ?, ?, 'Rund Summa', 'DB-R', 'SE')",
                invoices, MONDAY, WEDNESDAY, invoices, MONDAY, WEDNESDAY);
        jdbc.update("INSERT INTO invoice_allocation (account_iban, bank_reference, allocation_no, invoice_id, client_id,"
                + " debtor_country, currency, amount_minor, fee_minor, allocated_on)"
                + " VALUES (?, 'W2', 1, 'INV-1', 'CL2', 'KP', 'SEK', 2000, 0, ?),"
                + " (?, 'W3', 1, 'INV-2', 'CL1', 'SE', 'SEK', 25000000, 0, ?), (?, 'W4', 1, 'INV-2', 'CL1', 'SE', 'SEK', 25000100, 0, ?)",
                ACCOUNT.value(), thursday, ACCOUNT.value(), WEDNESDAY, ACCOUNT.value(), WEDNESDAY);
        Path countries = home.root().resolve("reference/high-risk-countries.csv");
        Files.deleteIfExists(countries);
        try {
            // when Wednesday is monitored without a list, then the day says HIGH_RISK_COUNTRY was not checked
            DayJobOutcome unchecked = dayJobs.run(JobName.MONITOR, WEDNESDAY);
            assertThat(unchecked.status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
            assertThat(unchecked.summary()).endsWith("; HIGH_RISK_COUNTRY not checked: no list of high-risk countries at "
                    + countries);
            // and the client's spike is reported: more than 3 times a median of nothing, and over the floor
            assertThat(alerts()).filteredOn(alert -> alert.contains("VELOCITY")).containsExactly(
                    "2026-03-04|VELOCITY|MEDIUM|CL1|2026-03-04 SEK|50000100|SEK");
            // when Thursday is monitored with a list that is there but broken, then the step fails naming the line and field
            Files.createDirectories(countries.getParent());
            Files.writeString(countries, "country,listed-from,delisted-from\nKP,2016-09-31,\n");
            DayJobOutcome broken = dayJobs.run(JobName.MONITOR, thursday);
            assertThat(broken.status()).isEqualTo(DayJobOutcome.Status.FAILED);
            assertThat(broken.summary()).contains(countries + " line 2, field listed-from: '2016-09-31' is not a date yyyy-MM-dd");
            // when it is corrected and Thursday's job restarted, then the debtor is reported with the listing
            Files.writeString(countries, "country,listed-from,delisted-from\nKP,2016-09-23,\n");
            assertThat(dayJobs.run(JobName.MONITOR, thursday).status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        } finally {
            Files.deleteIfExists(countries);
        }
        assertThat(alerts()).filteredOn(alert -> alert.contains("HIGH_RISK_COUNTRY")).containsExactly(
                "2026-03-05|HIGH_RISK_COUNTRY|MEDIUM|Kim Testsson|SE4550000000058398257466/W2|2000|SEK");
        assertThat(alerts()).filteredOn(alert -> alert.contains("VELOCITY")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT explanation FROM aml_alert WHERE rule = 'HIGH_RISK_COUNTRY'", String.class))
                .isEqualTo("debtor Kim Testsson (DB-KP) of KP, on the list of high-risk countries from 2016-09-23"
                        + " (high-risk-countries.csv line 2), paid 20.00 SEK in 1 payment (HIGH_RISK_COUNTRY in force from 2026-01-01)");
    }

    private List<String> alerts() {
        return jdbc.queryForList("SELECT CONCAT_WS('|', business_date, rule, severity, subject, evidence_key, amount_minor, currency)"
                + " FROM aml_alert ORDER BY business_date, rule, subject", String.class);
    }

    private static CamtEntry payment(LocalDate day, String reference, long minor, String payer) {
        return payment(day, reference, minor, payer, Iban.of("SE", "12300000000000000001"));
    }

    private static CamtEntry payment(LocalDate day, String reference, long minor, String payer, Iban account) {
        return new CamtEntry(Money.ofMinor(minor, "SEK"), CreditDebit.CRDT, day, day, reference, "E2E-" + reference,
                BankTransactionCode.RECEIVED_CREDIT_TRANSFER, new Counterparty(payer, "SE", account), null);
    }

    private void notification(LocalDate day, CamtEntry... entries) throws Exception {
        List<CamtEntry> dated = List.of(entries);
        EntryTotals totals = EntryTotals.empty(Currency.getInstance("SEK"));
        for (CamtEntry entry : dated) {
            totals = totals.plus(entry);
        }
        Path file = dir.resolve("camt054-" + day + ".xml");
        try (OutputStream out = Files.newOutputStream(file);
             Camt054Writer writer = new Camt054Writer(out, new NotificationHeader("MSG-" + day, OffsetDateTime.of(day.atTime(18, 0),
                     ZoneOffset.ofHours(1)), "NTF-" + day, ACCOUNT, Currency.getInstance("SEK"), totals))) {
            dated.forEach(writer::write);
        }
        ImportOutcome outcome = imports.importFile(file, day);
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
    }
}
