package se.clientfunds.day;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.files.Sha256;
import se.clientfunds.generator.BankSimulator;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.jobs.JobName;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;

/**
 * A business day does not close before the bank's statement of it has arrived (DESIGN §2.4): without it the day is
 * allocated with provisional figures, pays nothing out and stays open; once the statement is in the inbox the next
 * run closes it exactly as if the statement had come on time.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class StatementArrivalIT {

    private static final String ACCOUNT = "SE4550000000058398257466";

    @Autowired
    DailyCycle cycle;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    BusinessDays businessDays;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path generated;

    private LocalDate first;
    private LocalDate second;

    @BeforeEach
    void twoGeneratedDaysOnEmptyBooks() throws IOException {
        GeneratedDays.emptyBooks(jdbc, home);
        List<LocalDate> days = GeneratedDays.generate(calendar, DemoDataSettings.of(generated, 8, 2, 40, 11L).withAnomalyPerMille(150));
        first = days.get(0);
        second = days.get(1);
    }

    @Test
    void aDayWithoutItsStatementStaysOpenPaysNothingAndClosesAsIfOnTimeWhenItArrives() throws Exception {
        // given the extracts and the first day's payments, but not its statement
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE,
                DemoDataGenerator.REFUNDS_FILE, DemoDataGenerator.notificationFileName(first)));

        // when the day is run
        DayReport early = cycle.run(first);

        // then its payments are allocated, but it pays nothing out, does not close and says what it waits for
        assertThat(early.failed()).as(early.toString()).isFalse();
        assertThat(early.provisional()).isTrue();
        assertThat(early.waiting()).isNotNull();
        assertThat(early.waiting().day()).isEqualTo(first);
        assertThat(early.attention()).anySatisfy(item -> assertThat(item).startsWith(first + " is waiting for its statement:"
                + " no camt.053 or MT940 closing on " + first + " for " + ACCOUNT + " (Client funds SEK (test))")
                .contains("Put the statement in the inbox: the next run-day " + first + " (or daily cycle) closes the day"));
        assertThat(early.jobs()).extracting(DayJobOutcome::job).containsExactly(JobName.ALLOCATE_PAYMENTS);
        assertThat(businessDays.status(first)).contains(BusinessDays.Status.OPEN);
        assertThat(count("SELECT COUNT(*) FROM account_position")).isZero();
        assertThat(count("SELECT COUNT(*) FROM payout") + count("SELECT COUNT(*) FROM refund_payment")).isZero();
        assertThat(outbox()).as("no pain.001 for a day the bank has not confirmed").isEmpty();

        // when the next day's files arrive while the first day's statement still has not
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.notificationFileName(second),
                DemoDataGenerator.statementFileName(second)));
        DayReport next = cycle.run(second);

        // then the first day is not closed behind the operators' back: the next waits behind it
        assertThat(next.waiting().day()).isEqualTo(first);
        assertThat(next.waiting().behind()).containsExactly(second);
        assertThat(next.attention().get(0)).contains(first + " is waiting for its statement").contains("(" + second
                + " waits behind it)");
        assertThat(businessDays.status(first)).contains(BusinessDays.Status.OPEN);
        assertThat(businessDays.status(second)).contains(BusinessDays.Status.OPEN);

        // when the statement arrives and the first day is run again, then the second
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.statementFileName(first)));
        DayReport late = cycle.run(first);
        DayReport then = cycle.run(second);

        // then both closed, and the books are those of a run where every statement came on time
        assertThat(late.closed()).as(late.toString()).isTrue();
        assertThat(late.waiting()).isNull();
        assertThat(then.closed()).as(then.toString()).isTrue();
        Map<String, List<String>> lateBooks = digest();
        GeneratedDays.emptyBooks(jdbc, home);
        for (LocalDate day : List.of(first, second)) {
            GeneratedDays.deliver(generated, home.inbox(), GeneratedDays.arriving(day, day.equals(first)));
            assertThat(cycle.run(day).closed()).isTrue();
        }
        assertThat(lateBooks).isEqualTo(digest());
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private List<String> outbox() throws IOException {
        try (Stream<Path> files = Files.list(home.outbox())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** What the books say, by business keys (no generated ids, no times), and the pain.001 files' SHA-256. */
    private Map<String, List<String>> digest() throws IOException {
        Map<String, List<String>> digest = new LinkedHashMap<>();
        digest.put("ledger", jdbc.query("SELECT e.booking_date, e.event_type, e.reference, l.line_no, l.account, l.currency,"
                + " l.side, l.amount_minor FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id WHERE e.posted = 1"
                + " ORDER BY e.event_type, e.reference, l.line_no", (rs, row) -> rowText(rs, 8)));
        digest.put("positions", jdbc.query("SELECT * FROM account_position ORDER BY business_date, account, currency",
                (rs, row) -> rowText(rs, rs.getMetaData().getColumnCount())));
        digest.put("payouts", jdbc.query("SELECT * FROM payout ORDER BY business_date, client_id, currency",
                (rs, row) -> rowText(rs, rs.getMetaData().getColumnCount())));
        digest.put("refunds", jdbc.query("SELECT * FROM refund_payment ORDER BY refund_id",
                (rs, row) -> rowText(rs, rs.getMetaData().getColumnCount())));
        digest.put("days", jdbc.query("SELECT business_date, status, closed_without_statement FROM business_day"
                + " ORDER BY business_date", (rs, row) -> rowText(rs, 3)));
        digest.put("safeguarding", jdbc.query("SELECT business_date, currency, requirement_minor, resource_minor, status"
                + " FROM safeguarding ORDER BY business_date, currency", (rs, row) -> rowText(rs, 5)));
        List<String> files = new ArrayList<>();
        for (String name : outbox()) {
            files.add(name + " " + Sha256.of(home.outbox().resolve(name)));
        }
        digest.put("outbox", files);
        return digest;
    }

    private static String rowText(java.sql.ResultSet rs, int columns) throws java.sql.SQLException {
        StringBuilder text = new StringBuilder();
        for (int column = 1; column <= columns; column++) {
            text.append(column == 1 ? "" : "|").append(rs.getString(column));
        }
        return text.toString();
    }
}
