package se.clientfunds.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import se.clientfunds.money.Money;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ten generated banking days run as operators would, the bank executing each day's pain.001 on the next day's
 * statement: the breaks left are exactly the ones truth.json predicts, payouts and refunds clear the day after,
 * and every day's balance proof holds to the öre.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class ReconcileJobIT {

    private static final int DAYS = 10;

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
    void tenDaysLeaveExactlyThePredictedBreaksAndEveryDayProvesItsBalance() throws Exception {
        // given ten generated banking days
        DemoDataSettings settings = DemoDataSettings.of(generated, 8, DAYS, 40, 3L).withAnomalyPerMille(150);
        new DemoDataGenerator(calendar).generate(settings);
        JsonNode truth = JsonMapper.builder().build().readTree(generated.resolve(DemoDataGenerator.TRUTH_FILE).toFile());
        BankSimulator bank = new BankSimulator();

        // when each day runs, the bank having executed the day before's payment orders on this day's statement
        List<LocalDate> days = new ArrayList<>();
        LocalDate date = calendar.onOrAfter(settings.start());
        for (int day = 0; day < DAYS; day++, date = calendar.nextBankingDay(date)) {
            GeneratedDays.deliver(generated, home.inbox(), GeneratedDays.arriving(date, day == 0));
            bank.executePaymentOrders(home.outbox(), date, home.inbox().resolve(DemoDataGenerator.statementFileName(date)));
            DayReport report = cycle.run(date);

            // then the day completed with nothing unexplained; a safeguarding shortfall is what the planted receipts that
            // never reach the statement leave (checked against truth.json below), nothing else needs attention
            assertThat(report.failed()).as(report.toString()).isFalse();
            LocalDate today = date;
            assertThat(report.attention()).as("what needs attention on %s", date)
                    .allSatisfy(item -> assertThat(item).startsWith(today + ": safeguarding shortfall of "));
            List<ReconciliationDay> reconciled = queries.days(date);
            assertThat(reconciled).hasSize(1);
            ReconciliationDay account = reconciled.get(0);
            assertThat(account.unexplained()).as("unexplained on %s", date).isEqualTo(Money.ofMinor(0, "SEK"));
            assertThat(account.statementClosing().minus(account.ledgerClosing()))
                    .isEqualTo(account.bankOnly().minus(account.booksOnly()).plus(account.residuals()).plus(account.resolvedByOperators()));
            assertThat(account.openingBreaks() + account.newBreaks() - account.clearedBreaks()).isEqualTo(account.closingBreaks());
            assertThat(account.continuity()).isEmpty();
            if (day > 0) {
                assertThat(account.matches().get(MatchRule.BATCH_TOTAL)).as("payment batches debited on %s", date).isPositive();
            }
            days.add(date);
        }
        LocalDate last = days.get(days.size() - 1);

        // then every payout and refund was a break only until the bank debited it, the next banking day, by its batch
        List<Map<String, Object>> paidOut = jdbc.queryForList("SELECT b.opened_on, b.cleared_on, b.cleared_by_rule, b.status"
                + " FROM reconciliation_break b JOIN journal_line l ON b.books_item = CONCAT('L:', l.entry_id, ':', l.line_no)"
                + " JOIN journal_entry e ON e.id = l.entry_id WHERE e.event_type IN ('PAYOUT', 'REFUND_PAID')");
        assertThat(paidOut).isNotEmpty();
        for (Map<String, Object> row : paidOut) {
            LocalDate opened = ((Date) row.get("opened_on")).toLocalDate();
            if (opened.equals(last)) {
                assertThat(row.get("status")).isEqualTo("OPEN");
            } else {
                assertThat(row).containsEntry("status", "RESOLVED").containsEntry("cleared_by_rule", "BATCH_TOTAL");
                assertThat(((Date) row.get("cleared_on")).toLocalDate()).isEqualTo(calendar.nextBankingDay(opened));
            }
        }

        // then the breaks still open (but today's payment orders) are exactly the ones truth.json predicts
        Set<String> expected = new HashSet<>();
        for (JsonNode anomaly : truth.get("anomalies")) {
            String type = anomaly.get("expected").asString();
            if (type.equals("MISSING_IN_BOOKS") || type.equals("MISSING_IN_BANK")) {
                expected.add(type + " " + anomaly.get("paymentRef").asString() + " " + anomaly.get("amount").asString());
            }
        }
        assertThat(expected).as("planted breaks").isNotEmpty();
        Set<String> open = new HashSet<>();
        for (ReconciliationQueries.Break item : queries.breaks(last)) {
            boolean paymentOrderOfTheLastDay = item.type() == BreakType.MISSING_IN_BANK && item.openedOn().equals(last)
                    && (item.reference().startsWith("PO-") || isRefund(item.reference()));
            if (!paymentOrderOfTheLastDay) {
                open.add(item.type() + " " + item.reference() + " " + item.amount().toDecimalString());
            }
        }
        assertThat(open).isEqualTo(expected);

        // then the ageing of the oldest planted break is counted in banking days
        ReconciliationQueries.Break oldest = queries.breaks(last).get(0);
        assertThat(oldest.ageDays()).isEqualTo(calendar.bankingDaysBetween(oldest.bookingDate(), last));

        // then safeguarding was computed every day, and on the last its schedule explains the difference by what
        // truth.json planted: receipts the statement never shows, bank fees the books never booked, today's payouts and
        // refunds in transit (owed, in the requirement), the firm's fees on the account; nothing unexplained
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM safeguarding", Long.class)).isEqualTo(DAYS);
        long missingReceipts = 0;
        long bankFees = 0;
        for (JsonNode anomaly : truth.get("anomalies")) {
            long minor = new java.math.BigDecimal(anomaly.get("amount").asString()).movePointRight(2).longValueExact();
            if (anomaly.get("expected").asString().equals("MISSING_IN_BANK")) {
                missingReceipts += minor;
            } else if (anomaly.get("expected").asString().equals("MISSING_IN_BOOKS")) {
                bankFees += minor;
            }
        }
        long paidToday = queries.breaks(last).stream().filter(item -> item.timingItem(last))
                .mapToLong(item -> item.amount().minorUnits()).sum();
        Map<String, Object> lastDay = jdbc.queryForMap("SELECT * FROM safeguarding WHERE business_date = ?", Date.valueOf(last));
        long fees = jdbc.queryForObject("SELECT closing_minor FROM account_position WHERE business_date = ? AND account = 'PLATFORM_FEES'",
                Long.class, Date.valueOf(last));
        assertThat(((Number) lastDay.get("receipts_not_on_statement_minor")).longValue()).isEqualTo(-missingReceipts);
        assertThat(((Number) lastDay.get("bank_charges_not_booked_minor")).longValue()).isEqualTo(-bankFees);
        assertThat(((Number) lastDay.get("in_transit_minor")).longValue()).isEqualTo(paidToday).isPositive();
        assertThat(((Number) lastDay.get("firm_fees_minor")).longValue()).isEqualTo(fees);
        assertThat(((Number) lastDay.get("unexplained_minor")).longValue()).isZero();
        assertThat(((Number) lastDay.get("difference_minor")).longValue()).isEqualTo(fees - missingReceipts - bankFees
                + ((Number) lastDay.get("negative_balances_minor")).longValue());
    }

    private boolean isRefund(String reference) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM refund_payment WHERE end_to_end_id = ?", Long.class, reference) > 0;
    }
}
