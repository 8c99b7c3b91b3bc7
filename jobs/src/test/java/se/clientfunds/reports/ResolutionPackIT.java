package se.clientfunds.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.files.Sha256;
import se.clientfunds.generator.BankSimulator;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.outcome.InputError;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.GeneratedDays;
import se.clientfunds.testing.JobsTestApplication;

/**
 * The resolution pack of a day: its reports, and per client and per payer what is owed, adding up to the books'
 * positions to the öre; the accounts with their banks; an index of every file with its SHA-256; the same bytes twice.
 */
@SpringBootTest(classes = JobsTestApplication.class)
class ResolutionPackIT {

    @Autowired
    DailyCycle cycle;

    @Autowired
    ResolutionPack pack;

    @Autowired
    SettlementHome home;

    @Autowired
    BankingCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path generated;

    @TempDir
    Path out;

    private List<LocalDate> days;

    @BeforeEach
    void twoGeneratedDaysWithOverpaymentsAndUnknownReferences() throws IOException {
        GeneratedDays.emptyBooks(jdbc, home);
        days = GeneratedDays.generate(calendar, DemoDataSettings.of(generated, 10, 2, 60, 9L).withAnomalyPerMille(250));
        for (LocalDate day : days) {
            GeneratedDays.deliver(generated, home.inbox(), GeneratedDays.arriving(day, day.equals(days.get(0))));
            new BankSimulator().executePaymentOrders(home.outbox(), day, home.inbox().resolve(DemoDataGenerator.statementFileName(day)));
            assertThat(cycle.run(day).closed()).isTrue();
        }
    }

    @Test
    void listsWhatIsOwedPerClientAndPerPayerAddingUpToTheBooks() throws Exception {
        // when
        LocalDate day = days.get(1);
        ResolutionPack.Outcome outcome = pack.write(day, out.resolve("pack.zip"));
        Map<String, String> zip = read(outcome.file());

        // then it holds the day's reports as written and the lists, indexed with their SHA-256
        Path reports = home.reports().resolve(day.toString());
        assertThat(zip.keySet()).contains("reports/manifest.json", "reports/safeguarding.pdf", "reports/positions.xlsx",
                "client-balances.csv", "unallocated.csv", "debtor-credit.csv", "accounts.csv", "index.txt");
        assertThat(Sha256.ofText(zip.get("reports/manifest.json"))).isEqualTo(Sha256.of(reports.resolve("manifest.json")));
        assertThat(zip.get("index.txt")).contains(Sha256.ofText(zip.get("unallocated.csv")) + "  unallocated.csv");

        // then each list adds up to its account in the books at the close, to the öre
        assertThat(sum(zip.get("unallocated.csv"), "unallocated")).isEqualTo(position(day, "UNALLOCATED"));
        assertThat(sum(zip.get("debtor-credit.csv"), "held")).isEqualTo(position(day, "DEBTOR_CREDIT"));
        assertThat(sum(zip.get("client-balances.csv"), "balance")).isEqualTo(jdbc.queryForObject("SELECT COALESCE(SUM(closing_minor), 0)"
                + " FROM account_position WHERE business_date = ? AND account_kind = 'CLIENT' AND closing_minor > 0", Long.class,
                Date.valueOf(day)));
        assertThat(sum(zip.get("client-debts.csv"), "balance")).isEqualTo(jdbc.queryForObject("SELECT COALESCE(SUM(closing_minor), 0)"
                + " FROM account_position WHERE business_date = ? AND account_kind = 'CLIENT' AND closing_minor < 0", Long.class,
                Date.valueOf(day)));
        assertThat(sum(zip.get("in-transit.csv"), "amount")).isPositive().isEqualTo(jdbc.queryForObject("SELECT in_transit_minor"
                + " FROM safeguarding WHERE business_date = ?", Long.class, Date.valueOf(day)));
        assertThat(zip.get("unallocated.csv").lines().skip(1)).isNotEmpty().allSatisfy(line -> assertThat(line.split(",")[2]).isNotBlank());
        assertThat(zip.get("client-balances.csv").lines().skip(1)).allSatisfy(line -> assertThat(line.split(",")[1]).isNotBlank());
        assertThat(zip.get("accounts.csv")).contains("SE4550000000058398257466,Client funds SEK (test)");

        // then writing it again gives the same bytes
        ResolutionPack.Outcome again = pack.write(day, out.resolve("again.zip"));
        assertThat(again.sha256()).isEqualTo(outcome.sha256());

        // when a report was changed since it was written, then no pack is made of it
        Files.writeString(reports.resolve("safeguarding.pdf"), "not the report");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pack.write(day, out.resolve("tampered.zip")))
                .isInstanceOf(InputError.class).hasMessageContaining("are not as recorded when they were written");
        assertThat(out.resolve("tampered.zip")).doesNotExist();
    }

    private long position(LocalDate day, String account) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(closing_minor), 0) FROM account_position WHERE business_date = ? AND account = ?",
                Long.class, Date.valueOf(day), account);
    }

    /** The sum of a CSV column of decimals, in minor units. */
    private static long sum(String csv, String column) {
        List<String> lines = csv.lines().toList();
        int index = List.of(lines.get(0).split(",")).indexOf(column);
        long total = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            total += new BigDecimal(cells[index]).movePointRight(2).longValueExact();
        }
        return total;
    }

    private static Map<String, String> read(Path zipFile) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (InputStream in = Files.newInputStream(zipFile); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
