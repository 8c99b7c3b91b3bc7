package se.clientfunds.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.day.DayReport;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated month with the monitoring patterns planted, run day by day with the test configuration's rules (the
 * demo's): every planted pattern raises exactly its alert, on its day, about its payer and payments, and nothing else
 * does; the sanctioned payer's payment stays held, never allocated to a client.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class MonitoringPatternsIT {

    private static final int DAYS = 20;

    @Autowired
    DailyCycle cycle;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MonitoringSettings monitoring;

    @TempDir
    Path generated;

    @BeforeEach
    void emptyBooks() throws Exception {
        GeneratedDays.emptyBooks(jdbc, home);
    }

    /** The other tests of this home run without a list of high-risk countries. */
    @AfterEach
    void removeTheCountries() throws Exception {
        Files.deleteIfExists(home.root().resolve(monitoring.highRiskCountries()));
    }

    @Test
    void everyPlantedPatternRaisesExactlyItsAlert() throws Exception {
        // given a month of generated days with the patterns, and the demo sanctions list arriving first
        DemoDataSettings settings = DemoDataSettings.of(generated, 8, DAYS, 12, 11L).withMonitoringPatterns();
        List<LocalDate> days = GeneratedDays.generate(calendar, settings);
        JsonNode truth = JsonMapper.builder().build().readTree(generated.resolve(DemoDataGenerator.TRUTH_FILE).toFile());
        // and the demo's list of high-risk countries where the settings look for it
        Path countries = home.root().resolve(monitoring.highRiskCountries());
        Files.createDirectories(countries.getParent());
        Files.copy(generated.resolve(DemoDataGenerator.HIGH_RISK_COUNTRIES_FILE), countries, StandardCopyOption.REPLACE_EXISTING);
        // when each day's files arrive and the day is run
        for (int day = 0; day < DAYS; day++) {
            List<String> arriving = new ArrayList<>(GeneratedDays.arriving(days.get(day), day == 0));
            if (day == 0) {
                arriving.add(0, DemoDataGenerator.SANCTIONS_FILE);
            }
            GeneratedDays.deliver(generated, home.inbox(), arriving);
            DayReport report = cycle.run(days.get(day));
            assertThat(report.failed()).as(report.toString()).isFalse();
            assertThat(report.closed()).as(report.toString()).isTrue();
        }
        // then the alerts are exactly those truth lists
        List<String> expected = new ArrayList<>();
        for (JsonNode planted : truth.get("monitoring")) {
            TreeSet<String> payments = new TreeSet<>();
            planted.get("payments").forEach(payment -> payments.add(payment.asString()));
            expected.add(planted.get("businessDate").asString() + " " + planted.get("rule").asString() + " "
                    + planted.get("subjectKind").asString() + " " + planted.get("subject").asString() + " "
                    + String.join(" ", payments));
        }
        List<String> raised = jdbc.queryForList("SELECT CONCAT(a.business_date, ' ', a.rule, ' ', a.subject_kind, ' ', a.subject,"
                + " ' ', COALESCE(GROUP_CONCAT(CONCAT(p.account_iban, '/', p.bank_reference) ORDER BY p.account_iban,"
                + " p.bank_reference SEPARATOR ' '), '')) FROM aml_alert a LEFT JOIN aml_alert_payment p ON p.alert_id = a.id"
                + " GROUP BY a.id", String.class);
        assertThat(raised).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).hasSize(9);
        // and the sanctioned payer's payment is held all month: in UNALLOCATED, paid to no client
        String held = truth.get("monitoring").get(1).get("payments").get(0).asString();
        String reference = held.substring(held.indexOf('/') + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_hold WHERE bank_reference = ? AND released_on IS NULL",
                Integer.class, reference)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice_allocation WHERE bank_reference = ?", Integer.class,
                reference)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_allocation WHERE bank_reference = ?", Integer.class,
                reference)).isZero();
    }
}
