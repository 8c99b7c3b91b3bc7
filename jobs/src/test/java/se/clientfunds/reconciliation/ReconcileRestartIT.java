package se.clientfunds.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayReport;
import se.clientfunds.generator.BankSimulator;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.jobs.JobName;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

/** A reconciliation that fails part way and is run again ends exactly like one that never failed. */
@SpringBootTest(classes = JobsTestApplication.class)
class ReconcileRestartIT {

    private static final LocalDate FRI_2 = LocalDate.of(2026, 1, 2);
    private static final LocalDate MON_5 = LocalDate.of(2026, 1, 5);

    @Autowired
    DailyCycle cycle;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path generated;

    @AfterEach
    void dropFaultTriggers() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_fail_reconciliation_day");
        jdbc.execute("DROP TRIGGER IF EXISTS test_fail_safeguarding");
    }

    @Test
    void failedAccountAndFailedSafeguardingRestartToTheUninterruptedResult() throws Exception {
        // given two generated days, run once without trouble
        new DemoDataGenerator(calendar).generate(DemoDataSettings.of(generated, 5, 2, 30, 9L).withAnomalyPerMille(200));
        runBothDays(false);
        String uninterrupted = digest();
        assertThat(uninterrupted).contains("BATCH_TOTAL", "MISSING_IN_");

        // when the same days run again on empty books, the second day's reconciliation failing twice on the way
        runBothDays(true);

        // then it ends exactly as the uninterrupted run
        assertThat(digest()).isEqualTo(uninterrupted);
    }

    private void runBothDays(boolean withFaults) throws IOException {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox());
        BankSimulator bank = new BankSimulator();
        deliver(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE, DemoDataGenerator.REFUNDS_FILE,
                DemoDataGenerator.notificationFileName(FRI_2), DemoDataGenerator.statementFileName(FRI_2));
        assertThat(cycle.run(FRI_2).failed()).isFalse();
        deliver(DemoDataGenerator.notificationFileName(MON_5), DemoDataGenerator.statementFileName(MON_5));
        bank.executePaymentOrders(home.outbox(), MON_5, home.inbox().resolve(DemoDataGenerator.statementFileName(MON_5)));
        if (withFaults) {
            // the account's day fails as it is written: its matches and breaks go with it
            jdbc.execute("CREATE TRIGGER test_fail_reconciliation_day BEFORE INSERT ON reconciliation_day FOR EACH ROW"
                    + " BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full (test)'; END");
            DayReport failed = cycle.run(MON_5);
            assertThat(reconcileOutcome(failed).status()).isEqualTo(DayJobOutcome.Status.FAILED);
            assertThat(reconcileOutcome(failed).summary()).isEqualTo("step reconcileAccounts: disk full (test)");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_match WHERE business_date = ?", Long.class, MON_5))
                    .isZero();
            jdbc.execute("DROP TRIGGER test_fail_reconciliation_day");
            // then the account is done, and safeguarding fails
            jdbc.execute("CREATE TRIGGER test_fail_safeguarding BEFORE INSERT ON safeguarding FOR EACH ROW"
                    + " BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'lock wait (test)'; END");
            DayReport failedAgain = cycle.run(MON_5);
            assertThat(reconcileOutcome(failedAgain).summary()).isEqualTo("step safeguarding: lock wait (test)");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_day WHERE business_date = ?", Long.class, MON_5))
                    .isEqualTo(1);
            jdbc.execute("DROP TRIGGER test_fail_safeguarding");
        }
        DayReport report = cycle.run(MON_5);
        assertThat(report.failed()).as(report.toString()).isFalse();
        assertThat(report.attention()).allSatisfy(item -> assertThat(item).contains(": safeguarding shortfall of "));
    }

    private static DayJobOutcome reconcileOutcome(DayReport report) {
        return report.jobs().stream().filter(job -> job.job() == JobName.RECONCILE).findFirst().orElseThrow();
    }

    private void deliver(String... names) throws IOException {
        GeneratedDays.deliver(generated, home.inbox(), List.of(names));
    }

    /** Every reconciliation row, without generated ids. */
    private String digest() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.query("SELECT business_date, account_iban, match_rule, reference, bank_minor, books_minor, residual_minor,"
                + " bank_items, books_items FROM reconciliation_match ORDER BY business_date, bank_items", (rs, n) -> row(rs, 9)));
        rows.addAll(jdbc.query("SELECT type, amount_minor, bank_minor, books_minor, reference, booking_date, opened_on, bank_item,"
                + " books_item, status, cleared_on, cleared_by_rule, counted_on FROM reconciliation_break"
                + " ORDER BY opened_on, bank_item, books_item", (rs, n) -> row(rs, 13)));
        rows.addAll(jdbc.query("SELECT * FROM reconciliation_day ORDER BY business_date, account_iban", (rs, n) -> row(rs, 23)));
        rows.addAll(jdbc.query("SELECT * FROM safeguarding ORDER BY business_date, currency", (rs, n) -> row(rs, 7)));
        rows.addAll(jdbc.query("SELECT item_key, state FROM reconciliation_item ORDER BY item_key", (rs, n) -> row(rs, 2)));
        // journal entry ids come from a sequence that an emptied database does not reset: name entries by their event
        java.util.Map<String, String> events = new java.util.HashMap<>();
        jdbc.query("SELECT id, CONCAT(event_type, '/', reference) FROM journal_entry", rs -> {
            events.put(rs.getString(1), rs.getString(2));
        });
        java.util.regex.Matcher keys = java.util.regex.Pattern.compile("L:(\\d+):").matcher(String.join("\n", rows));
        StringBuilder named = new StringBuilder();
        while (keys.find()) {
            keys.appendReplacement(named, java.util.regex.Matcher.quoteReplacement("L:" + events.get(keys.group(1)) + ":"));
        }
        keys.appendTail(named);
        return java.util.Arrays.stream(named.toString().split("\n")).sorted().collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String row(ResultSet rs, int columns) throws SQLException {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            row.append(rs.getString(i)).append('|');
        }
        return row.toString();
    }
}
