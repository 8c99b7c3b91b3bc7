package se.clientfunds.day;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
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
import se.clientfunds.generator.BankSimulator;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.outcome.InputError;
import se.clientfunds.reconciliation.BreakType;
import se.clientfunds.reconciliation.ReconciliationQueries;
import se.clientfunds.reports.DailyReports;
import se.clientfunds.reports.ReportChain;
import se.clientfunds.reports.ReportPublication;
import se.clientfunds.reports.ReportVersions;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;

/**
 * A statement that arrives after its day closed without it (settlement.close.without-statement): the day is reconciled
 * again as a second run, the first kept; the day's reports get a second version beside the first, whose manifest says
 * what it supersedes; the first version still renders to its own bytes; the chain verifies from the day onward.
 */
@SpringBootTest(classes = JobsTestApplication.class, properties = {"settlement.close.without-statement=true",
        "settlement.home=target/it-home-closing-without-statements"})
class LateStatementIT {

    private static final String ACCOUNT = "SE4550000000058398257466";

    @Autowired
    DailyCycle cycle;

    @Autowired
    LateStatements lateStatements;

    @Autowired
    ReconciliationQueries reconciliation;

    @Autowired
    ReportVersions versions;

    @Autowired
    ReportPublication publication;

    @Autowired
    se.clientfunds.files.FileImports imports;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path generated;

    private LocalDate first;
    private LocalDate second;

    @BeforeEach
    void twoGeneratedDaysOnEmptyBooks() throws IOException {
        GeneratedDays.emptyBooks(jdbc, home);
        List<LocalDate> days = GeneratedDays.generate(calendar, DemoDataSettings.of(generated, 6, 2, 30, 3L).withAnomalyPerMille(0));
        first = days.get(0);
        second = days.get(1);
    }

    @Test
    void aLateStatementIsReconciledAsASecondRunWithANewVersionOfTheReportsAndHistoryKept() throws Exception {
        // given the first day closed without its statement: its payments are breaks, it failed reconciliation
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE,
                DemoDataGenerator.REFUNDS_FILE, DemoDataGenerator.notificationFileName(first)));
        DayReport closedEarly = cycle.run(first);
        assertThat(closedEarly.closed()).isTrue();
        assertThat(reconciliation.days(first).get(0).statementClosing()).isNull();
        List<ReconciliationQueries.Break> openInRun1 = reconciliation.breaks(first, 1);
        assertThat(openInRun1).isNotEmpty().allSatisfy(item -> assertThat(item.type()).isEqualTo(BreakType.MISSING_IN_BANK));
        Path version1 = home.reports().resolve(first.toString());
        Map<String, String> version1Files = versions.chain().hashes(first, 1);
        assertThat(Files.readString(version1.resolve(ReportChain.MANIFEST))).contains("\"version\" : 1");
        assertThatThrownBy(() -> lateStatements.reconcile(first)).isInstanceOf(InputError.class)
                .hasMessage("nothing new to reconcile for " + first + ": reconciliation run 1 had the statement of every"
                        + " client-funds account that has one for the day");

        // when the statement arrives and is imported, and the day is reconciled again
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.statementFileName(first)));
        Path statement = home.inbox().resolve(DemoDataGenerator.statementFileName(first));
        assertThat(lateStatements.waiting()).isEmpty();
        importStatement(statement);
        assertThat(lateStatements.waiting()).containsExactly(first);
        LateStatements.Outcome outcome = lateStatements.reconcile(first);

        // then run 2 matched the payments and cleared run 1's breaks; run 1 is kept as it was
        assertThat(outcome.failed()).as(outcome.toString()).isFalse();
        assertThat(outcome.run()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT CONCAT(run_no, ' ', status) FROM reconciliation_day WHERE business_date = ?"
                + " AND account_iban = ? ORDER BY run_no", String.class, Date.valueOf(first), ACCOUNT))
                .containsExactly("1 FAILED_RECONCILIATION", "2 RECONCILED");
        assertThat(reconciliation.breaks(first, 1)).isEqualTo(openInRun1);
        // what is left open is what the bank debits the next day: the day's payouts and refunds, in transit
        List<ReconciliationQueries.Break> openInRun2 = reconciliation.breaks(first, 2);
        assertThat(openInRun2).isNotEmpty().allSatisfy(item -> assertThat(item.inTransit()).as(item.toString()).isTrue());
        assertThat(reconciliation.days(first).get(0).clearedBreaks()).isEqualTo(openInRun1.size() - openInRun2.size());
        ReconciliationQueries.Break payment = openInRun1.stream().filter(item -> "PAYMENT_RECEIVED".equals(item.bookEvent()))
                .findFirst().orElseThrow();
        assertThat(reconciliation.history(payment.id())).extracting(ReconciliationQueries.BreakEvent::event)
                .containsExactly("OPENED", "CLEARED");

        // then the reports are a second version beside the first, which is untouched, naming what it supersedes
        assertThat(outcome.reports().kind()).isEqualTo(ReportPublication.Kind.NEW_VERSION);
        assertThat(outcome.reports().version()).isEqualTo(2);
        assertThat(versions.chain().hashes(first, 1)).isEqualTo(version1Files);
        Path version2 = version1.resolve("v2");
        String manifest = Files.readString(version2.resolve(ReportChain.MANIFEST));
        assertThat(manifest).contains("\"version\" : 2", "\"supersedes\"", "\"manifest\" : \"" + first + "/manifest.json\"",
                "\"reason\" : \"reconciliation run 2: late statement of " + ACCOUNT);
        assertThat(versions.chain().verify(first, versions.recorded())).isEmpty();

        // then version 1 still renders to its own bytes: it shows the day as run 1 left it
        ReportPublication.Outcome again = publication.publish(first);
        assertThat(again.kind()).isEqualTo(ReportPublication.Kind.SAME_BYTES);
        assertThat(again.version()).isEqualTo(2);
        Files.delete(version1.resolve(DailyReports.RECONCILIATION));
        assertThat(versions.chain().verify(first, versions.recorded()))
                .containsExactly(first + "/reconciliation.pdf is missing");

        // when the next day is run, then the chain from the first day onward still verifies
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.notificationFileName(second),
                DemoDataGenerator.statementFileName(second)));
        payTheSecondDaysOrders();
        DayReport next = cycle.run(second);
        assertThat(next.closed()).as(next.toString()).isTrue();
        assertThat(versions.chain().verify(second, versions.recorded())).containsExactly(first + "/reconciliation.pdf is missing");
    }

    @Test
    void runDayReconcilesAClosedDayWhoseStatementArrivedWithTheNextDaysFiles() throws Exception {
        // given the first day closed without its statement
        closeTheFirstDayWithoutItsStatement();

        // when its statement comes in with the next day's files
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.statementFileName(first),
                DemoDataGenerator.notificationFileName(second), DemoDataGenerator.statementFileName(second)));
        payTheSecondDaysOrders();
        DayReport next = cycle.run(second);

        // then the first day was reconciled again before the second ran, and its reports are a second version
        assertThat(next.late()).singleElement().satisfies(late -> {
            assertThat(late.businessDate()).isEqualTo(first);
            assertThat(late.run()).isEqualTo(2);
            assertThat(late.reports().version()).isEqualTo(2);
        });
        assertThat(reconciliation.days(first).get(0).reconciled()).isTrue();
        assertThat(next.closed()).isTrue();
        assertThat(home.reports().resolve(first.toString()).resolve("v2").resolve(ReportChain.MANIFEST)).exists();
        assertThat(versions.chain().verify(second, versions.recorded())).isEmpty();
    }

    @Test
    void lateStatementsOfTwoDaysAreReconciledInOrderAndAReportsVersionThatFailedIsFinishedByTheNextRun() throws Exception {
        // given both days closed without their statements
        closeTheFirstDayWithoutItsStatement();
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.notificationFileName(second)));
        assertThat(cycle.run(second).closed()).isTrue();

        // when both statements arrive, then the later day cannot be reconciled before the earlier one
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.statementFileName(first),
                DemoDataGenerator.statementFileName(second)));
        payTheSecondDaysOrders();
        LocalDate third = calendar.nextBankingDay(second);
        for (String name : List.of(DemoDataGenerator.statementFileName(first), DemoDataGenerator.statementFileName(second))) {
            assertThat(imports.importFile(home.inbox().resolve(name), third).status())
                    .isEqualTo(se.clientfunds.files.ImportOutcome.Status.IMPORTED);
        }
        assertThat(lateStatements.waiting()).containsExactly(first, second);
        assertThatThrownBy(() -> lateStatements.reconcile(second)).isInstanceOf(InputError.class)
                .hasMessage("the statement of the earlier day " + first + " also came late and is not reconciled yet: reconcile "
                        + first + " first (settle reconcile " + first + ")");

        // when the earlier day's new reports cannot be written (something in the way of its reconciliation.pdf)
        Path obstacle = home.reports().resolve(first.toString()).resolve("v2").resolve(DailyReports.RECONCILIATION);
        Files.createDirectories(obstacle);
        Files.writeString(obstacle.resolve("keep"), "in the way");
        LateStatements.Outcome blocked = lateStatements.reconcile(first);

        // then its reconciliation stands and the failure says how it is finished
        assertThat(blocked.run()).isEqualTo(2);
        assertThat(blocked.reconciliation().status()).isEqualTo(DayJobOutcome.Status.COMPLETED);
        assertThat(blocked.failed()).isTrue();
        assertThat(blocked.reportsFailure()).contains("settle reports " + first + " finishes them");

        // when the obstacle is gone and the next day is run
        se.clientfunds.testing.TestFolders.empty(obstacle);
        Files.delete(obstacle);
        GeneratedDays.deliver(generated, home.inbox(), List.of());
        DayReport next = cycle.run(third);

        // then the first day's version 2 was finished, the second day reconciled again after it, and the chain verifies
        assertThat(next.reportsBehind()).extracting(ReportPublication.Outcome::businessDate).containsExactly(first);
        assertThat(next.late()).extracting(LateStatements.Outcome::businessDate).containsExactly(second);
        assertThat(reconciliation.days(first).get(0).reconciled()).isTrue();
        assertThat(reconciliation.days(second).get(0).reconciled()).isTrue();
        assertThat(home.reports().resolve(first.toString()).resolve("v2").resolve(ReportChain.MANIFEST)).exists();
        assertThat(home.reports().resolve(second.toString()).resolve("v2").resolve(ReportChain.MANIFEST)).exists();
        assertThat(versions.chain().verify(second, versions.recorded())).isEmpty();
    }

    @Test
    void aLaterDayReconciledWhileAnEarlierStatementWasMissingIsReconciledAgainAfterIt() throws Exception {
        // given the first day closed without its statement, and the second reconciled with its own statement
        closeTheFirstDayWithoutItsStatement();
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.notificationFileName(second),
                DemoDataGenerator.statementFileName(second)));
        payTheSecondDaysOrders();
        assertThat(cycle.run(second).closed()).isTrue();
        // the first day's receipts are still open in the second day's run: its statement has not come
        List<Long> openOnSecond = reconciliation.breaks(second, 1).stream()
                .filter(item -> "PAYMENT_RECEIVED".equals(item.bookEvent())).map(ReconciliationQueries.Break::id).toList();
        assertThat(openOnSecond).isNotEmpty();
        assertThat(reconciliation.days(second).get(0).reconciled()).isFalse();

        // when the first day's statement arrives, then only the first day waits: the second is not stale yet
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.statementFileName(first)));
        LocalDate third = calendar.nextBankingDay(second);
        assertThat(imports.importFile(home.inbox().resolve(DemoDataGenerator.statementFileName(first)), third).status())
                .isEqualTo(se.clientfunds.files.ImportOutcome.Status.IMPORTED);
        assertThat(lateStatements.waiting()).containsExactly(first);
        GeneratedDays.deliver(generated, home.inbox(), List.of());
        DayReport next = cycle.run(third);

        // then the first day was reconciled again, which cleared the receipts, and so the second day after it
        assertThat(next.late()).extracting(LateStatements.Outcome::businessDate).containsExactly(first, second);
        assertThat(next.late()).allSatisfy(late -> {
            assertThat(late.failed()).as(late.toString()).isFalse();
            assertThat(late.run()).isEqualTo(2);
            assertThat(late.reports().version()).isEqualTo(2);
        });
        assertThat(reconciliation.breaks(second, 2)).extracting(ReconciliationQueries.Break::id).doesNotContainAnyElementsOf(openOnSecond);
        assertThat(reconciliation.breaks(second, 1)).extracting(ReconciliationQueries.Break::id).containsAll(openOnSecond);
        assertThat(reconciliation.days(first).get(0).reconciled()).isTrue();
        assertThat(reconciliation.days(second).get(0).reconciled()).isTrue();
        assertThat(Files.readString(home.reports().resolve(second.toString()).resolve("v2").resolve(ReportChain.MANIFEST)))
                .contains("breaks it left open were cleared since by an earlier day's late statement");
        assertThat(lateStatements.waiting()).isEmpty();
        assertThat(versions.chain().verify(third, versions.recorded())).isEmpty();
    }

    @Test
    void everyVersionOfEveryReportRepeatsToTheByteOnFreshBooks() throws Exception {
        // given the late-statement days run twice on empty books, ids and sequences starting over as on a new database
        Map<String, String> firstTime = runWithALateStatement();
        Map<String, String> secondTime = runWithALateStatement();

        // then both runs wrote the same files, version 2 included, with the same bytes
        assertThat(firstTime.keySet()).contains(first + "/v2/" + DailyReports.SAFEGUARDING, first + "/v2/" + DailyReports.POSITIONS,
                first + "/" + DailyReports.SAFEGUARDING, second + "/" + DailyReports.RECONCILIATION);
        assertThat(secondTime).isEqualTo(firstTime);
    }

    /** The first day closed without its statement, reconciled again when it comes with the next day's files. */
    private Map<String, String> runWithALateStatement() throws Exception {
        GeneratedDays.emptyBooks(jdbc, home);
        for (String sequence : List.of("BATCH_JOB_EXECUTION_SEQ", "BATCH_JOB_INSTANCE_SEQ", "BATCH_STEP_EXECUTION_SEQ",
                "journal_entry_seq")) {
            jdbc.execute("ALTER SEQUENCE " + sequence + " RESTART");
        }
        closeTheFirstDayWithoutItsStatement();
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.statementFileName(first),
                DemoDataGenerator.notificationFileName(second), DemoDataGenerator.statementFileName(second)));
        payTheSecondDaysOrders();
        assertThat(cycle.run(second).closed()).isTrue();
        Map<String, String> hashes = new java.util.TreeMap<>();
        try (var files = Files.walk(home.reports())) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .toList()) {
                hashes.put(home.reports().relativize(file).toString(), se.clientfunds.files.Sha256.of(file));
            }
        }
        // audit.pdf records when things ran, and the manifests hash it: the financial reports must repeat (as ReportsJobIT)
        hashes.keySet().removeIf(name -> name.endsWith(DailyReports.AUDIT) || name.endsWith(ReportChain.MANIFEST));
        return hashes;
    }

    /** The first day's files without its statement, run and closed without it. */
    private void closeTheFirstDayWithoutItsStatement() throws Exception {
        GeneratedDays.deliver(generated, home.inbox(), List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE,
                DemoDataGenerator.REFUNDS_FILE, DemoDataGenerator.notificationFileName(first)));
        assertThat(cycle.run(first).closed()).isTrue();
    }

    /** The bank debits the payouts and refunds ordered so far on the second day's statement in the inbox. */
    private void payTheSecondDaysOrders() throws Exception {
        new BankSimulator().executePaymentOrders(home.outbox(), second,
                home.inbox().resolve(DemoDataGenerator.statementFileName(second)));
    }

    /** As {@code settle import FILE} does without a date: on the first open day, the day after the closed one. */
    private void importStatement(Path statement) throws Exception {
        assertThat(imports.importFile(statement, second).status()).isEqualTo(se.clientfunds.files.ImportOutcome.Status.IMPORTED);
    }
}
