package se.clientfunds.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.allocation.AllocationQueries;
import se.clientfunds.allocation.ManualAllocation;
import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayJobs;
import se.clientfunds.files.FileImports;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.jobs.JobName;
import se.clientfunds.outcome.InputError;
import se.clientfunds.sanctions.EuSanctionsListWriter;
import se.clientfunds.sanctions.SanctionsList;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

/**
 * A sanctions list that arrives after the day's payments were allocated: the day's monitoring screens every client,
 * every debtor and the recent payers against it once; a payer whose money is still all in UNALLOCATED is held, one
 * already allocated is an alert saying so; the next list raises only what is new.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class PartyScreeningIT {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 2);

    @Autowired
    DayJobs dayJobs;

    @Autowired
    FileImports imports;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AllocationQueries allocationQueries;

    @Autowired
    ManualAllocation manualAllocation;

    @TempDir
    Path generated;

    String client;
    String waitingPayer;
    String allocatedPayer;

    @BeforeEach
    void aDayAllocatedBeforeAnyListArrives() throws Exception {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox());
        new DemoDataGenerator(calendar).generate(DemoDataSettings.of(generated, 8, 1, 40, 5L));
        for (String name : List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE,
                DemoDataGenerator.notificationFileName(DAY))) {
            Path file = Files.copy(generated.resolve(name), home.inbox().resolve(name), StandardCopyOption.REPLACE_EXISTING);
            assertThat(imports.importFile(file, DAY).status()).as(name).isEqualTo(ImportOutcome.Status.IMPORTED);
        }
        assertThat(dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY).status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        client = jdbc.queryForObject("SELECT name FROM current_client ORDER BY client_id LIMIT 1", String.class);
        // a payer whose payment matched no invoice (its money all in UNALLOCATED), and one whose payment paid an invoice
        waitingPayer = jdbc.queryForObject("SELECT t.counterparty_name FROM payment_allocation p JOIN bank_transaction t"
                + " ON t.account_iban = p.account_iban AND t.bank_reference = p.bank_reference"
                + " WHERE p.unallocated_minor = p.amount_minor ORDER BY t.bank_reference LIMIT 1", String.class);
        allocatedPayer = jdbc.queryForObject("SELECT t.counterparty_name FROM payment_allocation p JOIN bank_transaction t"
                + " ON t.account_iban = p.account_iban AND t.bank_reference = p.bank_reference WHERE p.unallocated_minor = 0"
                + " AND t.counterparty_name NOT IN (?, ?) ORDER BY t.bank_reference LIMIT 1", String.class, waitingPayer, client);
    }

    @AfterEach
    void dropFaultTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_fail_alert");
    }

    @Test
    void aNewListScreensClientsDebtorsAndRecentPayersOnceAndHoldsWhatIsStillUnallocated() throws Exception {
        // given a list naming the client, the waiting payer and the allocated payer, and a database that fails the first
        // time a payer's match is written
        importList("2026-01-02T20:00:00+01:00", client, waitingPayer, allocatedPayer);
        jdbc.execute("CREATE TRIGGER test_fail_alert BEFORE INSERT ON aml_alert FOR EACH ROW BEGIN IF NEW.subject_kind = 'PAYER'"
                + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'connection lost (test)'; END IF; END");
        // when the day is monitored, fails, and is run again
        DayJobOutcome failed = dayJobs.run(JobName.MONITOR, DAY);
        jdbc.execute("DROP TRIGGER test_fail_alert");
        DayJobOutcome restarted = dayJobs.run(JobName.MONITOR, DAY);
        // then
        assertThat(failed.status()).isEqualTo(DayJobOutcome.Status.FAILED);
        assertThat(failed.summary()).isEqualTo("step screenParties: connection lost (test)");
        assertThat(restarted.status()).as(restarted.summary()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        // the client, once
        assertThat(matches("CLIENT")).containsExactly("HIGH|" + client);
        assertThat(jdbc.queryForObject("SELECT explanation FROM aml_alert WHERE subject_kind = 'CLIENT'", String.class))
                .startsWith("client \"" + client + "\" (CL").contains("exact hit on alias").contains("screened because list");
        // every debtor of those names, once each
        assertThat(matches("DEBTOR")).containsExactlyElementsOf(jdbc.queryForList("SELECT DISTINCT CONCAT('HIGH|', debtor_name)"
                + " FROM current_invoice WHERE debtor_name IN (?, ?, ?) ORDER BY 1", String.class, client, waitingPayer,
                allocatedPayer));
        // every payment of the payers, one alert each; held only where the money is all still in UNALLOCATED
        assertThat(matches("PAYER")).hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE is_payment = 1"
                + " AND counterparty_name IN (?, ?, ?)", Integer.class, client, waitingPayer, allocatedPayer));
        assertThat(jdbc.queryForList("SELECT h.bank_reference FROM payment_hold h ORDER BY 1", String.class)).isEqualTo(
                jdbc.queryForList("SELECT t.bank_reference FROM bank_transaction t JOIN payment_allocation p"
                        + " ON p.account_iban = t.account_iban AND p.bank_reference = t.bank_reference"
                        + " WHERE t.counterparty_name IN (?, ?, ?) AND p.unallocated_minor = p.amount_minor ORDER BY 1",
                        String.class, client, waitingPayer, allocatedPayer)).isNotEmpty();
        assertThat(jdbc.queryForObject("SELECT explanation FROM aml_alert a JOIN aml_alert_payment p ON p.alert_id = a.id"
                + " JOIN payment_allocation l ON l.account_iban = p.account_iban AND l.bank_reference = p.bank_reference"
                + " WHERE a.subject = ? AND l.unallocated_minor = 0 LIMIT 1", String.class, allocatedPayer))
                .endsWith("the payment was allocated before the list named its payer: not held, see where it went");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sanctions_rescreen", Integer.class)).isOne();

        // when the next day is monitored with the same list, and then a newer list naming one more debtor arrives
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM aml_alert", Integer.class);
        LocalDate next = calendar.nextBankingDay(DAY);
        assertThat(dayJobs.run(JobName.MONITOR, next).status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        int nextDay = jdbc.queryForObject("SELECT COUNT(*) FROM aml_alert", Integer.class);
        String another = jdbc.queryForObject("SELECT debtor_name FROM current_invoice WHERE debtor_name NOT IN (?, ?, ?)"
                + " ORDER BY debtor_id LIMIT 1", String.class, client, waitingPayer, allocatedPayer);
        importList("2026-01-05T20:00:00+01:00", client, waitingPayer, allocatedPayer, another);
        LocalDate third = calendar.nextBankingDay(next);
        assertThat(dayJobs.run(JobName.MONITOR, third).status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        // then the next day raised nothing (no new client or debtor), and the newer list only what it adds
        assertThat(nextDay).isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT DISTINCT subject FROM aml_alert WHERE business_date = ?", String.class, third))
                .containsExactly(another);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sanctions_rescreen", Integer.class)).isEqualTo(2);
        // a payment held after its allocation found no invoice: listed with its hold, and no one allocates it by hand
        String held = jdbc.queryForObject("SELECT CONCAT(account_iban, '/', bank_reference) FROM payment_hold ORDER BY 1 LIMIT 1",
                String.class);
        assertThat(allocationQueries.unallocated()).filteredOn(payment -> held.equals(payment.accountIban() + "/"
                + payment.bankReference())).singleElement().satisfies(payment -> assertThat(payment.reason())
                        .startsWith("SANCTIONS_HOLD: payer \"").contains("is an exact hit on EU.70"));
        String invoice = jdbc.queryForObject("SELECT invoice_id FROM invoice_status WHERE status = 'OPEN' LIMIT 1", String.class);
        // (while the list names the payer, that alone refuses it; with a newer list that does not, the hold still does)
        importList("2026-01-06T20:00:00+01:00", "Nomen Nescio");
        assertThatThrownBy(() -> manualAllocation.allocate(held, invoice, "anna", "the payer phoned")).isInstanceOf(InputError.class)
                .hasMessageStartingWith("payment " + held + " is held: SANCTIONS_HOLD: payer");
    }

    private List<String> matches(String kind) {
        return jdbc.queryForList("SELECT CONCAT(severity, '|', subject) FROM aml_alert WHERE rule = 'SANCTIONS_MATCH'"
                + " AND subject_kind = ? ORDER BY 1", String.class, kind);
    }

    private void importList(String generatedAt, String... names) throws Exception {
        List<SanctionsList.Entity> entities = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            entities.add(new SanctionsList.Entity("70" + i, "EU.70" + i + ".01", SanctionsList.SubjectType.PERSON,
                    List.of(new SanctionsList.NameAlias(names[i].toUpperCase(), "", true)), List.of(), List.of(), List.of()));
        }
        Path list = generated.resolve("eu-list-" + names.length + ".xml");
        EuSanctionsListWriter.write(new SanctionsList(OffsetDateTime.parse(generatedAt), "1", entities), list);
        ImportOutcome outcome = imports.importFile(list, DAY);
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(ImportOutcome.Status.IMPORTED);
    }
}
