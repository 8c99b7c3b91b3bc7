package se.clientfunds.day;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.money.Money;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Five generated banking days with anomalies, run day by day as operators would: every anomaly in truth.json ends
 * where it says, every other payment pays its invoice, and every day closes with the invariant holding.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class GeneratedWeekIT {

    private static final int DAYS = 5;

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
    void everyAnomalyEndsWhereTruthSaysAndEveryDayClosesBalanced() throws Exception {
        // given five banking days of generated files, one in five payments an anomaly
        DemoDataSettings settings = DemoDataSettings.of(generated, 12, DAYS, 60, 7L).withAnomalyPerMille(200);
        new DemoDataGenerator(calendar).generate(settings);
        JsonNode truth = JsonMapper.builder().build().readTree(generated.resolve(DemoDataGenerator.TRUTH_FILE).toFile());

        // when each day's files arrive and the day is run
        List<LocalDate> days = new ArrayList<>();
        LocalDate date = calendar.onOrAfter(settings.start());
        for (int day = 0; day < DAYS; day++, date = calendar.nextBankingDay(date)) {
            GeneratedDays.deliver(generated, home.inbox(), GeneratedDays.arriving(date, day == 0));
            DayReport report = cycle.run(date);

            // then the day imported everything and closed
            assertThat(report.failed()).as(report.toString()).isFalse();
            assertThat(report.rejectedAny()).as(report.toString()).isFalse();
            assertThat(report.closed()).as(report.toString()).isTrue();
            days.add(date);
        }

        // then every day closed with BANK = CLIENT + UNALLOCATED + DEBTOR_CREDIT + PLATFORM_FEES, opening = last closing
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            assertThat(jdbc.queryForObject("SELECT status FROM business_day WHERE business_date = ?", String.class,
                    Date.valueOf(day))).isEqualTo(BusinessDays.Status.CLOSED.name());
            Long difference = jdbc.queryForObject("SELECT SUM(CASE account_kind WHEN 'BANK' THEN closing_minor ELSE -closing_minor END)"
                    + " FROM account_position WHERE business_date = ?", Long.class, Date.valueOf(day));
            assertThat(difference).as("invariant on %s", day).isZero();
            Long bank = jdbc.queryForObject("SELECT closing_minor FROM account_position WHERE business_date = ?"
                    + " AND account_kind = 'BANK'", Long.class, Date.valueOf(day));
            assertThat(bank).as("BANK closing on %s", day).isPositive();
            if (i > 0) {
                Long mismatched = jdbc.queryForObject("SELECT COUNT(*) FROM account_position p"
                        + " JOIN account_position q ON q.account = p.account AND q.currency = p.currency AND q.business_date = ?"
                        + " WHERE p.business_date = ? AND p.opening_minor <> q.closing_minor", Long.class,
                        Date.valueOf(days.get(i - 1)), Date.valueOf(day));
                assertThat(mismatched).as("openings on %s", day).isZero();
            }
        }

        // then each anomaly ended where truth.json says
        long planted = 0;
        for (JsonNode anomaly : truth.get("anomalies")) {
            String type = anomaly.get("type").asString();
            String reference = anomaly.get("paymentRef").asString();
            long amount = minor(anomaly.get("amount").asString());
            Map<String, Object> allocation = type.equals("BANK_FEE_ON_STATEMENT_ONLY") ? Map.of() : allocationOf(reference);
            switch (type) {
                case "INVALID_OCR", "UNKNOWN_OCR" -> {
                    assertThat(allocation).as(reference).containsEntry("outcome", "UNALLOCATED")
                            .containsEntry("unallocated_minor", amount);
                    assertThat((String) allocation.get("reason")).as(reference).startsWith(type + ":");
                    planted++;
                }
                case "UNDERPAYMENT" -> {
                    assertThat(allocation).as(reference).containsEntry("outcome", "ALLOCATED").containsEntry("to_invoices_minor", amount);
                    assertThat(invoiceStatus(anomaly.get("invoiceId").asString())).as(reference)
                            .containsEntry("status", "PARTIAL").containsEntry("paid_minor", amount);
                    planted++;
                }
                case "OVERPAYMENT" -> {
                    assertThat(allocation).as(reference).containsEntry("outcome", "OVERPAID")
                            .containsEntry("to_debtor_credit_minor", minor(anomaly.get("excess").asString()));
                    assertThat(invoiceStatus(anomaly.get("invoiceId").asString())).containsEntry("status", "PAID");
                    planted++;
                }
                case "DUPLICATE_PAYMENT" -> {
                    assertThat(allocation).as(reference).containsEntry("outcome", "DUPLICATE")
                            .containsEntry("to_debtor_credit_minor", amount);
                    assertThat(allocationOf(anomaly.get("relatedPaymentRef").asString())).containsEntry("outcome", "ALLOCATED");
                    planted++;
                }
                case "PAYMENT_MISSING_FROM_STATEMENT" ->
                    // the books take the notification; reconciliation finds the bank side missing
                    assertThat(allocation).as(reference).containsEntry("outcome", "ALLOCATED");
                case "BANK_FEE_ON_STATEMENT_ONLY" ->
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_allocation WHERE bank_reference = ?",
                            Long.class, reference)).as(reference).isZero();
                default -> throw new AssertionError("an anomaly this test does not know: " + type);
            }
        }
        assertThat(planted).as("anomalies that change allocation").isGreaterThan(5);

        // then every other payment paid its invoice in full
        long payments = jdbc.queryForObject("SELECT COUNT(*) FROM payment_allocation", Long.class);
        long allocatedInFull = jdbc.queryForObject("SELECT COUNT(*) FROM payment_allocation WHERE outcome = 'ALLOCATED'"
                + " AND to_invoices_minor = amount_minor", Long.class);
        assertThat(payments).isEqualTo((long) DAYS * 60);
        long underpaid = count(truth, "UNDERPAYMENT");
        long missingFromStatement = count(truth, "PAYMENT_MISSING_FROM_STATEMENT");
        assertThat(allocatedInFull).isEqualTo(payments - count(truth, "INVALID_OCR") - count(truth, "UNKNOWN_OCR")
                - count(truth, "OVERPAYMENT") - count(truth, "DUPLICATE_PAYMENT"));
        assertThat(underpaid + missingFromStatement).isLessThanOrEqualTo(allocatedInFull);

        // then UNALLOCATED holds exactly the payments nobody could match
        long unmatched = 0;
        for (JsonNode anomaly : truth.get("anomalies")) {
            String type = anomaly.get("type").asString();
            if (type.equals("INVALID_OCR") || type.equals("UNKNOWN_OCR")) {
                unmatched += minor(anomaly.get("amount").asString());
            }
        }
        Long unallocated = jdbc.queryForObject("SELECT closing_minor FROM account_position WHERE business_date = ?"
                + " AND account = 'UNALLOCATED'", Long.class, Date.valueOf(days.get(days.size() - 1)));
        assertThat(unallocated).isEqualTo(unmatched);

        // then each approved refund of an overpayment was paid, and DEBTOR_CREDIT holds the rest of what is owed back
        long owedBack = 0;
        long refunded = 0;
        for (JsonNode anomaly : truth.get("anomalies")) {
            String type = anomaly.get("type").asString();
            if (type.equals("OVERPAYMENT")) {
                owedBack += minor(anomaly.get("excess").asString());
                if (anomaly.has("refundId")) {
                    Map<String, Object> refund = jdbc.queryForMap("SELECT status, amount_minor FROM refund_payment WHERE refund_id = ?",
                            anomaly.get("refundId").asString());
                    assertThat(refund).containsEntry("status", "PAID").containsEntry("amount_minor", minor(anomaly.get("excess").asString()));
                    refunded += minor(anomaly.get("excess").asString());
                }
            } else if (type.equals("DUPLICATE_PAYMENT")) {
                owedBack += minor(anomaly.get("amount").asString());
            }
        }
        assertThat(refunded).as("refunds in the generated data").isPositive();
        Long debtorCredit = jdbc.queryForObject("SELECT closing_minor FROM account_position WHERE business_date = ?"
                + " AND account = 'DEBTOR_CREDIT'", Long.class, Date.valueOf(days.get(days.size() - 1)));
        assertThat(debtorCredit).isEqualTo(owedBack - refunded);

        // then every client due a payout was paid its whole balance: after each day's close, DAILY clients hold nothing
        for (LocalDate day : days) {
            Long heldByDailyClients = jdbc.queryForObject("SELECT COALESCE(SUM(p.closing_minor), 0) FROM account_position p"
                    + " JOIN current_client c ON p.account = CONCAT('CLIENT:', c.client_id)"
                    + " WHERE p.business_date = ? AND c.payout_schedule = 'DAILY'", Long.class, Date.valueOf(day));
            assertThat(heldByDailyClients).as("DAILY clients' balance after %s", day).isZero();
            Long payouts = jdbc.queryForObject("SELECT COUNT(*) FROM payout WHERE business_date = ?", Long.class, Date.valueOf(day));
            assertThat(payouts).as("payouts on %s", day).isPositive();
            // and the day's pain.001 file is valid against the official schema and says what the books paid
            Path file = home.outbox().resolve("pain001-" + day.toString().replace("-", "") + ".xml");
            PaymentFiles.validate(file);
            Long paidOut = jdbc.queryForObject("SELECT (SELECT COALESCE(SUM(amount_minor), 0) FROM payout WHERE business_date = ?)"
                    + " + (SELECT COALESCE(SUM(amount_minor), 0) FROM refund_payment WHERE business_date = ? AND status = 'PAID')",
                    Long.class, Date.valueOf(day), Date.valueOf(day));
            assertThat(PaymentFiles.controlSum(file)).as("CtrlSum of %s", file).isEqualTo(Money.ofMinor(paidOut, "SEK").toDecimalString());
            Long bankOut = jdbc.queryForObject("SELECT COALESCE(SUM(l.amount_minor), 0) FROM journal_line l JOIN journal_entry e"
                    + " ON e.id = l.entry_id WHERE e.booking_date = ? AND e.event_type IN ('PAYOUT', 'REFUND_PAID')"
                    + " AND l.account_kind = 'BANK' AND l.side = 'C'", Long.class, Date.valueOf(day));
            assertThat(bankOut).isEqualTo(paidOut);
        }
    }

    private Map<String, Object> allocationOf(String bankReference) {
        return jdbc.queryForMap("SELECT outcome, reason, amount_minor, to_invoices_minor, to_debtor_credit_minor, unallocated_minor"
                + " FROM payment_allocation WHERE bank_reference = ?", bankReference);
    }

    private Map<String, Object> invoiceStatus(String invoiceId) {
        return jdbc.queryForMap("SELECT status, paid_minor FROM invoice_status WHERE invoice_id = ?", invoiceId);
    }

    private static long count(JsonNode truth, String type) {
        long count = 0;
        for (JsonNode anomaly : truth.get("anomalies")) {
            if (anomaly.get("type").asString().equals(type)) {
                count++;
            }
        }
        return count;
    }

    private static long minor(String decimal) {
        return Money.parse(decimal, DemoDataSettings.DEFAULT_CURRENCY).minorUnits();
    }
}
