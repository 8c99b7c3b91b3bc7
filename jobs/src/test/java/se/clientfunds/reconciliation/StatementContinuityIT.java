package se.clientfunds.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.day.DayReport;
import se.clientfunds.generator.BankSimulator;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

/**
 * A statement that never arrives, on books configured to close without it: the day says it closed without the bank,
 * it cannot prove its balance, and the next day reports the gap.
 */
@SpringBootTest(classes = JobsTestApplication.class, properties = {"settlement.close.without-statement=true",
        "settlement.home=target/it-home-closing-without-statements"})
class StatementContinuityIT {

    private static final LocalDate FRI_2 = LocalDate.of(2026, 1, 2);
    private static final LocalDate MON_5 = LocalDate.of(2026, 1, 5);
    private static final LocalDate WED_7 = LocalDate.of(2026, 1, 7);

    @Autowired
    DailyCycle cycle;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    ReconciliationQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path generated;

    @BeforeEach
    void emptyDatabaseAndHome() throws IOException {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox());
    }

    @Test
    void missingStatementIsReportedOnItsDayAndAsAGapTheDayAfter() throws Exception {
        // given three generated days (no anomalies), and the bank's statement of the 5th never arriving
        new DemoDataGenerator(calendar).generate(DemoDataSettings.of(generated, 3, 3, 10, 5L).withAnomalyPerMille(0));

        // when the days run
        DayReport first = run(FRI_2, DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE,
                DemoDataGenerator.notificationFileName(FRI_2), DemoDataGenerator.statementFileName(FRI_2));
        DayReport second = run(MON_5, DemoDataGenerator.notificationFileName(MON_5));
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.statementFileName(WED_7)));
        // the bank executes the payment orders of the 2nd and the 5th on the 7th
        new BankSimulator().executePaymentOrders(home.outbox(), WED_7, home.inbox().resolve(DemoDataGenerator.statementFileName(WED_7)));
        DayReport third = run(WED_7, DemoDataGenerator.notificationFileName(WED_7));

        // then the first day needs nothing, the second cannot prove its balance, the third names the gap and the break
        assertThat(first.attention()).isEmpty();
        assertThat(second.failed()).isFalse();
        assertThat(second.attention()).hasSize(3).first().isEqualTo("2026-01-05 closed WITHOUT the bank's statement of"
                + " SE4550000000058398257466 (settlement.close.without-statement: true): its figures are not confirmed by the bank"
                + " and every report of the day says so; when the statement arrives, import it and run 'settle reconcile"
                + " 2026-01-05'");
        assertThat(second.attention().get(1))
                .isEqualTo("2026-01-05: SE4550000000058398257466: no statement for 2026-01-05, the balance cannot be proven");
        // without the statement the bank's side of safeguarding is unknown, and it says so
        assertThat(second.attention().get(2)).startsWith("2026-01-05: safeguarding of SEK is UNCONFIRMED: a client-funds"
                + " account's statement is missing, so the resource is not what the bank holds");
        assertThat(third.attention()).anySatisfy(item -> assertThat(item).isEqualTo(
                "2026-01-07: SE4550000000058398257466: no statement for banking day 2026-01-05 (gap between the statements"
                        + " of 2026-01-02 and 2026-01-07)"));
        assertThat(third.attention()).anySatisfy(item -> assertThat(item).contains("statement sequence number 3 does not follow 1"));
        ReconciliationDay secondDay = queries.days(MON_5).get(0);
        assertThat(secondDay.statementClosing()).isNull();
        assertThat(secondDay.unexplained()).isNull();
        assertThat(jdbc.queryForObject("SELECT status FROM reconciliation_day WHERE business_date = '2026-01-05'", String.class))
                .isEqualTo("FAILED_RECONCILIATION");
        // and the 5th's payments, in the books but on no statement, are open MISSING_IN_BANK breaks, carried and aged
        List<ReconciliationQueries.Break> open = queries.breaks(WED_7).stream()
                .filter(item -> item.reference().startsWith("BK")).toList();
        assertThat(open).hasSize(10).allSatisfy(item -> {
            assertThat(item.type()).isEqualTo(BreakType.MISSING_IN_BANK);
            assertThat(item.bookingDate()).isEqualTo(MON_5);
            assertThat(item.ageDays()).isEqualTo(1);
        });
    }

    private DayReport run(LocalDate date, String... files) throws IOException {
        GeneratedDays.deliver(generated, home.inbox(), List.of(files));
        return cycle.run(date);
    }
}
