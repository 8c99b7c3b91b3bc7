package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.app.Console;
import se.clientfunds.sanctions.EuSanctionsListWriter;
import se.clientfunds.sanctions.SanctionsList;

/**
 * Screening from the command line: a generated day with a sanctions list in the inbox that names one of its payers;
 * run-day holds that payer's payments and says so, {@code settle alerts} lists the alerts, an analyst works one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringCommandsIT {

    private static final String DAY = "2026-01-02";
    private static final Pattern PAYER = Pattern.compile("<Dbtr>\\s*<Pty>\\s*<Nm>([^<]+)</Nm>");

    @TempDir
    static Path dir;

    private static Path home;
    private static String sanctioned;
    private static Run day;

    @BeforeAll
    static void runAGeneratedDayWithAListNamingOneOfItsPayers() throws IOException {
        Path generated = dir.resolve("generated");
        Run generate = settle("generate", "--out", generated.toString(), "--clients", "4", "--days", "1",
                "--payments-per-day", "30");
        assertThat(generate.exitCode).as(generate.err).isZero();
        home = dir.resolve("home");
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        for (String file : List.of("clients.csv", "invoices.csv", "camt054-20260102.xml", "camt053-20260102.xml")) {
            Files.copy(generated.resolve(file), inbox.resolve(file));
        }
        Matcher payer = PAYER.matcher(Files.readString(generated.resolve("camt054-20260102.xml")));
        assertThat(payer.find()).isTrue();
        sanctioned = payer.group(1);
        EuSanctionsListWriter.write(new SanctionsList(OffsetDateTime.parse("2026-01-01T20:00:00+01:00"), "1", List.of(
                new SanctionsList.Entity("8001", "EU.8001.01", SanctionsList.SubjectType.PERSON,
                        List.of(new SanctionsList.NameAlias(sanctioned.toUpperCase(java.util.Locale.ROOT), "", true)), List.of(),
                        List.of(), List.of()))), inbox.resolve("eu-sanctions.xml"));
        day = settle("--home", home.toString(), "run-day", DAY);
    }

    @Test
    @Order(1)
    void runDayHoldsTheSanctionedPayersPaymentsAndSaysSo() {
        assertThat(day.exitCode).as(day.out + day.err).isEqualTo(SettleCommand.NEEDS_ATTENTION);
        assertThat(day.err).contains("from \"" + sanctioned + "\" is held by a sanctions hit (alert ");
        List<String> unallocated = settle("--home", home.toString(), "unallocated", "--format", "csv").out.lines().toList();
        // (CSV doubles the quotes inside a field)
        assertThat(unallocated.stream().filter(line -> line.contains("SANCTIONS_HOLD: payer \"\"" + sanctioned + "\"\" is an exact"
                + " hit on EU.8001.01"))).isNotEmpty();
    }

    @Test
    @Order(2)
    void alertsAreListedWithTheHeaderComplianceExpects() {
        // when
        Run csv = settle("--home", home.toString(), "alerts", DAY, "--format", "csv");
        Run fresh = settle("--home", home.toString(), "alerts", "--status", "NEW", "--format", "csv");
        Run otherDay = settle("--home", home.toString(), "alerts", "2026-01-05", "--format", "csv");
        // then
        assertThat(csv.exitCode).as(csv.err).isZero();
        List<String> lines = csv.out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,rule,severity,subject,amount,currency,evidence,status");
        // each of the payer's payments held, and the payer as the debtor of the invoices it pays once (the list is new:
        // every debtor is screened against it after the close)
        assertThat(lines.subList(1, lines.size())).filteredOn(line -> line.contains("(held)")).isNotEmpty().allSatisfy(line ->
                assertThat(line).matches("[0-9]+,SANCTIONS_MATCH,HIGH," + Pattern.quote(sanctioned)
                        + ",[0-9]+\\.[0-9]{2},SEK,SE[0-9]+/[^ ]+ \\(held\\),NEW"));
        assertThat(lines.subList(1, lines.size())).filteredOn(line -> !line.contains("(held)")).singleElement().asString()
                .matches("[0-9]+,SANCTIONS_MATCH,HIGH," + Pattern.quote(sanctioned) + ",,,,NEW");
        assertThat(fresh.out.lines().toList()).isEqualTo(lines);
        assertThat(otherDay.out.lines().toList()).containsExactly(lines.get(0));
    }

    @Test
    @Order(3)
    void anAnalystTakesAnAlertIntoReviewButCannotCloseItWhileItHoldsAPayment() {
        // given
        String id = settle("--home", home.toString(), "alerts", "--format", "csv").out.lines().skip(1)
                .filter(line -> line.contains("(held)")).findFirst().orElseThrow().split(",")[0];
        // when
        Run assign = settle("--home", home.toString(), "alerts", "assign", id, "--reason", "checking the payer's birth date",
                "--operator", "karin");
        Run close = settle("--home", home.toString(), "alerts", "close", id, "--reason", "not our payer", "--operator", "karin");
        Run show = settle("--home", home.toString(), "alerts", "show", id);
        Run badStatus = settle("--home", home.toString(), "alerts", "--status", "OPEN");
        // then
        assertThat(assign.exitCode).as(assign.err).isZero();
        assertThat(assign.out).isEqualTo("alert " + id + " (SANCTIONS_MATCH, " + sanctioned + ") is IN_REVIEW, analyst karin\n");
        assertThat(close.exitCode).isEqualTo(SettleCommand.INPUT_ERROR);
        assertThat(close.err).contains("alert " + id + " holds a payment: release the hold first");
        assertThat(show.out).contains("alert " + id + ": SANCTIONS_MATCH, HIGH, IN_REVIEW, analyst karin")
                .contains("why: payer \"" + sanctioned + "\": exact hit on alias \"" + sanctioned.toUpperCase(java.util.Locale.ROOT)
                        + "\" of EU.8001.01 (entity 8001)")
                .contains("karin assign (NEW -> IN_REVIEW): checking the payer's birth date");
        assertThat(badStatus.exitCode).isEqualTo(SettleCommand.INPUT_ERROR);
    }

    @Test
    @Order(4)
    void theBenchmarkScreensNamesAgainstAListAndSaysHowWellItFoundThem() {
        // when
        Run bench = settle("--home", home.toString(), "bench", "--stages", "screen", "--rows", "5000", "--format", "csv");
        // then
        assertThat(bench.exitCode).as(bench.err).isZero();
        List<String> lines = bench.out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("stage,rows,seconds,baseline_seconds,ratio,peak_heap_mb,old_baseline_seconds,old_ratio");
        assertThat(lines.get(1)).startsWith("screen,5000,");
        Matcher quality = Pattern.compile("screen: recall ([0-9.]+) \\(([0-9]+) of 100 listed names written another way found\\),"
                + " false-positive rate ([0-9.]+)% \\(([0-9]+) of 4900 other names\\), at match-threshold 0.90 against 10,000"
                + " entries").matcher(bench.err);
        assertThat(quality.find()).as(bench.err).isTrue();
        assertThat(Double.parseDouble(quality.group(1))).isGreaterThanOrEqualTo(0.98);
        assertThat(Double.parseDouble(quality.group(3))).isLessThanOrEqualTo(0.1);
    }

    @Test
    @Order(5)
    void theMonitorBenchmarkRaisesTheSameAlertsAsSetBasedSql() {
        // when
        Run bench = settle("--home", home.toString(), "bench", "--stages", "monitor", "--rows", "7000", "--format", "csv");
        // then (the stage itself fails when the job's alerts and the baseline's differ)
        assertThat(bench.exitCode).as(bench.err).isZero();
        List<String> lines = bench.out.lines().toList();
        assertThat(lines.get(1)).startsWith("monitor,7000,");
        Matcher counts = Pattern.compile("monitor: HIGH_RISK_COUNTRY ([0-9]+), LARGE_PAYMENT ([0-9]+), ONE_PAYER_MANY_CLIENTS"
                + " ([0-9]+), ROUND_AMOUNT ([0-9]+), STRUCTURING ([0-9]+), VELOCITY ([0-9]+) over 21 banking days of 7,000"
                + " payments, the same as the set-based baseline").matcher(bench.err);
        assertThat(counts.find()).as(bench.err).isTrue();
        // every rule found its planted pattern: 7,000 payments hold 8 large ones (one in 997) and 7 round ones
        assertThat(Integer.parseInt(counts.group(2))).isEqualTo(8);
        assertThat(Integer.parseInt(counts.group(4))).isEqualTo(7);
        for (int rule = 1; rule <= 6; rule++) {
            assertThat(Integer.parseInt(counts.group(rule))).as(counts.group()).isPositive();
        }
    }

    private static Run settle(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SettleCommand.execute(args, new Console(new PrintWriter(out, true), new PrintWriter(err, true), false));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
    }
}
