package se.clientfunds.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.generator.BankSimulator;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.reconciliation.BreakType;
import se.clientfunds.reconciliation.ReconciliationDay;
import se.clientfunds.reconciliation.ReconciliationQueries;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;

/**
 * A day's reports show the day as it stood when it was reconciled: a break an operator resolves or explains later
 * stays open on that day's reports, which still render to the same bytes, and the resolution shows on the day it
 * belongs to. A second explanation is added to the break's history, not written over the first.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class PointInTimeReportsIT {

    @Autowired
    DailyCycle cycle;

    @Autowired
    DailyReports reports;

    @Autowired
    ReportVersions versions;

    @Autowired
    ReportPublication publication;

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

    @TempDir
    Path scratch;

    private LocalDate first;
    private LocalDate second;

    @BeforeEach
    void twoGeneratedDaysWithAnomalies() throws IOException {
        GeneratedDays.emptyBooks(jdbc, home);
        List<LocalDate> days = GeneratedDays.generate(calendar, DemoDataSettings.of(generated, 10, 2, 60, 7L).withAnomalyPerMille(200));
        first = days.get(0);
        second = days.get(1);
    }

    @Test
    void aBreakResolvedLaterStaysOpenOnTheDaysReportsAndShowsOnTheDayItBelongsTo() throws Exception {
        // given the first day reconciled, with breaks open
        run(first);
        List<ReconciliationQueries.Break> open = reconciliation.breaks(first);
        ReconciliationQueries.Break resolved = open.stream().filter(item -> item.type() == BreakType.MISSING_IN_BOOKS)
                .findFirst().orElseThrow();
        ReconciliationQueries.Break explained = open.stream().filter(item -> item.id() != resolved.id()
                && item.type() == BreakType.MISSING_IN_BANK && !item.inTransit()).findFirst().orElseThrow();
        Map<String, String> written = versions.chain().hashes(first, 1);

        // when, before the second day runs, an operator resolves one break and explains another twice
        reconciliation.act(resolved.id(), true, "anna", "bank fee, booked as a correction on the next day");
        reconciliation.act(explained.id(), false, "anna", "payer says the money left on Friday");
        reconciliation.act(explained.id(), false, "bo", "bank confirms it arrives Monday");

        // then the first day's reports still show both open and render to the same bytes; no new version is due
        assertThat(reconciliation.breaks(first)).extracting(ReconciliationQueries.Break::id).contains(resolved.id(), explained.id());
        reports.renderInto(versions.get(first, 1).orElseThrow(), new ReportChain(scratch));
        assertThat(new ReportChain(scratch).hashes(first, 1)).isEqualTo(written);
        assertThat(publication.publish(first).kind()).isEqualTo(ReportPublication.Kind.SAME_BYTES);
        assertThat(versions.chain().hashes(first, 1)).isEqualTo(written);

        // when the second day runs
        run(second);

        // then the resolution is the second day's: counted as cleared there, listed in its audit, not the first's
        ReconciliationDay secondDay = reconciliation.days(second).get(0);
        assertThat(reconciliation.breaks(second)).extracting(ReconciliationQueries.Break::id).doesNotContain(resolved.id());
        assertThat(secondDay.resolvedByOperators().minorUnits()).isEqualTo(-resolved.amount().minorUnits());
        assertThat(ReportsJobIT.text(home.reports().resolve(second.toString()).resolve(DailyReports.AUDIT)))
                .contains("Break resolved", "break " + resolved.id(), "bank fee, booked as a correction on the next day");
        assertThat(ReportsJobIT.text(home.reports().resolve(first.toString()).resolve(DailyReports.AUDIT)))
                .doesNotContain("Break resolved");

        // then both explanations are in the break's history and on the second day, oldest first
        assertThat(reconciliation.history(explained.id())).extracting(ReconciliationQueries.BreakEvent::event)
                .containsExactly("OPENED", "EXPLAINED", "EXPLAINED");
        assertThat(reconciliation.breaks(second).stream().filter(item -> item.id() == explained.id()).findFirst().orElseThrow()
                .explanation()).isEqualTo("anna (" + second + "): payer says the money left on Friday; bo (" + second
                + "): bank confirms it arrives Monday");
        assertThat(versions.chain().verify(second, versions.recorded())).isEmpty();
    }

    private void run(LocalDate day) throws IOException {
        GeneratedDays.deliver(generated, home.inbox(), GeneratedDays.arriving(day, day.equals(first)));
        new BankSimulator().executePaymentOrders(home.outbox(), day, home.inbox().resolve(DemoDataGenerator.statementFileName(day)));
        assertThat(cycle.run(day).closed()).isTrue();
        assertThat(Files.exists(home.reports().resolve(day.toString()).resolve(ReportChain.MANIFEST))).isTrue();
    }
}
