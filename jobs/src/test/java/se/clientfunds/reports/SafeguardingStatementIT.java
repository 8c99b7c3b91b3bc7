package se.clientfunds.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
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
import se.clientfunds.day.SafeguardingActionRecording;
import se.clientfunds.generator.BankSimulator;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.outcome.InputError;
import se.clientfunds.reconciliation.ReconciliationQueries;
import se.clientfunds.reconciliation.SafeguardingActions;
import se.clientfunds.report.Amount;
import se.clientfunds.report.pdf.Notice;
import se.clientfunds.report.pdf.SafeguardingMethod;
import se.clientfunds.report.pdf.SafeguardingPosition;
import se.clientfunds.report.pdf.SafeguardingReport;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;

/**
 * The safeguarding statement as an examiner reads it: payments in transit are owed, the difference is explained to the
 * öre, the resource is shown per account at the statement's time, and a shortfall gets an action recorded, shown on the
 * day's statement as a new version; until it has one, every later report flags it.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class SafeguardingStatementIT {

    @Autowired
    DailyCycle cycle;

    @Autowired
    DayReportRecords records;

    @Autowired
    ReportVersions versions;

    @Autowired
    SafeguardingActionRecording recording;

    @Autowired
    ReconciliationQueries reconciliation;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path generated;

    private List<LocalDate> days;

    @BeforeEach
    void threeGeneratedDaysWithReceiptsThatNeverReachTheStatement() throws IOException {
        GeneratedDays.emptyBooks(jdbc, home);
        days = GeneratedDays.generate(calendar, DemoDataSettings.of(generated, 8, 3, 40, 3L).withAnomalyPerMille(150));
    }

    @Test
    void paymentsInTransitAreOwedAndTheScheduleExplainsTheDifference() throws Exception {
        // given the first day run: its payouts and refunds are paid in the books, debited by the bank the next day
        LocalDate first = days.get(0);
        run(first);

        // when
        SafeguardingReport report = records.safeguarding(versions.latest(first).orElseThrow());

        // then the requirement holds the payments in transit, exactly the payouts and refunds the statement lacks
        SafeguardingPosition sek = report.positions().get(0);
        long inTransit = reconciliation.breaks(first).stream().filter(ReconciliationQueries.Break::inTransit)
                .mapToLong(item -> item.amount().minorUnits()).sum();
        assertThat(inTransit).isPositive();
        assertThat(sek.inTransit().minor()).isEqualTo(inTransit);
        assertThat(sek.requirement().minor()).isEqualTo(sek.client().minor() + sek.unallocated().minor() + sek.debtorCredit().minor()
                + inTransit);
        // and the schedule adds up to resource − client money, the excess or shortfall is it less what is in transit
        assertThat(sek.schedule().total()).isEqualTo(sek.resource().minus(sek.clientMoney()));
        assertThat(sek.schedule().excessOrShortfall()).isEqualTo(sek.difference());
        assertThat(sek.schedule().unexplained().minor()).isZero();
        assertThat(sek.schedule().firmFees().minor()).isEqualTo(jdbc.queryForObject("SELECT closing_minor FROM account_position"
                + " WHERE business_date = ? AND account = 'PLATFORM_FEES'", Long.class, Date.valueOf(first)));
        // and the resource is the account's statement at the time the bank gives for it
        assertThat(report.resources()).hasSize(2).first().satisfies(resource -> {
            assertThat(resource.iban()).isEqualTo("SE4550000000058398257466");
            assertThat(resource.name()).isEqualTo("Client funds SEK (test)");
            assertThat(resource.closing()).isEqualTo(sek.resource());
            assertThat(resource.asOf()).startsWith(first.toString());
        });
        assertThat(report.resources().get(1).closing()).as("the account not in use has no statement").isNull();
        assertThat(report.method()).isEqualTo(SafeguardingMethod.SEGREGATION);
    }

    @Test
    void aShortfallWithoutAnActionIsFlaggedOnLaterReportsUntilOneIsRecordedAsANewVersionOfTheDay() throws Exception {
        // given a first day short (receipts notified but never on the statement, more than the fees on the account)
        LocalDate first = days.get(0);
        run(first);
        SafeguardingPosition shortOnFirst = records.safeguarding(versions.latest(first).orElseThrow()).positions().get(0);
        assertThat(shortOnFirst.difference().minor()).as("a shortfall on " + first).isNegative();

        // when the next day runs with no action recorded
        LocalDate second = days.get(1);
        run(second);

        // then every report of the second day flags the first day's shortfall
        ReportVersions.Version secondReports = versions.latest(second).orElseThrow();
        Notice.ShortfallWithoutAction flag = new Notice.ShortfallWithoutAction(first,
                Amount.of(-shortOnFirst.difference().minor(), "SEK"));
        assertThat(records.safeguarding(secondReports).header().notices()).contains(flag);
        assertThat(records.reconciliation(secondReports).header().notices()).contains(flag);

        // when an operator records the top-up about the first day
        assertThatThrownBy(() -> recording.record(first, "EUR", SafeguardingActions.Type.TOP_UP, "1.00", "x", "anna"))
                .isInstanceOf(InputError.class).hasMessageContaining("has no safeguarding position in EUR");
        assertThatThrownBy(() -> recording.record(first, null, SafeguardingActions.Type.TOP_UP, "1.5", "x", "anna"))
                .isInstanceOf(InputError.class).hasMessage("amount '1.5' must have exactly 2 decimals for SEK");
        String amount = se.clientfunds.money.Money.ofMinor(-shortOnFirst.difference().minor(), "SEK").toDecimalString();
        SafeguardingActionRecording.Outcome recorded = recording.record(first, null, SafeguardingActions.Type.TOP_UP, amount,
                "paid in from the firm's own account", "anna");

        // then the first day's reports are a second version that shows it, beside the first
        assertThat(recorded.reports().version()).isEqualTo(2);
        ReportVersions.Version second1 = versions.get(first, 2).orElseThrow();
        SafeguardingReport statement = records.safeguarding(second1);
        assertThat(statement.header().notices()).contains(new Notice.LaterVersion(2, Notice.VersionReason.SAFEGUARDING_ACTION, 1));
        assertThat(statement.actions()).singleElement().satisfies(action -> {
            assertThat(action.type()).isEqualTo(se.clientfunds.report.pdf.SafeguardingAction.Type.TOP_UP);
            assertThat(action.amount().minor()).isEqualTo(-shortOnFirst.difference().minor());
            assertThat(action.operator()).isEqualTo("anna");
            assertThat(action.reason()).isEqualTo("paid in from the firm's own account");
        });
        assertThat(records.safeguarding(versions.get(first, 1).orElseThrow()).actions()).as("version 1 as it was").isEmpty();
        assertThat(versions.chain().verify(second, versions.recorded())).isEmpty();

        // then the third day's reports no longer flag it, and the second day's stay as they were written
        LocalDate third = days.get(2);
        run(third);
        assertThat(records.safeguarding(versions.latest(third).orElseThrow()).header().notices())
                .noneMatch(notice -> notice instanceof Notice.ShortfallWithoutAction shortfall && shortfall.day().equals(first));
        assertThat(records.safeguarding(secondReports).header().notices()).contains(flag);
        // and the audit of the first day's new version lists the action, as the business day it concerns
        assertThat(records.audit(second1, List.of(), List.of(), versions.previousOf(second1)).operatorActions())
                .anySatisfy(action -> {
                    assertThat(action.action()).isEqualTo("SAFEGUARDING_ACTION");
                    assertThat(action.concerns()).isEqualTo(first);
                    assertThat(action.who()).isEqualTo("anna");
                });
    }

    private void run(LocalDate day) throws IOException {
        GeneratedDays.deliver(generated, home.inbox(), GeneratedDays.arriving(day, day.equals(days.get(0))));
        new BankSimulator().executePaymentOrders(home.outbox(), day, home.inbox().resolve(DemoDataGenerator.statementFileName(day)));
        assertThat(cycle.run(day).closed()).isTrue();
    }
}
