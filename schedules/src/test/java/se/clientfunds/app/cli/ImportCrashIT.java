package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.database.EmbeddedMariaDb;

/**
 * Imports killed with SIGKILL in the middle of their work, as a power cut would: the next run recovers the
 * execution left STARTED, stops the orphaned MariaDB, resumes from the last committed chunk and ends with exactly
 * the rows of an uninterrupted import. Runs the packaged application jar as separate JVMs.
 */
class ImportCrashIT {

    private static final int INVOICES = 200_000;
    private static final Path JAR = Path.of("target", "settlement.jar");

    @TempDir
    Path dir;

    @Test
    void anImportKilledMidLoadResumesAndEndsWithEveryRowExactlyOnce() throws Exception {
        // given
        assertThat(JAR).as("the packaged application; failsafe runs after package").exists();
        Path home = dir.resolve("home");
        Path data = dir.resolve("data");
        assertThat(settle("generate", "--out", data.toString(), "--clients", "10", "--days", "1",
                "--payments-per-day", Integer.toString(INVOICES)).waitFor()).isZero();
        assertThat(settle("--home", home.toString(), "import", "--date", "2026-01-02", data.resolve("clients.csv").toString()).waitFor()).isZero();

        // when the invoice import is killed once its load has committed some chunks
        Process first = settle("--home", home.toString(), "import", "--date", "2026-01-02", data.resolve("invoices.csv").toString());
        RunningSettle.waitForLogLine(home.resolve("logs/settlement.log"), "Executing step: [loadInvoices]", Duration.ofMinutes(2));
        try (Connection running = RunningSettle.database(home.resolve("logs/settlement.log"))) {
            RunningSettle.waitForCount(running, first, "SELECT COUNT(*) FROM invoice", 1, Duration.ofMinutes(1));
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(500);
            assertThat(RunningSettle.count(running, "SELECT COUNT(*) FROM invoice")).as("rows loaded when killed")
                    .isPositive().isLessThan(INVOICES);
        }

        // and the same import is run again
        Process second = settle("--home", home.toString(), "import", "--date", "2026-01-02", data.resolve("invoices.csv").toString());
        String output = new String(second.getInputStream().readAllBytes());
        int exitCode = second.waitFor();

        // then
        assertThat(exitCode).as(output).isZero();
        assertThat(output).contains("invoices.csv: imported " + INVOICES + " rows of invoices");
        try (EmbeddedMariaDb db = new EmbeddedMariaDb(home.resolve("db")).start();
             Connection connection = DriverManager.getConnection(db.jdbcUrl(), "root", "")) {
            assertThat(RunningSettle.count(connection, "SELECT COUNT(*) FROM invoice")).isEqualTo(INVOICES);
            assertThat(RunningSettle.count(connection, "SELECT COUNT(DISTINCT invoice_id) FROM invoice")).isEqualTo(INVOICES);
            assertThat(RunningSettle.count(connection, "SELECT COUNT(*) FROM current_invoice")).isEqualTo(INVOICES);
            assertThat(RunningSettle.count(connection, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'importExtractsJob' AND e.STATUS = 'FAILED'"))
                    .as("the killed execution, recovered as failed").isEqualTo(1);
            assertThat(RunningSettle.count(connection, "SELECT COUNT(DISTINCT i.JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE i"
                    + " WHERE i.JOB_NAME = 'importExtractsJob'")).as("clients and invoices: one instance each").isEqualTo(2);
            assertThat(RunningSettle.count(connection, "SELECT MIN(READ_COUNT) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'loadInvoices'"
                    + " AND STATUS = 'COMPLETED'")).as("the restart read only what was left").isLessThan(INVOICES);
        }
    }

    @Test
    void aBankFileImportKilledWhilePostingResumesAndPostsEachPaymentExactlyOnce() throws Exception {
        // given a generated camt.054 of 60,000 payments
        Path home = dir.resolve("home");
        Path data = dir.resolve("data");
        assertThat(settle("generate", "--out", data.toString(), "--clients", "5", "--days", "1",
                "--payments-per-day", "60000", "--start", "2026-03-02").waitFor()).isZero();
        Path notification = data.resolve("camt054-20260302.xml");

        // when its import is killed once posting has committed some chunks
        Process first = settle("--home", home.toString(), "import", "--date", "2026-03-02", notification.toString());
        RunningSettle.waitForLogLine(home.resolve("logs/settlement.log"), "Executing step: [postPayments]", Duration.ofMinutes(3));
        String posted = "SELECT COUNT(*) FROM journal_entry WHERE posted = 1";
        try (Connection running = RunningSettle.database(home.resolve("logs/settlement.log"))) {
            RunningSettle.waitForCount(running, first, posted, 1, Duration.ofMinutes(2));
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(500);
            assertThat(RunningSettle.count(running, posted)).as("payments posted when killed").isPositive().isLessThan(60_000);
        }

        // and the same import is run again
        Process second = settle("--home", home.toString(), "import", "--date", "2026-03-02", notification.toString());
        String output = new String(second.getInputStream().readAllBytes());
        int exitCode = second.waitFor();

        // then every payment is in the ledger exactly once
        assertThat(exitCode).as(output).isZero();
        assertThat(output).contains("camt054-20260302.xml: imported 60000 rows of camt.054.001.08");
        try (EmbeddedMariaDb db = new EmbeddedMariaDb(home.resolve("db")).start();
             Connection connection = DriverManager.getConnection(db.jdbcUrl(), "root", "")) {
            assertThat(RunningSettle.count(connection, "SELECT COUNT(*) FROM journal_entry WHERE posted = 1 AND event_type = 'PAYMENT_RECEIVED'"))
                    .isEqualTo(60_000);
            assertThat(RunningSettle.count(connection, "SELECT COUNT(*) FROM journal_entry")).as("no unposted leftovers").isEqualTo(60_000);
            assertThat(RunningSettle.count(connection, "SELECT SUM(amount_minor) FROM journal_line WHERE side = 'D'"))
                    .isEqualTo(RunningSettle.count(connection, "SELECT SUM(amount_minor) FROM imported_bank_transaction WHERE is_payment = 1"));
            assertThat(RunningSettle.count(connection, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'"))
                    .as("the killed execution, recovered as failed").isEqualTo(1);
            assertThat(RunningSettle.count(connection, "SELECT MIN(READ_COUNT) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'postPayments'"
                    + " AND STATUS = 'COMPLETED'")).as("the restart posted only what was left").isLessThan(60_000);
        }
    }

    private Process settle(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }
}
