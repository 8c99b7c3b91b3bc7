package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.app.Console;

/** The command line as an operator meets it: real commands, a real embedded MariaDB per home, exit codes, messages. */
class SettleCommandIT {

    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Run run = settle("--help");
        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("generate", "import", "run-day", "demo", "bench", "--home");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"generate", "import", "run-day", "demo", "bench", "inspect"}) {
            Run run = settle(command, "--help");
            assertThat(run.exitCode).as(command).isZero();
            assertThat(run.out).as(command).contains("Usage: settle " + command);
        }
    }

    @Test
    void usageErrorsExitTwoWithOneLineNamingTheCause() throws Exception {
        Run unknown = settle("reconcile-everything");
        assertThat(unknown.exitCode).isEqualTo(2);
        assertThat(unknown.err).contains("Unmatched argument").contains("reconcile-everything");

        Run badDate = settle("run-day", "2026-13-40");
        assertThat(badDate.exitCode).isEqualTo(2);
        assertThat(badDate.err).contains("'2026-13-40' is not a date: write it as yyyy-MM-dd").contains("DATE")
                .doesNotContain("java.").doesNotContain("Exception");

        Run missingFile = settle("--home", dir.resolve("home").toString(), "import", dir.resolve("nope.csv").toString());
        assertThat(missingFile.exitCode).isEqualTo(2);
        assertThat(missingFile.err).contains("nope.csv: no such file");

        Run saturday = settle("--home", dir.resolve("home").toString(), "run-day", "2026-01-03");
        assertThat(saturday.exitCode).isEqualTo(2);
        assertThat(saturday.err).contains("2026-01-03 (Saturday) is not a Swedish banking day (a weekend)");

        Path notABankFile = dir.resolve("payments.csv");
        Files.writeString(notABankFile, "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"/>");
        Run bankFile = settle("--home", dir.resolve("home").toString(), "import", "--date", "2026-01-02", notABankFile.toString());
        assertThat(bankFile.exitCode).isEqualTo(2);
        assertThat(bankFile.err).contains("payments.csv: pain.001 (a payment order (the pipeline writes these, it does not"
                + " read them)) is not supported: the import reads camt.053, camt.054, BGMax and MT940");
        assertThat(dir.resolve("home/quarantine/payments.csv.reason.txt")).exists();

        Run badFormat = settle("bench", "--format", "xml");
        assertThat(badFormat.exitCode).isEqualTo(2);
        assertThat(badFormat.err).contains("format 'xml' is not one of table, csv, json");

        Run noCommand = settle();
        assertThat(noCommand.exitCode).isEqualTo(2);
    }

    @Test
    void inspectShowsABankFileWithoutADatabaseAndExitsByItsValidity() throws Exception {
        // given
        Path samples = samples();

        // when
        Run valid = settle("inspect", samples.resolve("bgmax/minimal.txt").toString());
        Run invalid = settle("inspect", samples.resolve("camt/camt054.v2.xml").toString(), "--format", "json");
        Run broken = settle("inspect", samples.resolve("bgmax/BgMaxfil4_broken.txt").toString());
        Path report = dir.resolve("report.xml");
        Files.writeString(report, "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.052.001.08\"/>");
        Run unsupported = settle("inspect", report.toString(), "--format", "json");

        // then
        assertThat(valid.exitCode).as(valid.err).isZero();
        assertThat(valid.out).contains("format    BGMAX", "account bankgiro 9912346 SEK", "entries   1",
                "credits   1100.00 SEK", "valid     yes");
        assertThat(invalid.exitCode).isEqualTo(2);
        assertThat(invalid.out).contains("\"format\":\"CAMT_054\"", "\"version\":\"camt.054.001.02\"", "\"valid\":false");
        assertThat(invalid.err).contains("batch transactions add up to 600000.00 SEK, the entry says 200000.00 SEK");
        assertThat(broken.exitCode).isEqualTo(2);
        assertThat(broken.err).contains("BgMaxfil4_broken.txt line 10");
        // a format we do not read says which it is, and still gives a JSON verdict
        assertThat(unsupported.exitCode).isEqualTo(2);
        assertThat(unsupported.out).contains("\"file\":\"report.xml\"", "\"format\":null", "\"valid\":false",
                "\"reason\":\"report.xml: camt.052 (an account report (intraday)) is not supported: the import reads camt.053,"
                        + " camt.054, BGMax and MT940\"");
        assertThat(unsupported.err).contains("report.xml: camt.052 (an account report (intraday)) is not supported");
    }

    @Test
    void theAllocateAndCloseBenchmarkRunsBothJobsToAClosedDay() {
        // when (the stage itself fails when the jobs do not allocate every payment and close every account)
        Run bench = settle("--home", dir.resolve("bench-home").toString(), "bench", "--stages", "allocate_close", "--rows", "2000",
                "--format", "csv");

        // then
        assertThat(bench.exitCode).as(bench.err).isZero();
        assertThat(bench.out.lines().toList().get(1)).startsWith("allocate_close,2000,");
        assertThat(bench.err).contains("bench allocate_close: allocatePaymentsJob", "closeBusinessDayJob");
        // the baseline writes what the jobs write (the stage compares them), the old one is measured beside it
        assertThat(bench.out.lines().toList().get(1)).matches("allocate_close,2000(,[0-9]+\\.[0-9]{2}){3},[0-9]+(,[0-9]+\\.[0-9]{2}){2}");
        assertThat(bench.err).contains("allocate_close: the jobs and the baseline wrote the same rows: payment_allocation 2,000,"
                + " invoice_allocation 2,000, journal_batch 1, journal_entry 4,000, journal_line 8,000, account_position 2,003, business_day 1");
    }

    @Test
    void theBankFileImportBenchmarkLoadsEveryRowTheImportLeftAndKeepsTheOldBaseline() {
        // when (the stage itself fails when the import writes a table the baseline does not load)
        Run bench = settle("--home", dir.resolve("bench-home").toString(), "bench", "--stages", "import_camt054", "--rows", "2000",
                "--format", "csv");

        // then
        assertThat(bench.exitCode).as(bench.err).isZero();
        List<String> lines = bench.out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("stage,rows,seconds,baseline_seconds,ratio,peak_heap_mb,old_baseline_seconds,old_ratio");
        assertThat(lines.get(1)).matches("import_camt054,2000(,[0-9]+\\.[0-9]{2}){3},[0-9]+(,[0-9]+\\.[0-9]{2}){2}");
        assertThat(bench.err).contains("import_camt054: the baseline loads the rows the job left: imported_file 1, bank_section 1,"
                + " bank_entry 2,000, bank_transaction 2,000, accepted_bank_reference 2,000, journal_batch 1, journal_entry 2,000, journal_line 4,000");
        // the same rows through the tables' own keys and triggers (the stage fails if a row is refused or left unposted)
        assertThat(bench.err).containsPattern("The same StAX pass and loads into copies that keep the tables' foreign keys and"
                + " triggers, the ledger's batches loaded open and then posted, took [0-9]+\\.[0-9]{2} s: the job is [0-9]+\\.[0-9]{2} times that");
    }

    @Test
    void theDayBenchmarkRunsOneGeneratedDayFromTheInboxToItsReports() {
        // when (the stage itself fails when the day does not close)
        Run bench = settle("--home", dir.resolve("bench-home").toString(), "bench", "--stages", "day_1m", "--rows", "2000",
                "--format", "csv", "--keep");

        // then: no baseline, so no baseline cells; each import and job with its seconds
        assertThat(bench.exitCode).as(bench.err).isZero();
        List<String> lines = bench.out.lines().toList();
        assertThat(lines.get(1)).matches("day_1m,2000,[0-9]+\\.[0-9]{2},,,[0-9]+,,");
        for (String step : new String[] {"clients.csv", "invoices.csv", "refunds.csv", "camt054-20260102.xml",
                "camt053-20260102.xml", "allocatePaymentsJob", "refundsAndPayoutsJob", "closeBusinessDayJob", "monitorJob",
                "reconcileJob", "reportsJob"}) {
            assertThat(bench.err).as(step).containsPattern("\\nbench day_1m: " + Pattern.quote(step) + " [0-9]+\\.[0-9]{2} s\\n");
        }
        assertThat(bench.err).contains("day_1m: run-day 2026-01-02 of 2,000 payments (20 clients): clients.csv ",
                "; reports: aml-alerts.xlsx, audit.pdf, manifest.json, positions.xlsx, reconciliation.pdf, reconciliation.xlsx,"
                        + " safeguarding.pdf");
        Path reports = dir.resolve("bench-home/bench/day_1m/reports/2026-01-02");
        for (String report : new String[] {"positions.xlsx", "reconciliation.xlsx", "reconciliation.pdf", "safeguarding.pdf",
                "aml-alerts.xlsx", "audit.pdf", "manifest.json"}) {
            assertThat(reports.resolve(report)).as(report).isNotEmptyFile();
        }
        assertThat(dir.resolve("bench-home/bench/day_1m/inbox")).isEmptyDirectory();
    }

    @Test
    void generateWritesTheSameBytesForTheSameSeed() throws Exception {
        Run first = settle("generate", "--out", dir.resolve("a").toString(), "--clients", "3", "--days", "2",
                "--payments-per-day", "20", "--seed", "7");
        Run second = settle("generate", "--out", dir.resolve("b").toString(), "--clients", "3", "--days", "2",
                "--payments-per-day", "20", "--seed", "7");

        assertThat(first.exitCode).isZero();
        assertThat(first.out).contains("generated 40 payments");
        assertThat(second.exitCode).isZero();
        try (var files = Files.list(dir.resolve("a"))) {
            for (Path file : files.toList()) {
                assertThat(Files.readAllBytes(dir.resolve("b").resolve(file.getFileName()))).as(file.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(file));
            }
        }
        Run refused = settle("generate", "--out", dir.resolve("c").toString(), "--anomaly-rate", "2000");
        assertThat(refused.exitCode).isEqualTo(2);
        assertThat(refused.err).contains("2000");
    }

    @Test
    void importsAGoodFileWithExitZeroAndRefusesABadOneWithExitTwo() throws Exception {
        // given
        Path home = dir.resolve("home");
        settle("generate", "--out", dir.resolve("gen").toString(), "--clients", "2", "--days", "1", "--payments-per-day", "5");
        Path badInvoices = dir.resolve("invoices-bad.csv");
        Files.writeString(badInvoices, "invoice_id,client_id,ocr,currency,amount,issue_date,due_date,debtor_name,debtor_id,debtor_country\n"
                + "INV-X,NOBODY,12345678,SEK,10.00,2026-01-02,2026-02-01,Someone,D1,SE\n", StandardCharsets.UTF_8);

        // when
        Run undated = settle("--home", home.toString(), "import", dir.resolve("gen/clients.csv").toString());
        Run good = settle("--home", home.toString(), "import", "--date", "2026-01-02", dir.resolve("gen/clients.csv").toString(),
                dir.resolve("gen/invoices.csv").toString());
        Run bad = settle("--home", home.toString(), "import", "--date", "2026-01-02", badInvoices.toString());
        Run again = settle("--home", home.toString(), "import", "--date", "2026-01-02", dir.resolve("gen/clients.csv").toString());

        // then: new books cannot say which day a file belongs to, and the wall clock is never asked
        assertThat(undated.exitCode).isEqualTo(2);
        assertThat(undated.err).contains("no business day has been run on these books yet").contains("--date yyyy-MM-dd");
        assertThat(dir.resolve("gen/clients.csv")).as("a refused command leaves the file where it was").exists();
        assertThat(good.exitCode).as(good.err).isZero();
        assertThat(good.out).contains("clients.csv: imported 2 rows of clients", "invoices.csv: imported 5 rows of invoices");
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.err).contains("invoices-bad.csv", "rejected", "line 2");
        assertThat(home.resolve("quarantine/invoices-bad.csv.reason.txt")).exists();
        assertThat(again.exitCode).isEqualTo(2);
        assertThat(again.err).contains("clients.csv was already imported as import 1");
    }

    @Test
    void demoRunsEachGeneratedDayAndExitsZero() {
        // when
        Run run = settle("--home", dir.resolve("demo-home").toString(), "demo", "--days", "2", "--clients", "4",
                "--payments-per-day", "30");

        // then
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("business day 2026-01-02:", "business day 2026-01-05:",
                "clients.csv: imported 4 rows of clients", "invoices.csv: imported 60 rows of invoices",
                "camt054-20260102.xml: imported 30 rows of camt.054.001.08", "camt053-20260105.xml: imported",
                "books: BANK:SE4550000000058398257466 ", "books: UNALLOCATED ",
                "allocatePaymentsJob 2026-01-05: read 30, wrote 30", "refundsAndPayoutsJob 2026-01-05: refunds paid",
                "closeBusinessDayJob 2026-01-05: closed 2026-01-05", "truth.json");
        assertThat(dir.resolve("demo-home/outbox/pain001-20260105.xml")).exists();
        assertThat(dir.resolve("demo-home/archive/2026/01/invoices.csv")).exists();

        Run twice = settle("--home", dir.resolve("demo-home").toString(), "demo");
        assertThat(twice.exitCode).isEqualTo(2);
        assertThat(twice.err).contains("home " + dir.resolve("demo-home") + " is in use already")
                .contains("run './settle demo --home " + dir.resolve("demo-home-2") + "'")
                .contains("or delete this home with 'rm -rf " + dir.resolve("demo-home") + "'");

        // the advice works as given
        Run advised = settle("--home", dir.resolve("demo-home-2").toString(), "demo", "--days", "1", "--clients", "2",
                "--payments-per-day", "5");
        assertThat(advised.exitCode).as(advised.err).isZero();
    }

    @Test
    void aMistypedHomeIsRefusedNamingItAndNothingIsCreatedThere() {
        // given
        Path typo = dir.resolve("hmoe");

        for (String[] command : new String[][] {{"positions", "2026-01-02"}, {"breaks", "2026-01-02"},
                {"reconciliation", "2026-01-02"}, {"safeguarding", "2026-01-02"}, {"reports", "2026-01-02"},
                {"verify", "2026-01-02"}, {"unallocated"}, {"invoices", "--status", "open"},
                {"breaks", "resolve", "1", "--reason", "x"}, {"allocate", "REF", "INV", "--reason", "x"}}) {
            // when
            String[] args = new String[command.length + 2];
            args[0] = "--home";
            args[1] = typo.toString();
            System.arraycopy(command, 0, args, 2, command.length);
            Run run = settle(args);

            // then
            assertThat(run.exitCode).as(String.join(" ", command)).isEqualTo(2);
            assertThat(run.err).as(String.join(" ", command)).contains("no settlement home in " + typo + " ");
            assertThat(typo).as(String.join(" ", command)).doesNotExist();
        }
    }

    @Test
    void aDayThatIsNotABankingDayGetsTheSameAnswerFromEveryCommand() {
        // given: a home with its first day run
        Path home = dir.resolve("home");
        assertThat(settle("--home", home.toString(), "run-day", "2026-01-02").exitCode).isNotEqualTo(1);

        for (String command : new String[] {"verify", "reports", "positions", "breaks", "reconciliation", "safeguarding"}) {
            // when: Epiphany, a Tuesday
            Run run = settle("--home", home.toString(), command, "2026-01-06");

            // then
            assertThat(run.exitCode).as(command).isEqualTo(2);
            assertThat(run.err).as(command).isEqualTo(command + ": 2026-01-06 (Tuesday) is not a Swedish banking day (a public"
                    + " holiday or a day the banks are closed): nothing is booked, closed or reported on it; the banking days"
                    + " around it are 2026-01-05 and 2026-01-07\n");
        }
    }

    @Test
    void aSecondProcessOnAHomeInUseExitsTwo() {
        // given: the home's database held by another settle (here: an application context of this JVM)
        Path home = dir.resolve("home");
        assertThat(settle("--home", home.toString(), "run-day", "2026-01-02").exitCode).isNotEqualTo(1);
        try (var holder = se.clientfunds.app.SettlementContext.start(home)) {
            // when
            Run run = settle("--home", home.toString(), "positions", "2026-01-02");

            // then
            assertThat(run.exitCode).isEqualTo(2);
            assertThat(run.err).contains("is in use by another settle process (pid " + ProcessHandle.current().pid() + " since ")
                    .endsWith("); wait for it to finish or use another --home\n");
        }
    }

    /** The public sample files, beside the repository as {@code shared/samples}. */
    private static Path samples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("samples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/samples above " + Path.of("").toAbsolutePath());
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
