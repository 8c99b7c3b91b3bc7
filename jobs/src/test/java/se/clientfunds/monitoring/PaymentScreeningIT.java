package se.clientfunds.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.allocation.AllocationQueries;
import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayJobs;
import se.clientfunds.files.FileImports;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.jobs.JobName;
import se.clientfunds.operations.Actor;
import se.clientfunds.outcome.InputError;
import se.clientfunds.sanctions.EuSanctionsListWriter;
import se.clientfunds.sanctions.SanctionsList;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

/**
 * Screening before allocation, on a generated day: a payer who is an exact hit is held in UNALLOCATED and never
 * allocated; a payer whose name is a variant raises an alert and is allocated; a restart writes nothing twice.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class PaymentScreeningIT {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 2);

    @Autowired
    DayJobs dayJobs;

    @Autowired
    FileImports imports;

    @Autowired
    AllocationQueries allocationQueries;

    @Autowired
    Alerts alerts;

    @Autowired
    Filings filings;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path generated;

    String sanctioned;
    String variantOf;

    @BeforeEach
    void generateOneDayAndAListNamingTwoOfItsPayers() throws Exception {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox(), home.filings());
        new DemoDataGenerator(calendar).generate(DemoDataSettings.of(generated, 8, 1, 40, 5L));
        importInputs();
        List<String> payers = jdbc.queryForList("SELECT DISTINCT counterparty_name FROM bank_transaction WHERE is_payment = 1"
                + " AND counterparty_name LIKE '% %' ORDER BY counterparty_name", String.class);
        sanctioned = payers.get(0);
        variantOf = payers.get(payers.size() - 1);
        // one letter doubled in the surname: a typo, not the same name
        String[] parts = variantOf.split(" ");
        String surname = parts[parts.length - 1];
        String typo = variantOf.substring(0, variantOf.length() - surname.length()) + surname.charAt(0) + surname.charAt(1)
                + surname.substring(1);
        Path list = generated.resolve("eu-list.xml");
        EuSanctionsListWriter.write(new SanctionsList(OffsetDateTime.parse("2026-01-01T20:00:00+01:00"), "1", List.of(
                entity("8001", "EU.8001.01", sanctioned.toUpperCase()),
                entity("8002", "EU.8002.01", typo))), list);
        assertThat(imports.importFile(list, DAY).status()).isEqualTo(ImportOutcome.Status.IMPORTED);
    }

    @AfterEach
    void dropFaultTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_fail_alert");
    }

    @Test
    void anExactHitIsHeldAndAVariantIsAnAlertThatIsStillAllocated() {
        // when
        DayJobOutcome outcome = dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY);
        // then
        assertThat(outcome.status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        long heldPayments = payments(sanctioned);
        assertThat(heldPayments).isPositive();
        assertThat(jdbc.queryForList("SELECT CONCAT(severity, ' ', subject) FROM aml_alert WHERE rule = 'SANCTIONS_MATCH'"
                + " GROUP BY severity, subject ORDER BY severity, subject", String.class))
                .containsExactly("HIGH " + sanctioned, "MEDIUM " + variantOf);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aml_alert WHERE subject = ?", Long.class, sanctioned))
                .isEqualTo(heldPayments);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_hold WHERE released_on IS NULL", Long.class))
                .isEqualTo(heldPayments);
        // held: not allocated, its money still in UNALLOCATED, listed with its reason
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_allocation p JOIN payment_hold h"
                + " ON h.account_iban = p.account_iban AND h.bank_reference = p.bank_reference", Long.class)).isZero();
        assertThat(allocationQueries.unallocated().stream().filter(payment -> payment.reason().startsWith("SANCTIONS_HOLD: payer \""
                + sanctioned + "\" is an exact hit on EU.8001.01")).count()).isEqualTo(heldPayments);
        // the variant: an alert that explains itself, and the payments allocated as usual
        String explanation = jdbc.queryForObject("SELECT explanation FROM aml_alert WHERE subject = ? LIMIT 1", String.class,
                variantOf);
        assertThat(explanation).startsWith("payer \"" + variantOf + "\": score 0.9").contains("of EU.8002.01 (entity 8002)")
                .contains("eu-list.xml");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_allocation p JOIN aml_alert_payment a"
                + " ON a.account_iban = p.account_iban AND a.bank_reference = p.bank_reference JOIN aml_alert l ON l.id = a.alert_id"
                + " WHERE l.subject = ?", Long.class, variantOf)).isEqualTo(payments(variantOf));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_allocation", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE is_payment = 1 AND direction = 'C'",
                        Long.class) - heldPayments);
    }

    @Test
    void screeningFailedMidwayAndRestartedEndsWithTheSameAlertsAndHolds() {
        // given an uninterrupted run's alerts and holds
        assertThat(dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY).status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        List<String> uninterrupted = alertsAndHolds();
        // given the same day again, and a database that fails when the variant's alert is written
        DatabaseReset.emptyAllTables(jdbc);
        generatedAgain();
        jdbc.execute("CREATE TRIGGER test_fail_alert BEFORE INSERT ON aml_alert FOR EACH ROW"
                + " BEGIN IF NEW.severity = 'MEDIUM' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'connection lost (test)';"
                + " END IF; END");
        // when
        DayJobOutcome failed = dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY);
        jdbc.execute("DROP TRIGGER test_fail_alert");
        DayJobOutcome restarted = dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY);
        // then
        assertThat(failed.status()).isEqualTo(DayJobOutcome.Status.FAILED);
        assertThat(failed.summary()).isEqualTo("step screenPayments: connection lost (test)");
        assertThat(restarted.status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        assertThat(restarted.jobExecutionId()).isNotEqualTo(failed.jobExecutionId());
        assertThat(alertsAndHolds()).isEqualTo(uninterrupted);
    }

    @Test
    void aHeldPaymentReleasedByTwoPeopleIsAllocatedByTheNextAllocation() {
        // given the day allocated with the sanctioned payer's payments held
        assertThat(dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY).status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        long alert = jdbc.queryForObject("SELECT MIN(alert_id) FROM payment_hold", Long.class);
        String held = jdbc.queryForObject("SELECT bank_reference FROM payment_hold WHERE alert_id = ?", String.class, alert);
        // when one analyst proposes the release (logged in), tries to release it herself, someone tries on the command line,
        // and a second analyst releases it
        Actor karin = new Actor("api", "COMPLIANCE");
        Alerts.Release proposed = Actor.as(karin, () -> alerts.releaseHold(alert, "karin",
                "the listed person was born in 1961, the payer in 1990"));
        assertThatThrownBy(() -> Actor.as(karin, () -> alerts.releaseHold(alert, "KARIN ", "sure"))).isInstanceOf(InputError.class)
                .hasMessage("alert " + alert + ": KARIN proposed this release; a second person releases it (four eyes)");
        assertThatThrownBy(() -> alerts.releaseHold(alert, "per", "agreed")).isInstanceOf(InputError.class)
                .hasMessageContaining("not on the command line, where anyone can give any name");
        Alerts.Release released = Actor.as(new Actor("console", "COMPLIANCE"), () -> alerts.releaseHold(alert, "per", "agreed"));
        LocalDate next = LocalDate.of(2026, 1, 5);
        DayJobOutcome nextDay = dayJobs.run(JobName.ALLOCATE_PAYMENTS, next);
        // then
        assertThat(proposed.released()).isFalse();
        assertThat(released.released()).isTrue();
        assertThat(released.alert().held()).isFalse();
        assertThat(nextDay.status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT allocated_on FROM payment_allocation WHERE bank_reference = ?", LocalDate.class, held))
                .isEqualTo(next);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_hold WHERE alert_id = ? AND released_by = 'karin'"
                + " AND approved_by = 'per'", Long.class, alert)).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM payment_hold"
                + " WHERE alert_id = ?", Long.class, alert));
        // and it is screened no more: not held again
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aml_alert WHERE business_date = ?", Long.class, next)).isZero();
    }

    @Test
    void anEscalatedHitIsFiledAsAGoamlReportThatValidatesAgainstTheFiusSchema() throws Exception {
        // given the day screened, the sanctioned payer's alert escalated
        assertThat(dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY).status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        long alert = jdbc.queryForObject("SELECT MIN(alert_id) FROM payment_hold", Long.class);
        long variant = jdbc.queryForObject("SELECT MIN(id) FROM aml_alert WHERE severity = 'MEDIUM'", Long.class);
        assertThatThrownBy(() -> filings.file(alert, "karin", "exact hit")).isInstanceOf(InputError.class)
                .hasMessage("alert " + alert + " is NEW: only an ESCALATED alert is filed (settle alerts escalate " + alert
                        + " --reason TEXT first)");
        alerts.escalate(alert, "karin", "exact hit on a listed person, payments from a Swedish account");
        // when
        Filings.Filing filing = filings.file(alert, "karin", "sanctioned payer, payments held");
        // then
        assertThat(filing.file()).isEqualTo(home.filings().resolve("2026-01-02").resolve("goaml-STR-" + alert + ".xml"));
        String xml = Files.readString(filing.file());
        assertThat(xml).contains("<rentity_id>4711</rentity_id>", "<report_code>STR</report_code>",
                "<entity_reference>alert-" + alert + "</entity_reference>", "<name>" + sanctioned.replace("&", "&amp;") + "</name>",
                "Escalated by karin: exact hit on a listed person", "<swift>TESTSESS</swift>");
        assertThat(Files.readAllLines(filing.file()).stream().filter(line -> line.contains("<transactionnumber>")).count())
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM aml_alert_payment WHERE alert_id = ?", Long.class, alert));
        assertThat(alerts.get(alert).status()).isEqualTo(Alerts.Status.FILED);
        assertThat(filing.sha256()).isEqualTo(se.clientfunds.files.Sha256.of(filing.file()));
        // filed once: a second request finds it FILED
        assertThatThrownBy(() -> filings.file(alert, "karin", "again")).isInstanceOf(InputError.class)
                .hasMessageStartingWith("alert " + alert + " is FILED");
        // and the general audit trail names the alert, not the payer, and keeps the analyst's words out
        assertThat(jdbc.queryForList("SELECT CONCAT_WS('|', action, subject, reason) FROM operator_action WHERE action LIKE 'ALERT%'"
                + " ORDER BY id", String.class)).containsExactly(
                        "ALERT_ESCALATE|alert " + alert + "|recorded in the alert's history (READ_ALERTS)",
                        "ALERT_FILE|alert " + alert + "|recorded in the alert's history (READ_ALERTS)");
        assertThat(variant).isNotEqualTo(alert);
    }

    private void generatedAgain() {
        try {
            TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox());
            importInputs();
            assertThat(imports.importFile(generated.resolve("eu-list.xml"), DAY).status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> alertsAndHolds() {
        List<String> rows = new java.util.ArrayList<>(jdbc.queryForList("SELECT CONCAT_WS('|', rule, severity, subject,"
                + " evidence_key, amount_minor, currency, REGEXP_REPLACE(explanation, 'import [0-9]+', 'import N'), status)"
                + " FROM aml_alert ORDER BY evidence_key", String.class));
        rows.addAll(jdbc.queryForList("SELECT CONCAT_WS('|', h.account_iban, h.bank_reference, h.amount_minor, h.held_on,"
                + " a.evidence_key) FROM payment_hold h JOIN aml_alert a ON a.id = h.alert_id ORDER BY h.bank_reference", String.class));
        return rows;
    }

    private long payments(String payer) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE is_payment = 1 AND counterparty_name = ?",
                Long.class, payer);
    }

    private static SanctionsList.Entity entity(String id, String reference, String name) {
        return new SanctionsList.Entity(id, reference, SanctionsList.SubjectType.PERSON,
                List.of(new SanctionsList.NameAlias(name, "", true)), List.of(), List.of(), List.of());
    }

    private void importInputs() throws Exception {
        for (String name : List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE,
                DemoDataGenerator.notificationFileName(DAY))) {
            Path file = Files.copy(generated.resolve(name), home.inbox().resolve(name), StandardCopyOption.REPLACE_EXISTING);
            assertThat(imports.importFile(file, DAY).status()).as(name).isEqualTo(ImportOutcome.Status.IMPORTED);
        }
    }
}
