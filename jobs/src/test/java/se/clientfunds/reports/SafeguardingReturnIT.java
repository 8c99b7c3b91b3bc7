package se.clientfunds.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.day.DayReport;
import se.clientfunds.files.Sha256;
import se.clientfunds.generator.BankSimulator;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code reportsJob} across a month end: 28, 29 and 30 January 2026 and 2 February. The return is written with the
 * reports of the 30th, the month's last banking day, from the month's safeguarding rows, and on no other day.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class SafeguardingReturnIT {

    private static final LocalDate LAST_OF_JANUARY = LocalDate.of(2026, 1, 30);

    @Autowired
    DailyCycle cycle;

    @Autowired
    DailyReports reports;

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

    @Test
    void theLastBankingDayOfTheMonthWritesTheReturnFromTheMonthsSafeguarding() throws Exception {
        // given four generated days across the month end, run through the daily cycle on empty books
        DemoDataSettings settings = DemoDataSettings.of(generated, 5, 4, 20, 1L).withStart(LocalDate.of(2026, 1, 28));
        new DemoDataGenerator(calendar).generate(settings);
        List<LocalDate> days = new ArrayList<>(List.of(calendar.onOrAfter(settings.start())));
        while (days.size() < 4) {
            days.add(calendar.nextBankingDay(days.get(days.size() - 1)));
        }
        assertThat(days).containsExactly(LocalDate.of(2026, 1, 28), LocalDate.of(2026, 1, 29), LAST_OF_JANUARY,
                LocalDate.of(2026, 2, 2));

        // when
        runDays(days);

        // then only the 30th's folder holds the return, and its manifest lists it
        for (LocalDate day : days) {
            Path folder = home.reports().resolve(day.toString());
            boolean monthEnd = day.equals(LAST_OF_JANUARY);
            assertThat(reports.closesMonth(day)).as(day.toString()).isEqualTo(monthEnd);
            assertThat(Files.exists(folder.resolve(DailyReports.SAFEGUARDING_RETURN))).as(day.toString()).isEqualTo(monthEnd);
            assertThat(Files.exists(folder.resolve(DailyReports.SAFEGUARDING_RETURN_WORKBOOK))).as(day.toString())
                    .isEqualTo(monthEnd);
        }
        Path folder = home.reports().resolve(LAST_OF_JANUARY.toString());
        JsonNode manifest = JsonMapper.builder().build().readTree(folder.resolve(ReportChain.MANIFEST).toFile());
        List<String> listed = new ArrayList<>();
        manifest.get("files").forEach(file -> listed.add(file.get("name").asString() + " " + file.get("sha256").asString()));
        assertThat(listed).contains(
                DailyReports.SAFEGUARDING_RETURN + " " + Sha256.of(folder.resolve(DailyReports.SAFEGUARDING_RETURN)),
                DailyReports.SAFEGUARDING_RETURN_WORKBOOK + " " + Sha256.of(folder.resolve(DailyReports.SAFEGUARDING_RETURN_WORKBOOK)));
        assertThat(versions.chain().verify(days.get(3), versions.recorded())).isEmpty();

        // then the workbook has one row per January day, equal to the safeguarding table to the öre
        List<Map<String, Object>> safeguarding = jdbc.queryForList("SELECT business_date, currency, requirement_minor,"
                + " resource_minor, difference_minor, status FROM safeguarding WHERE business_date <= ?"
                + " ORDER BY currency, business_date", Date.valueOf(LAST_OF_JANUARY));
        assertThat(safeguarding).hasSize(3);
        try (InputStream in = Files.newInputStream(folder.resolve(DailyReports.SAFEGUARDING_RETURN_WORKBOOK));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("Days");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                Row row = sheet.getRow(i + 1);
                Map<String, Object> expected = safeguarding.get(i);
                assertThat(row.getCell(0).getLocalDateTimeCellValue().toLocalDate())
                        .isEqualTo(((Date) expected.get("business_date")).toLocalDate());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(expected.get("currency"));
                assertThat(minor(row, 2)).isEqualTo(((Number) expected.get("requirement_minor")).longValue());
                assertThat(minor(row, 3)).isEqualTo(((Number) expected.get("resource_minor")).longValue());
                assertThat(minor(row, 4)).isEqualTo(((Number) expected.get("difference_minor")).longValue());
                assertThat(row.getCell(5).getStringCellValue()).isEqualTo(expected.get("status"));
            }
            assertThat(workbook.getSheet("Summary").getDrawingPatriarch().getCharts()).hasSize(1);
        }

        // then the PDF names the month, its last banking day, the run, the clients with funds at month end
        long clients = jdbc.queryForObject("SELECT COUNT(*) FROM account_position WHERE business_date = ?"
                + " AND account_kind = 'CLIENT' AND closing_minor > 0", Long.class, Date.valueOf(LAST_OF_JANUARY));
        long runId = reports.runOf(LAST_OF_JANUARY, 1).orElseThrow();
        assertThat(ReportsJobIT.text(folder.resolve(DailyReports.SAFEGUARDING_RETURN))).contains(
                "Monthly safeguarding return, January 2026", "Business date 30 Jan 2026", "Job execution id " + runId,
                "Clients with funds at month end " + clients, DemoDataGenerator.statementFileName(days.get(0)),
                "Business days with safeguarding computed (SEK) 3");

        // then the month's breaks are counted and valued as the breaks' history and the last day's run say, the average
        // requirement is the month's days' average (half-even to the öre), and no sum of daily requirements appears
        Map<String, Object> opened = jdbc.queryForMap("SELECT COUNT(*) AS n, SUM(b.amount_minor) AS v FROM reconciliation_break_event e"
                + " JOIN reconciliation_break b ON b.id = e.break_id WHERE e.event = 'OPENED' AND e.business_date <= ?",
                Date.valueOf(LAST_OF_JANUARY));
        Map<String, Object> openAtEnd = jdbc.queryForMap("SELECT COUNT(*) AS n, SUM(b.amount_minor) AS v FROM reconciliation_open_break o"
                + " JOIN reconciliation_break b ON b.id = o.break_id WHERE o.business_date = ?", Date.valueOf(LAST_OF_JANUARY));
        long average = new java.math.BigDecimal(safeguarding.stream().mapToLong(row -> ((Number) row.get("requirement_minor"))
                .longValue()).sum()).divide(java.math.BigDecimal.valueOf(safeguarding.size()), 0, java.math.RoundingMode.HALF_EVEN)
                .longValueExact();
        String returnText = ReportsJobIT.text(folder.resolve(DailyReports.SAFEGUARDING_RETURN));
        assertThat(returnText).contains("Breaks opened in the month, number " + opened.get("n"),
                "Breaks opened in the month, value " + english((Number) opened.get("v")),
                "Breaks open at month end, number " + openAtEnd.get("n"),
                "Breaks open at month end, value " + english((Number) openAtEnd.get("v")),
                "Average requirement " + english(average), "SE4550000000058398257466");
        long requirementSum = safeguarding.stream().mapToLong(row -> ((Number) row.get("requirement_minor")).longValue()).sum();
        assertThat(returnText).doesNotContain(english(requirementSum));

        // when the same days run again on fresh books and folders, then the return repeats to the byte
        String pdf = Sha256.of(folder.resolve(DailyReports.SAFEGUARDING_RETURN));
        String workbook = Sha256.of(folder.resolve(DailyReports.SAFEGUARDING_RETURN_WORKBOOK));
        runDays(days);
        assertThat(Sha256.of(folder.resolve(DailyReports.SAFEGUARDING_RETURN))).isEqualTo(pdf);
        assertThat(Sha256.of(folder.resolve(DailyReports.SAFEGUARDING_RETURN_WORKBOOK))).isEqualTo(workbook);
    }

    /** Runs the days on empty books and folders, sequences restarted as on a new database (job ids repeat). */
    private void runDays(List<LocalDate> days) throws Exception {
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
            DayReport report = cycle.run(day);
            assertThat(report.failed()).as(report.toString()).isFalse();
        }
    }

    private static long minor(Row row, int column) {
        return new BigDecimal(Double.toString(row.getCell(column).getNumericCellValue())).movePointRight(2)
                .longValueExact();
    }

    /** An amount in minor units as the English reports print it: 1,234.50. */
    private static String english(Number minor) {
        return new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ENGLISH))
                .format(java.math.BigDecimal.valueOf(minor.longValue(), 2));
    }
}
