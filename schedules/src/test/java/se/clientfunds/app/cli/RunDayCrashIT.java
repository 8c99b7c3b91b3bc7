package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.database.EmbeddedMariaDb;
import se.clientfunds.generator.DemoDataGenerator;

/**
 * A {@code run-day} killed with SIGKILL while {@code allocatePaymentsJob} is between chunks, as a power cut would, then
 * run again, ends with the same books, allocations, payouts, refunds, positions and pain.001 file as a day that ran
 * undisturbed: nothing posted twice, nothing lost. Runs the packaged application jar as separate JVMs.
 */
class RunDayCrashIT {

    private static final Path JAR = Path.of("target", "settlement.jar");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final int PAYMENTS = 10_000;
    /** Small chunks, so that allocation commits many times and a kill lands between two commits. */
    private static final int ALLOCATION_CHUNK = 250;

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @Test
    void aRunDayKilledMidAllocationEndsAsIfItHadRunUndisturbed() throws Exception {
        // given the same generated day in the inboxes of two homes
        assertThat(JAR).as("the packaged application; failsafe runs after package").exists();
        Path data = dir.resolve("data");
        assertThat(settle(dir.resolve("generate.txt"), "generate", "--out", data.toString(), "--clients", "200", "--days", "1",
                "--payments-per-day", Integer.toString(PAYMENTS), "--anomaly-rate", "50", "--start", DAY.toString())
                .finish().exitCode()).isZero();
        Path undisturbed = home("undisturbed", data);
        Path crashed = home("crashed", data);

        // when one home runs the day undisturbed while the other runs it too (apart: nothing is shared but the CPUs)
        Settle reference = settle(dir.resolve("undisturbed.txt"), "--home", undisturbed.toString(), "run-day", DAY.toString());
        Process killed = settle(dir.resolve("killed.txt"), "--home", crashed.toString(), "run-day", DAY.toString()).process();

        // and the other is killed once its allocation has committed some chunks, watched on its own database
        Path log = crashed.resolve("logs/settlement.log");
        RunningSettle.waitForLogLine(log, killed, "Executing step: [allocatePayments]", Duration.ofMinutes(4));
        long allocatedAtKill;
        try (Connection running = RunningSettle.database(log)) {
            RunningSettle.waitForCount(running, killed, "SELECT COUNT(*) FROM payment_allocation", PAYMENTS / 3,
                    Duration.ofMinutes(1));
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            // its MariaDB outlives it, as it would a JVM crash: what that holds now is what the run had committed
            Thread.sleep(500);
            allocatedAtKill = RunningSettle.count(running, "SELECT COUNT(*) FROM payment_allocation");
            assertThat(allocatedAtKill).as("payments allocated when the run was killed").isPositive().isLessThan(PAYMENTS);
            assertThat(allocatedAtKill % ALLOCATION_CHUNK).as("only whole chunks are committed").isZero();
            assertThat(RunningSettle.count(running, "SELECT COUNT(*) FROM journal_entry WHERE event_type = 'PAYMENT_ALLOCATED'"))
                    .as("the committed chunks' postings").isPositive()
                    .isEqualTo(RunningSettle.count(running, "SELECT COUNT(*) FROM payment_allocation"
                            + " WHERE to_invoices_minor + to_debtor_credit_minor > 0"));
            assertThat(RunningSettle.count(running, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'allocatePayments'"
                    + " AND STATUS = 'STARTED'")).as("the allocation step was running when killed").isEqualTo(1);
            assertThat(RunningSettle.count(running, "SELECT COUNT(*) FROM payout")).as("payouts had not started").isZero();
            assertThat(crashed.resolve("outbox").resolve(pain001FileName())).doesNotExist();
        }
        Run undisturbedRun = reference.finish();
        assertThat(undisturbedRun.exitCode()).as(undisturbedRun.output()).isZero();

        // and the killed day is run again
        Settle restart = settle(dir.resolve("restart.txt"), "--home", crashed.toString(), "run-day", DAY.toString());
        Map<String, List<String>> expected = DayDigest.digest(undisturbed, DAY);
        Run restartRun = restart.finish();

        // then it completes, and everything it wrote is what the undisturbed run wrote, with nothing posted twice
        assertThat(restartRun.exitCode()).as(restartRun.output()).isZero();
        assertThat(restartRun.output()).contains("allocatePaymentsJob " + DAY, "closeBusinessDayJob " + DAY);
        int payments = expected.get("payment_allocation").size();
        assertThat(payments).as("payments allocated by the undisturbed run").isGreaterThanOrEqualTo(PAYMENTS);
        assertThat(expected.get("ledger")).as("journal entries").isNotEmpty();
        assertThat(expected.get("payout")).as("payouts").isNotEmpty();
        assertThat(expected.get("refund_payment")).as("refunds").isNotEmpty();
        assertThat(expected.get("account_position")).as("positions").isNotEmpty();
        try (EmbeddedMariaDb db = new EmbeddedMariaDb(crashed.resolve("db")).start();
             Connection connection = DriverManager.getConnection(db.jdbcUrl(), "root", "")) {
            assertThat(DayDigest.differences(expected, DayDigest.digest(connection, crashed, DAY)))
                    .as("tables that differ between the undisturbed home and the crashed one").isEmpty();
            long allocatedSomething = RunningSettle.count(connection, "SELECT COUNT(*) FROM payment_allocation"
                    + " WHERE to_invoices_minor + to_debtor_credit_minor > 0");
            assertThat(allocatedSomething).isPositive();
            assertThat(RunningSettle.count(connection, "SELECT COUNT(*) FROM journal_entry WHERE event_type = 'PAYMENT_ALLOCATED'"))
                    .as("one PAYMENT_ALLOCATED entry per payment with something allocated").isEqualTo(allocatedSomething);
            assertThat(RunningSettle.count(connection, "SELECT COUNT(DISTINCT e.reference) FROM journal_entry e JOIN payment_allocation a"
                    + " ON e.reference = CONCAT(a.account_iban, '/', a.bank_reference)"
                    + " WHERE e.event_type = 'PAYMENT_ALLOCATED' AND a.to_invoices_minor + a.to_debtor_credit_minor > 0"))
                    .as("each of those payments is the reference of exactly one of them").isEqualTo(allocatedSomething);
            assertThat(RunningSettle.count(connection, "SELECT COUNT(*) FROM journal_entry WHERE posted = 0")).as("unposted leftovers").isZero();
            assertThat(RunningSettle.count(connection, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'allocatePaymentsJob' AND e.STATUS = 'FAILED'"))
                    .as("the killed execution, recovered as failed").isEqualTo(1);
            assertThat(RunningSettle.count(connection, "SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'allocatePayments'"
                    + " AND STATUS = 'COMPLETED'")).as("the restart allocated only what was left").isEqualTo(payments - allocatedAtKill);
        }
    }

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        for (Process process : started) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        // a killed run's MariaDB outlives it; a restart stops it, but not when the test failed before the restart
        for (String name : new String[] {"undisturbed", "crashed"}) {
            Path db = dir.resolve(name).resolve("db");
            Path pidFile = db.resolve("mariadbd.pid");
            String pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
            Optional<ProcessHandle> server = pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
            if (server.isPresent() && server.get().info().commandLine().orElse("").contains(db.resolve("data").toString())) {
                server.get().destroy();
                server.get().onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** A home with the generated day's clients, invoices, refunds, notification and statement waiting in its inbox. */
    private Path home(String name, Path data) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("inbox"));
        Files.writeString(home.resolve("settlement.yml"), "settlement:\n  allocation:\n    chunk-size: " + ALLOCATION_CHUNK + "\n");
        for (String file : List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE,
                DemoDataGenerator.REFUNDS_FILE, DemoDataGenerator.notificationFileName(DAY),
                DemoDataGenerator.statementFileName(DAY))) {
            Files.copy(data.resolve(file), home.resolve("inbox").resolve(file));
        }
        return home;
    }

    private static String pain001FileName() {
        return "pain001-" + DAY.toString().replace("-", "") + ".xml";
    }

    /** Waits until the running process's committed chunks hold at least this many payments. */
    /** Starts the jar with its output going to a file, so that no pipe can fill up and block it. */
    private Settle settle(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        started.add(process);
        return new Settle(process, output);
    }

    private record Settle(Process process, Path output) {

        Run finish() throws Exception {
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the command ended").isTrue();
            return new Run(process.exitValue(), Files.readString(output));
        }
    }



    private record Run(int exitCode, String output) {
    }
}
