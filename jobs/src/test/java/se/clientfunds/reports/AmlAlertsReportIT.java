package se.clientfunds.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
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
import se.clientfunds.day.DayReport;
import se.clientfunds.files.Sha256;
import se.clientfunds.generator.BankSimulator;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.money.Money;
import se.clientfunds.monitoring.AlertRule;
import se.clientfunds.monitoring.Alerts;
import se.clientfunds.monitoring.AmlAlerts;
import se.clientfunds.monitoring.Filings;
import se.clientfunds.monitoring.NewAlert;
import se.clientfunds.monitoring.PaymentHolds;
import se.clientfunds.monitoring.PaymentToScreen;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * aml-alerts.xlsx and the day's goAML filings in the daily cycle: on the second of two generated days, with alerts of
 * the first day worked by analysts in between (one escalated and filed, one in review with its payment held, one
 * closed), the day's workbook lists the day's alerts and the open ones, their evidence, the held payment and the
 * filing; the filing is in the day's manifest with its SHA-256 and in audit.pdf; what analysts do afterwards does not
 * change the day's reports; and a filing changed on disk breaks the chain.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class AmlAlertsReportIT {

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

    @Autowired
    ReportPublication publication;

    @Autowired
    AmlAlerts amlAlerts;

    @Autowired
    Alerts alerts;

    @Autowired
    Filings filings;

    @Autowired
    PaymentHolds holds;

    @TempDir
    Path generated;

    private LocalDate first;
    private LocalDate second;
    private final BankSimulator bank = new BankSimulator();

    @BeforeEach
    void generateTwoDaysOnEmptyBooks() throws IOException {
        DemoDataSettings settings = DemoDataSettings.of(generated, 5, 2, 30, 9L).withAnomalyPerMille(200);
        new DemoDataGenerator(calendar).generate(settings);
        first = calendar.onOrAfter(settings.start());
        second = calendar.nextBankingDay(first);
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.inbox(), home.archive(), home.quarantine(), home.outbox(), home.reports(), home.filings());
    }

    @Test
    void theSecondDaysWorkbookListsTheDaysAndTheOpenAlertsTheHeldPaymentAndTheFilingThatItsManifestChains()
            throws IOException {
        // given the first day run, and three alerts on three of its payments worked through on the second (open) day:
        // one escalated and filed, one taken into review with its payment held, one closed as a false positive
        run(first);
        List<Map<String, Object>> payments = jdbc.queryForList("SELECT t.account_iban, t.bank_reference, t.amount_minor,"
                + " t.booking_date, t.counterparty_name FROM bank_transaction t JOIN imported_file f ON f.id = t.import_id"
                + " WHERE t.is_payment = 1 AND t.direction = 'C' AND t.currency = 'SEK' AND t.counterparty_name IS NOT NULL"
                + " AND f.business_date = ?"
                + " ORDER BY t.account_iban, t.bank_reference LIMIT 3", Date.valueOf(first));
        long filed = raise(payments.get(0), AlertRule.LARGE_PAYMENT, NewAlert.Severity.HIGH);
        long inReview = raise(payments.get(1), AlertRule.ROUND_AMOUNT, NewAlert.Severity.LOW);
        long closed = raise(payments.get(2), AlertRule.ROUND_AMOUNT, NewAlert.Severity.LOW);
        alerts.escalate(filed, "karin", "the payer's business does not explain the amount");
        Filings.Filing filing = filings.file(filed, "karin", "reported to the FIU");
        alerts.assign(inReview, "per", "looking into it");
        Map<String, Object> heldPayment = payments.get(1);
        holds.hold(new PaymentToScreen((String) heldPayment.get("account_iban"), (String) heldPayment.get("bank_reference"),
                Money.ofMinor(((Number) heldPayment.get("amount_minor")).longValue(), "SEK"),
                ((Date) heldPayment.get("booking_date")).toLocalDate(), (String) heldPayment.get("counterparty_name"), ""),
                inReview, second, "SANCTIONS_HOLD: held for the test");
        alerts.close(closed, "per", "a known client's yearly payment");

        // when the second day runs
        run(second);

        // then the filing is dated and filed by the day it was made on, and recorded for that day
        String filingPath = "filings/" + second + "/goaml-STR-" + filed + ".xml";
        assertThat(filing.file()).isEqualTo(home.filings().resolve(second.toString()).resolve("goaml-STR-" + filed + ".xml"));
        assertThat(Files.readString(filing.file())).contains("<submission_date>" + second);
        Path folder = home.reports().resolve(second.toString());
        Path workbookFile = folder.resolve(DailyReports.AML_ALERTS);
        assertThat(workbookFile).isRegularFile();
        assertThat(home.reports().resolve(first.toString()).resolve(DailyReports.AML_ALERTS)).isRegularFile();

        // then the workbook: every alert of the day and every open one, as the database has them, and not the filed or
        // the closed alert of the day before
        List<Long> expected = jdbc.queryForList("SELECT id FROM aml_alert WHERE business_date = ? OR (business_date < ?"
                + " AND status IN ('NEW', 'IN_REVIEW', 'ESCALATED')) ORDER BY id", Long.class, Date.valueOf(second),
                Date.valueOf(second));
        long openCount = jdbc.queryForObject("SELECT COUNT(*) FROM aml_alert WHERE business_date <= ?"
                + " AND status IN ('NEW', 'IN_REVIEW', 'ESCALATED')", Long.class, Date.valueOf(second));
        long newCount = jdbc.queryForObject("SELECT COUNT(*) FROM aml_alert WHERE business_date = ?", Long.class,
                Date.valueOf(second));
        try (XSSFWorkbook workbook = open(workbookFile)) {
            Sheet alertsSheet = workbook.getSheet("Alerts");
            List<Long> listed = new ArrayList<>();
            for (int r = 1; r <= alertsSheet.getLastRowNum(); r++) {
                listed.add((long) alertsSheet.getRow(r).getCell(0).getNumericCellValue());
            }
            assertThat(listed).isEqualTo(expected).contains(inReview).doesNotContain(filed, closed);
            List<String> reviewed = cells(alertsSheet.getRow(1 + listed.indexOf(inReview)));
            assertThat(reviewed).containsExactly(Long.toString(inReview), "Round amount", "Low", first.toString(), "Payer",
                    (String) heldPayment.get("counterparty_name"), decimal((Number) heldPayment.get("amount_minor")), "SEK",
                    "In review", "per", "planted for the report");
            assertThat(rows(workbook.getSheet("Evidence"))).contains(List.of(Long.toString(inReview),
                    (String) heldPayment.get("account_iban"), (String) heldPayment.get("bank_reference")));
            assertThat(rows(workbook.getSheet("Held payments"))).containsExactly(
                    List.of("Client-funds account", "Bank reference", "Booking date", "Amount", "Currency", "Held on", "Alert",
                            "Payer", "Reason"),
                    List.of((String) heldPayment.get("account_iban"), (String) heldPayment.get("bank_reference"),
                            heldPayment.get("booking_date").toString(), decimal((Number) heldPayment.get("amount_minor")), "SEK",
                            second.toString(), Long.toString(inReview), (String) heldPayment.get("counterparty_name"),
                            "SANCTIONS_HOLD: held for the test"));
            assertThat(rows(workbook.getSheet("Filings"))).containsExactly(List.of("Alert", "Report code", "File", "SHA-256"),
                    List.of(Long.toString(filed), "STR", filingPath, filing.sha256()));
            List<List<String>> summary = rows(workbook.getSheet("Summary"));
            assertThat(summary).contains(List.of("Alerts raised on the business day (" + newCount + ")"),
                    List.of("Open alerts: new, in review or escalated (" + openCount + ")"),
                    List.of("Payments held from allocation", "1"),
                    List.of("Filings with the FIU (goAML) made on the business day", "1"));
        }

        // then the second day's manifest chains the filing by its SHA-256, the first day's names none, and audit.pdf
        // lists it beside the reports
        JsonNode manifest = JsonMapper.builder().build().readTree(folder.resolve(ReportChain.MANIFEST).toFile());
        assertThat(manifest.get("filings").size()).isEqualTo(1);
        assertThat(manifest.get("filings").get(0).get("path").asString()).isEqualTo(filingPath);
        assertThat(manifest.get("filings").get(0).get("alert").asLong()).isEqualTo(filed);
        assertThat(manifest.get("filings").get(0).get("sha256").asString()).isEqualTo(Sha256.of(filing.file()));
        assertThat(manifest.get("files").get(0).get("name").asString()).isEqualTo(DailyReports.AML_ALERTS);
        assertThat(manifest.get("files").get(0).get("sha256").asString()).isEqualTo(Sha256.of(workbookFile));
        assertThat(JsonMapper.builder().build().readTree(home.reports().resolve(first.toString()).resolve(ReportChain.MANIFEST)
                .toFile()).has("filings")).isFalse();
        String audit = text(folder.resolve(DailyReports.AUDIT));
        assertThat(audit).contains("Filings with the FIU (goAML) made on the business day (1)",
                filingPath + " " + filed + " " + filing.sha256(), "aml-alerts.xlsx " + Sha256.of(workbookFile));
        assertThat(versions.chain().verify(second, versions.recorded())).isEmpty();

        // when analysts carry on after the reports (the alert in review escalated) and the day's reports are asked for again
        alerts.escalate(inReview, "per", "the payer could not explain it");
        ReportPublication.Outcome again = publication.publish(second);

        // then the reports show the day as it was when written: the same bytes, no new version
        assertThat(again.kind()).isEqualTo(ReportPublication.Kind.SAME_BYTES);
        assertThat(again.files().get(DailyReports.AML_ALERTS).state()).isEqualTo("same bytes");

        // when the filing is changed on disk
        Files.writeString(filing.file(), "<report/>");

        // then the chain says so, naming the filing and the manifest that vouched for it
        assertThat(versions.chain().verify(second, versions.recorded())).containsExactly(filingPath + " changed: " + second
                + "/manifest.json recorded SHA-256 " + filing.sha256() + " of the filing, it is now " + Sha256.of(filing.file()));
    }

    private void run(LocalDate day) throws IOException {
        GeneratedDays.deliver(generated, home.inbox(), GeneratedDays.arriving(day, day.equals(first)));
        bank.executePaymentOrders(home.outbox(), day, home.inbox().resolve(DemoDataGenerator.statementFileName(day)));
        DayReport report = cycle.run(day);
        assertThat(report.jobs()).as(report.toString()).anyMatch(job -> job.job() == se.clientfunds.jobs.JobName.REPORTS
                && job.status() == se.clientfunds.day.DayJobOutcome.Status.COMPLETED);
    }

    private long raise(Map<String, Object> payment, AlertRule rule, NewAlert.Severity severity) {
        String reference = payment.get("account_iban") + "/" + payment.get("bank_reference");
        return amlAlerts.raise(new NewAlert(rule, severity, first, NewAlert.SubjectKind.PAYER, (String) payment.get("counterparty_name"),
                reference, Money.ofMinor(((Number) payment.get("amount_minor")).longValue(), "SEK"), "planted for the report", null,
                List.of(reference)), null);
    }

    private static String decimal(Number minor) {
        return BigDecimal.valueOf(minor.longValue(), 2).stripTrailingZeros().toPlainString();
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<List<String>> rows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            rows.add(cells(row));
        }
        return rows;
    }

    /** Each cell as text: dates as ISO dates, numbers without trailing zeros, a cell left out as empty text. */
    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            if (cell == null) {
                cells.add("");
            } else if (cell.getCellType() == CellType.NUMERIC) {
                cells.add(DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                        : new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString());
            } else {
                cells.add(cell.getStringCellValue());
            }
        }
        return cells;
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
