package se.clientfunds.day;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.generator.BankSimulator;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.money.Money;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

/**
 * Two generated banking days with the bank simulator between them, as the demo runs them: the second day's
 * statement, now debiting the first day's payment batches, imports, and its debits carry the batches' PmtInfIds.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class BankSimulatorDayLoopIT {

    private static final int DAYS = 2;

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

    @BeforeEach
    void emptyDatabaseAndHome() throws IOException {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox());
    }

    @Test
    void theNextStatementDebitsEachPaymentBatchOfTheDayBeforeAndImports() throws Exception {
        // given two banking days of generated files, with refunds and payouts on the first
        DemoDataSettings settings = DemoDataSettings.of(generated, 12, DAYS, 60, 7L).withAnomalyPerMille(200);
        new DemoDataGenerator(calendar).generate(settings);
        BankSimulator bank = new BankSimulator();

        // when each day's files arrive, the bank executes what we sent it, and the day is run
        List<LocalDate> days = new ArrayList<>();
        List<BankSimulator.Execution> executions = new ArrayList<>();
        LocalDate date = calendar.onOrAfter(settings.start());
        for (int day = 0; day < DAYS; day++, date = calendar.nextBankingDay(date)) {
            GeneratedDays.deliver(generated, home.inbox(), GeneratedDays.arriving(date, day == 0));
            executions.add(bank.executePaymentOrders(home.outbox(), date,
                    home.inbox().resolve(DemoDataGenerator.statementFileName(date))));
            DayReport report = cycle.run(date);

            // then the day imported everything, the rewritten statement too, and closed
            assertThat(report.failed()).as(report.toString()).isFalse();
            assertThat(report.rejectedAny()).as(report.toString()).isFalse();
            assertThat(report.closed()).as(report.toString()).isTrue();
            days.add(date);
        }

        // then the first day's statement was left as generated, the second debits every batch of the first day's file
        Path firstPayments = home.outbox().resolve("pain001-" + days.get(0).toString().replace("-", "") + ".xml");
        Map<String, String> batches = PaymentFiles.batchControlSums(firstPayments);
        assertThat(batches).as("batches paid on %s", days.get(0)).isNotEmpty();
        assertThat(executions.get(0).batches()).isEmpty();
        assertThat(executions.get(1).batches()).extracting(BankSimulator.ExecutedBatch::paymentInformationId)
                .containsExactlyElementsOf(batches.keySet());
        Map<String, String> debited = new LinkedHashMap<>();
        jdbc.query("SELECT payment_information_id, direction, amount_minor, currency, entry_reference FROM imported_bank_entry"
                        + " WHERE booking_date = ? AND payment_information_id IS NOT NULL ORDER BY entry_no",
                rs -> {
                    assertThat(rs.getString("direction")).isEqualTo("D");
                    assertThat(rs.getString("entry_reference")).isEqualTo("DBT-" + rs.getString("payment_information_id"));
                    debited.put(rs.getString("payment_information_id"),
                            Money.ofMinor(rs.getLong("amount_minor"), rs.getString("currency")).toDecimalString());
                }, Date.valueOf(days.get(1)));
        assertThat(debited).containsExactlyEntriesOf(batches);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM imported_bank_entry WHERE payment_information_id IS NOT NULL"
                + " AND booking_date = ?", Long.class, Date.valueOf(days.get(0)))).isZero();

        // then the second statement opens where the first closed and closes lower by what was debited
        Long firstClosing = jdbc.queryForObject("SELECT closing_minor FROM imported_bank_section WHERE closing_date = ?",
                Long.class, Date.valueOf(days.get(0)));
        Long secondOpening = jdbc.queryForObject("SELECT opening_minor FROM imported_bank_section WHERE closing_date = ?",
                Long.class, Date.valueOf(days.get(1)));
        assertThat(secondOpening).isEqualTo(firstClosing);
        assertThat(executions.get(1).closingBalance().minorUnits()).isEqualTo(jdbc.queryForObject(
                "SELECT closing_minor FROM imported_bank_section WHERE closing_date = ?", Long.class, Date.valueOf(days.get(1))));
    }
}
