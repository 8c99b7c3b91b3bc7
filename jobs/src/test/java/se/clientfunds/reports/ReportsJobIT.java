package se.clientfunds.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayReport;
import se.clientfunds.files.Sha256;
import se.clientfunds.generator.BankSimulator;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.jobs.JobName;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code reportsJob} in the daily cycle on two generated days: the reports show what the books hold, the manifests
 * chain, the same days on fresh books give the same bytes, and a run that fails half way finishes with the same bytes.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class ReportsJobIT {

    private static final List<String> FINANCIAL = List.of(DailyReports.POSITIONS, DailyReports.RECONCILIATION,
            DailyReports.RECONCILIATION_WORKBOOK, DailyReports.SAFEGUARDING);

    @Autowired
    DailyCycle cycle;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportVersions versions;

    @TempDir
    Path generated;

    private List<LocalDate> days;

    @BeforeEach
    void generateTwoDays() {
        DemoDataSettings settings = DemoDataSettings.of(generated, 5, 2, 30, 9L).withAnomalyPerMille(200);
        new DemoDataGenerator(calendar).generate(settings);
        LocalDate first = calendar.onOrAfter(settings.start());
        days = List.of(first, calendar.nextBankingDay(first));
    }

    @Test
    void twoDaysWriteReportsThatShowTheBooksChainTheirManifestsAndRepeatToTheByte() throws Exception {
        // given two generated days run through the daily cycle on empty books
        Map<String, String> firstRun = runBothDays(null);

        // then each day's folder holds the reports and the manifest, nothing half written
        for (LocalDate day : days) {
            try (Stream<Path> files = Files.list(home.reports().resolve(day.toString()))) {
                assertThat(files.map(file -> file.getFileName().toString()).sorted().toList()).containsExactly(
                        DailyReports.AML_ALERTS, DailyReports.AUDIT, ReportChain.MANIFEST, DailyReports.POSITIONS, DailyReports.RECONCILIATION,
                        DailyReports.RECONCILIATION_WORKBOOK, DailyReports.SAFEGUARDING);
            }
        }
        LocalDate second = days.get(1);
        Path folder = home.reports().resolve(second.toString());

        // then positions.xlsx holds the close's positions, to the öre
        Map<String, Object> bank = jdbc.queryForMap("SELECT account, closing_minor FROM account_position WHERE business_date = ?"
                + " AND account_kind = 'BANK' ORDER BY account LIMIT 1", Date.valueOf(second));
        Map<String, Object> unallocated = jdbc.queryForMap("SELECT closing_minor FROM account_position WHERE business_date = ?"
                + " AND account = 'UNALLOCATED'", Date.valueOf(second));
        long movements = jdbc.queryForObject("SELECT COUNT(*) FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " WHERE e.posted = 1 AND e.booking_date > ? AND e.booking_date <= ?", Long.class, Date.valueOf(days.get(0)),
                Date.valueOf(second));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(folder.resolve(DailyReports.POSITIONS)))) {
            Sheet positions = workbook.getSheet("Positions");
            assertThat(closing(positions, (String) bank.get("account"))).isEqualTo(((Number) bank.get("closing_minor")).longValue());
            assertThat(closing(positions, "UNALLOCATED")).isEqualTo(((Number) unallocated.get("closing_minor")).longValue());
            assertThat(workbook.getSheet("Movements").getLastRowNum()).as("one row per journal line of the day")
                    .isEqualTo(movements);
        }

        // then safeguarding.pdf shows the day's requirement and resource, its run and its inputs
        Map<String, Object> safeguarding = jdbc.queryForMap("SELECT requirement_minor, resource_minor, status FROM safeguarding"
                + " WHERE business_date = ? AND currency = 'SEK'", Date.valueOf(second));
        long runId = jdbc.queryForObject("SELECT MIN(x.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION x JOIN BATCH_JOB_INSTANCE i"
                + " ON i.JOB_INSTANCE_ID = x.JOB_INSTANCE_ID JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = x.JOB_EXECUTION_ID"
                + " WHERE i.JOB_NAME = 'reportsJob' AND p.PARAMETER_VALUE = ?", Long.class, second.toString());
        String safeguardingText = text(folder.resolve(DailyReports.SAFEGUARDING));
        assertThat(safeguardingText).contains(english((Number) safeguarding.get("requirement_minor")),
                english((Number) safeguarding.get("resource_minor")), (String) safeguarding.get("status"),
                "Job execution id " + runId, DemoDataGenerator.statementFileName(second),
                jdbc.queryForObject("SELECT sha256 FROM imported_file WHERE status = 'IMPORTED' AND file_name = ?", String.class,
                        DemoDataGenerator.statementFileName(second)));
        assertThat(safeguardingText).contains("Prepared by", "Reviewed by");

        // then reconciliation.pdf shows the account and its statement's closing balance
        Map<String, Object> reconciled = jdbc.queryForMap("SELECT account_iban, statement_closing_minor FROM reconciliation_day"
                + " WHERE business_date = ? ORDER BY account_iban LIMIT 1", Date.valueOf(second));
        assertThat(text(folder.resolve(DailyReports.RECONCILIATION))).contains((String) reconciled.get("account_iban"),
                english((Number) reconciled.get("statement_closing_minor")));

        // then the second day's manifest lists its files and names the first day's manifest
        JsonNode manifest = JsonMapper.builder().build().readTree(folder.resolve(ReportChain.MANIFEST).toFile());
        Path firstManifest = home.reports().resolve(days.get(0).toString()).resolve(ReportChain.MANIFEST);
        assertThat(manifest.get("previousBusinessDate").asString()).isEqualTo(days.get(0).toString());
        assertThat(manifest.get("previousManifestSha256").asString()).isEqualTo(Sha256.of(firstManifest));
        // (files in name order: aml-alerts.xlsx, audit.pdf, positions.xlsx, ...)
        assertThat(manifest.get("files").get(2).get("name").asString()).isEqualTo(DailyReports.POSITIONS);
        assertThat(manifest.get("files").get(2).get("sha256").asString()).isEqualTo(Sha256.of(folder.resolve(DailyReports.POSITIONS)));
        // and audit.pdf says what ran for the day and what went out, with the reports' SHA-256
        assertThat(text(folder.resolve(DailyReports.AUDIT))).contains("allocatePaymentsJob", "closeBusinessDayJob", "reconcileJob",
                "camt053-", Sha256.of(folder.resolve(DailyReports.POSITIONS)), "pain001-");
        assertThat(JsonMapper.builder().build().readTree(firstManifest.toFile()).get("previousManifestSha256").isNull()).isTrue();
        assertThat(versions.chain().verify(second, versions.recorded())).isEmpty();

        // when the same two days run again on fresh, empty books and folders
        Map<String, String> secondRun = runBothDays(null);

        // then every report has the same bytes
        assertThat(secondRun).hasSize(firstRun.size()).isEqualTo(firstRun);
    }

    @Test
    void aReportsRunThatFailsAfterPositionsFinishesWithTheSameBytes() throws Exception {
        // given the bytes of an uninterrupted run
        Map<String, String> uninterrupted = runBothDays(null);

        // when the same days run on fresh books, the second day's reconciliation.pdf blocked by a directory in its
        // place (a target the job cannot replace), and the day is run again once it is gone
        LocalDate second = days.get(1);
        Map<String, String> restarted = runBothDays(second);

        // then the restart completed the day and every report has the bytes of the uninterrupted run
        assertThat(restarted).isEqualTo(uninterrupted);
        assertThat(versions.chain().verify(second, versions.recorded())).isEmpty();
    }

    /**
     * Runs both days on empty books and folders (sequences restarted too, as on a new database, so job execution ids
     * repeat); with {@code blocked}, that day's reports fail after positions.xlsx first, then the day is run again.
     * Returns the SHA-256 of every report and manifest, by {@code date/name}.
     */
    private Map<String, String> runBothDays(LocalDate blocked) throws IOException {
        DatabaseReset.emptyAllTables(jdbc);
        for (String sequence : List.of("BATCH_JOB_EXECUTION_SEQ", "BATCH_JOB_INSTANCE_SEQ", "BATCH_STEP_EXECUTION_SEQ",
                "journal_entry_seq")) {
            jdbc.execute("ALTER SEQUENCE " + sequence + " RESTART");
        }
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox(), home.reports());
        BankSimulator bank = new BankSimulator();
        for (LocalDate day : days) {
            GeneratedDays.deliver(generated, home.inbox(), GeneratedDays.arriving(day, day.equals(days.get(0))));
            bank.executePaymentOrders(home.outbox(), day, home.inbox().resolve(DemoDataGenerator.statementFileName(day)));
            Path obstacle = home.reports().resolve(day.toString()).resolve(DailyReports.RECONCILIATION);
            if (day.equals(blocked)) {
                Files.createDirectories(obstacle);
                Files.writeString(obstacle.resolve("keep"), "in the way");
            }
            DayReport report = cycle.run(day);
            if (day.equals(blocked)) {
                DayJobOutcome reports = report.jobs().get(report.jobs().size() - 1);
                assertThat(reports.job()).isEqualTo(JobName.REPORTS);
                assertThat(reports.status()).as(reports.toString()).isEqualTo(DayJobOutcome.Status.FAILED);
                Path positions = home.reports().resolve(day.toString()).resolve(DailyReports.POSITIONS);
                assertThat(positions).isRegularFile();
                String positionsBefore = Sha256.of(positions);
                assertThat(home.reports().resolve(day.toString()).resolve(ReportChain.MANIFEST)).doesNotExist();
                TestFolders.empty(obstacle);
                Files.delete(obstacle);

                report = cycle.run(day);
                DayJobOutcome restarted = report.jobs().get(report.jobs().size() - 1);
                assertThat(restarted.job()).isEqualTo(JobName.REPORTS);
                assertThat(restarted.status()).as(restarted.toString()).isEqualTo(DayJobOutcome.Status.COMPLETED);
                assertThat(Sha256.of(positions)).as("positions.xlsx after the restart").isEqualTo(positionsBefore);
            }
            assertThat(report.failed()).as(report.toString()).isFalse();
        }
        Map<String, String> hashes = new TreeMap<>();
        for (LocalDate day : days) {
            // audit.pdf records when things ran, and the manifest hashes it: only the financial reports must repeat
            for (String name : FINANCIAL) {
                hashes.put(day + "/" + name, Sha256.of(home.reports().resolve(day.toString()).resolve(name)));
            }
        }
        assertThat(hashes.keySet().stream().filter(key -> FINANCIAL.stream().anyMatch(key::endsWith))).hasSize(8);
        return hashes;
    }

    /** The closing balance in minor units of the account's row on the positions sheet. */
    private static long closing(Sheet positions, String account) {
        List<String> seen = new ArrayList<>();
        int closing = -1;
        for (org.apache.poi.ss.usermodel.Cell heading : positions.getRow(0)) {
            if ("Closing".equals(heading.getStringCellValue())) {
                closing = heading.getColumnIndex();
            }
        }
        for (Row row : positions) {
            if (row.getRowNum() > 0 && account.equals(row.getCell(0).getStringCellValue())) {
                return Math.round(row.getCell(closing).getNumericCellValue() * 100);
            }
            seen.add(row.getCell(0) == null ? "" : row.getCell(0).toString());
        }
        throw new AssertionError(account + " is not on the positions sheet: " + seen);
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replace("\r\n", "\n");
        }
    }

    /** An amount in minor units of SEK as the English reports print it: 1,234.50. */
    private static String english(Number minor) {
        return String.format(Locale.ENGLISH, "%,.2f", java.math.BigDecimal.valueOf(minor.longValue(), 2));
    }
}
