package se.clientfunds.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayJobs;
import se.clientfunds.files.FileImports;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.jobs.JobName;
import se.clientfunds.money.Money;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = JobsTestApplication.class)
class AllocatePaymentsJobIT {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 2);
    private static final int PAYMENTS = 60;

    @Autowired
    DayJobs dayJobs;

    @Autowired
    FileImports imports;

    @Autowired
    ManualAllocation manualAllocation;

    @Autowired
    AllocationQueries allocationQueries;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path generated;

    JsonNode truth;

    @BeforeEach
    void generateOneDay() throws Exception {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox());
        new DemoDataGenerator(calendar).generate(DemoDataSettings.of(generated, 8, 1, PAYMENTS, 11L).withAnomalyPerMille(300));
        truth = JsonMapper.builder().build().readTree(generated.resolve(DemoDataGenerator.TRUTH_FILE).toFile());
    }

    @AfterEach
    void dropFaultTrigger() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_fail_allocation");
    }

    @Test
    void allocationFailedMidwayAndRestartedEndsExactlyLikeAnUninterruptedOne() throws Exception {
        // given the day's inputs, allocated once without trouble
        importInputs();
        assertThat(dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY).status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        String uninterrupted = digest();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_allocation", Long.class)).isEqualTo(PAYMENTS);
        // each allocation keeps its debtor's country as the invoice gave it (HIGH_RISK_COUNTRY judges by it)
        assertThat(jdbc.queryForList("SELECT CONCAT(a.invoice_id, ' ', a.debtor_country, ' ', i.debtor_country)"
                + " FROM invoice_allocation a JOIN current_invoice i ON i.invoice_id = a.invoice_id"
                + " WHERE a.debtor_country <> i.debtor_country", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT debtor_country) FROM invoice_allocation", Long.class))
                .isGreaterThan(1L);

        // given the same inputs again, and a database that fails the chunk holding the 40th payment
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox());
        importInputs();
        String fortieth = jdbc.queryForObject("SELECT bank_reference FROM bank_transaction WHERE is_payment = 1"
                + " ORDER BY import_id, entry_no, transaction_no LIMIT 39, 1", String.class);
        jdbc.execute("CREATE TRIGGER test_fail_allocation BEFORE INSERT ON payment_allocation FOR EACH ROW"
                + " BEGIN IF NEW.bank_reference = '" + fortieth + "' THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'connection lost (test)'; END IF; END");

        // when
        DayJobOutcome failed = dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY);

        // then the chunks before it are committed, the one with it is not
        assertThat(failed.status()).isEqualTo(DayJobOutcome.Status.FAILED);
        assertThat(failed.summary()).isEqualTo("step allocatePayments: connection lost (test)");
        long committed = jdbc.queryForObject("SELECT COUNT(*) FROM payment_allocation", Long.class);
        assertThat(committed).isEqualTo(35); // five chunks of seven
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE event_type = 'PAYMENT_ALLOCATED'", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM payment_allocation WHERE to_invoices_minor + to_debtor_credit_minor > 0",
                        Long.class));

        // when the cause is gone and the day's allocation runs again
        jdbc.execute("DROP TRIGGER test_fail_allocation");
        DayJobOutcome restarted = dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY);

        // then it was a restart of the same execution's instance, and the books are exactly the uninterrupted ones
        assertThat(restarted.status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'allocatePaymentsJob'", Long.class))
                .isEqualTo(1);
        assertThat(digest()).isEqualTo(uninterrupted);
        // and a completed day is not allocated twice
        assertThat(dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY).status()).isEqualTo(DayJobOutcome.Status.DONE_BEFORE);
    }

    @Test
    void aWaitingPaymentWhosePayerCameOntoTheSanctionsListIsNotAllocatedByHand() throws Exception {
        // given the day allocated, an unknown-OCR payment waiting, and then a list naming its payer
        importInputs();
        dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY);
        String payment = firstAnomaly("UNKNOWN_OCR", "INVALID_OCR");
        String payer = jdbc.queryForObject("SELECT debtor_name FROM payment_allocation WHERE bank_reference = ?", String.class,
                payment);
        Path list = generated.resolve("eu-list.xml");
        se.clientfunds.sanctions.EuSanctionsListWriter.write(new se.clientfunds.sanctions.SanctionsList(
                java.time.OffsetDateTime.parse("2026-01-02T20:00:00+01:00"), "1", List.of(new se.clientfunds.sanctions.SanctionsList.Entity(
                        "8001", "EU.8001.01", se.clientfunds.sanctions.SanctionsList.SubjectType.PERSON,
                        List.of(new se.clientfunds.sanctions.SanctionsList.NameAlias(payer, "", true)), List.of(), List.of(),
                        List.of()))), list);
        assertThat(imports.importFile(list, DAY).status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        String invoiceId = jdbc.queryForObject("SELECT invoice_id FROM invoice_status WHERE status = 'OPEN' ORDER BY invoice_id"
                + " LIMIT 1", String.class);
        // then
        assertThatThrownBy(() -> manualAllocation.allocate(payment, invoiceId, "anna", "phoned the payer"))
                .hasMessageStartingWith("payment " + payment + ": its payer \"" + payer + "\" is an exact hit on EU.8001.01 of the"
                        + " sanctions list in force (eu-list.xml")
                .hasMessageEndingWith("it is not allocated by hand; compliance decides");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice_allocation WHERE bank_reference = ?", Long.class, payment))
                .isZero();
    }

    @Test
    void operatorAllocatesAnUnmatchedPaymentByHandAndWhoAndWhyAreKept() throws Exception {
        // given the day allocated, with an unknown-OCR payment waiting and an invoice still open
        importInputs();
        dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY);
        String payment = firstAnomaly("UNKNOWN_OCR", "INVALID_OCR");
        long waiting = jdbc.queryForObject("SELECT unallocated_minor FROM payment_allocation WHERE bank_reference = ?", Long.class, payment);
        Map<String, Object> invoice = jdbc.queryForMap("SELECT invoice_id, amount_minor, client_id FROM invoice_status"
                + " WHERE status = 'OPEN' ORDER BY invoice_id LIMIT 1");
        String invoiceId = (String) invoice.get("invoice_id");
        long expected = Math.min(waiting, ((Number) invoice.get("amount_minor")).longValue());

        // then what does not fit is refused with the reason, and nothing changes
        assertThatThrownBy(() -> manualAllocation.allocate("NO-SUCH-REF", invoiceId, "anna", "x"))
                .hasMessageContaining("payment NO-SUCH-REF: no allocated payment has that reference");
        assertThatThrownBy(() -> manualAllocation.allocate(payment, "NO-SUCH-INVOICE", "anna", "x"))
                .hasMessage("invoice NO-SUCH-INVOICE: no imported invoice has that id");
        assertThatThrownBy(() -> manualAllocation.allocate(payment, invoiceId, "anna", " "))
                .hasMessageContaining("needs a reason");
        String paidInFull = jdbc.queryForObject("SELECT invoice_id FROM invoice_status WHERE status = 'PAID' ORDER BY invoice_id LIMIT 1",
                String.class);
        assertThatThrownBy(() -> manualAllocation.allocate(payment, paidInFull, "anna", "x"))
                .hasMessage("invoice " + paidInFull + " is paid in full already");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_action", Long.class)).isZero();

        // when
        ManualAllocation.Result result = manualAllocation.allocate(payment, invoiceId, "anna", "phoned the payer: meant " + invoiceId);

        // then the invoice is paid from UNALLOCATED, posted on the open day, and the allocation says who and why
        assertThat(result.allocated()).isEqualTo(Money.ofMinor(expected, "SEK"));
        assertThat(result.bookingDate()).isEqualTo(DAY);
        assertThat(jdbc.queryForMap("SELECT allocated_by, reason, amount_minor FROM invoice_allocation WHERE invoice_id = ?", invoiceId))
                .containsEntry("allocated_by", "anna").containsEntry("reason", "phoned the payer: meant " + invoiceId)
                .containsEntry("amount_minor", expected);
        assertThat(jdbc.queryForObject("SELECT a.debtor_country = i.debtor_country FROM invoice_allocation a"
                + " JOIN current_invoice i ON i.invoice_id = a.invoice_id WHERE a.invoice_id = ?", Boolean.class, invoiceId)).isTrue();
        assertThat(jdbc.queryForObject("SELECT unallocated_minor FROM payment_allocation WHERE bank_reference = ?", Long.class, payment))
                .isEqualTo(waiting - expected);
        assertThat(jdbc.queryForMap("SELECT operator, action, reason FROM operator_action"))
                .containsEntry("operator", "anna").containsEntry("action", "ALLOCATE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id"
                + " WHERE e.event_type = 'MANUAL_ALLOCATION' AND e.booking_date = ? AND l.account = ? AND l.side = 'C'"
                + " AND l.amount_minor = ?", Long.class, Date.valueOf(DAY), "CLIENT:" + invoice.get("client_id"), expected))
                .isEqualTo(1);

        if (waiting == expected) {
            assertThatThrownBy(() -> manualAllocation.allocate(payment, invoiceId, "anna", "again"))
                    .hasMessage("payment " + payment + " has nothing left in UNALLOCATED");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_action", Long.class)).isEqualTo(1);
    }

    @Test
    void refundOfMoreThanThePaymentLeftOverIsReportedAndNotPaid() throws Exception {
        // given an overpayment allocated, and support approving a refund one öre more than the excess
        importInputs();
        dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY);
        JsonNode overpayment = anomaly("OVERPAYMENT");
        long excess = Money.parse(overpayment.get("excess").asString(), DemoDataSettings.DEFAULT_CURRENCY).minorUnits();
        Path refunds = home.inbox().resolve("refunds-extra.csv");
        Files.writeString(refunds, DemoDataGenerator.REFUNDS_HEADER + "\n"
                + "RFX1," + overpayment.get("paymentRef").asString() + "," + Money.ofMinor(excess + 1, "SEK").toDecimalString()
                + ",SEK,SE4921943530228675673451,Åsa Eriksson,anna\n"
                + "RFX2," + overpayment.get("paymentRef").asString() + "," + Money.ofMinor(excess, "SEK").toDecimalString()
                + ",SEK,SE4921943530228675673451,Åsa Eriksson,anna\n", StandardCharsets.UTF_8);
        assertThat(imports.importFile(refunds, DAY).status()).isEqualTo(ImportOutcome.Status.IMPORTED);

        // when
        DayJobOutcome outcome = dayJobs.run(JobName.REFUNDS_AND_PAYOUTS, DAY);

        // then the excessive one is refused with the reason, the one that fits is paid and in the pain.001 file
        assertThat(outcome.status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        assertThat(outcome.summary()).contains("refused: refund RFX1: " + Money.ofMinor(excess + 1, "SEK") + " is more than the "
                + Money.ofMinor(excess, "SEK") + " held as debtor credit");
        assertThat(jdbc.queryForObject("SELECT status FROM refund_payment WHERE refund_id = 'RFX1'", String.class)).isEqualTo("REFUSED");
        assertThat(jdbc.queryForObject("SELECT status FROM refund_payment WHERE refund_id = 'RFX2'", String.class)).isEqualTo("PAID");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE event_type = 'REFUND_PAID' AND reference = 'RFX1'",
                Long.class)).isZero();
        String file = Files.readString(home.outbox().resolve("pain001-20260102.xml"));
        assertThat(file).contains("<EndToEndId>RFX2</EndToEndId>").doesNotContain("RFX1");
    }

    @Test
    void aBgMaxDeductionIsRecordedForOperatorsAndReportedUntilBooked() throws Exception {
        // given a BGMax deposit of 1100.00 paid less 100.00 the bank took back (TK21), on the configured bankgiro
        Path bgmax = home.inbox().resolve("bgmax-with-deduction.txt");
        StringBuilder text = new StringBuilder();
        for (String record : List.of("01BGMAX               0120040525173035010331P", "050009912346          SEK",
                "200097012333                   650861000000000000110000210000000000120",
                "210097012333                   6508610000000000000100002100000000001300",
                "15000000000000000000058410000010098232004052500074000000000000100000SEK00000002",
                "7000000001000000010000000000000001")) {
            text.append(record).append(" ".repeat(80 - record.length())).append("\r\n");
        }
        Files.writeString(bgmax, text, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(imports.importFile(bgmax, DAY).status()).isEqualTo(ImportOutcome.Status.IMPORTED);

        // when
        assertThat(dayJobs.run(JobName.ALLOCATE_PAYMENTS, DAY).status()).isEqualTo(DayJobOutcome.Status.COMPLETED);

        // then the deduction is where operators look, and said to leave UNALLOCATED short
        Map<String, Object> deduction = jdbc.queryForMap("SELECT outcome, amount_minor, unallocated_minor FROM payment_allocation"
                + " WHERE outcome = 'DEDUCTION'");
        assertThat(deduction).containsEntry("amount_minor", 10_000L).containsEntry("unallocated_minor", 10_000L);
        assertThat(allocationQueries.deductionsWaiting()).singleElement().asString()
                .contains("of 100.00 SEK booked 2004-05-25 leaves UNALLOCATED short");
        String reference = jdbc.queryForObject("SELECT bank_reference FROM payment_allocation WHERE outcome = 'DEDUCTION'", String.class);
        assertThatThrownBy(() -> manualAllocation.allocate(reference, "ANY-INVOICE", "anna", "x"))
                .hasMessageContaining("is a deduction the bank made, not money to pay an invoice with");
    }

    private void importInputs() throws Exception {
        for (String name : List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE, DemoDataGenerator.REFUNDS_FILE,
                DemoDataGenerator.notificationFileName(DAY))) {
            Path file = Files.copy(generated.resolve(name), home.inbox().resolve(name), StandardCopyOption.REPLACE_EXISTING);
            assertThat(imports.importFile(file, DAY).status()).as(name).isEqualTo(ImportOutcome.Status.IMPORTED);
        }
    }

    private String firstAnomaly(String... types) {
        for (JsonNode anomaly : truth.get("anomalies")) {
            if (List.of(types).contains(anomaly.get("type").asString())) {
                return anomaly.get("paymentRef").asString();
            }
        }
        throw new AssertionError("the generated day has no anomaly of " + List.of(types));
    }

    private JsonNode anomaly(String type) {
        for (JsonNode anomaly : truth.get("anomalies")) {
            if (anomaly.get("type").asString().equals(type)) {
                return anomaly;
            }
        }
        throw new AssertionError("the generated day has no " + type);
    }

    /** Everything allocation decided and posted, without ids or timestamps. */
    private String digest() {
        List<String> lines = new ArrayList<>();
        lines.addAll(jdbc.query("SELECT * FROM payment_allocation ORDER BY account_iban, bank_reference", (rs, row) -> row(rs, 13)));
        lines.addAll(jdbc.query("SELECT * FROM invoice_allocation ORDER BY account_iban, bank_reference, allocation_no",
                (rs, row) -> row(rs, 12)));
        lines.addAll(jdbc.query("SELECT e.event_type, e.reference, e.booking_date, e.description, l.line_no, l.account, l.side,"
                + " l.amount_minor, l.currency FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id"
                + " ORDER BY e.event_type, e.reference, l.line_no", (rs, row) -> row(rs, 9)));
        return String.join("\n", lines);
    }

    private static String row(java.sql.ResultSet rs, int columns) throws java.sql.SQLException {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            row.append(rs.getString(i)).append('|');
        }
        return row.toString();
    }
}
