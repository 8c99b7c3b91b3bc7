package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.clientfunds.database.EmbeddedMariaDb;
import se.clientfunds.generator.DemoDataGenerator;

/**
 * Two {@code settle serve} JVMs (the packaged jar) on one MariaDB server on loopback, the daily cycle firing every few
 * seconds over a fixed clock: when the one running the day's cycle is killed outright mid-allocation, the survivor
 * recovers the Quartz job and the Spring Batch execution it left STARTED, finishes the day, and the books equal an
 * undisturbed run's; the day's job instances exist once; and with the killed one started again, every fire of both
 * runs on one of them only.
 */
class ClusterIT {

    private static final Path JAR = Path.of("target", "settlement.jar");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final int PAYMENTS = 10_000;
    private static final int ALLOCATION_CHUNK = 250;
    private static final Pattern FIRE = Pattern.compile("daily-cycle: fire of (\\S+) runs( as a recovery)?");

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private EmbeddedMariaDb server;

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        for (Process process : started) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSurvivorOfTwoServersFinishesTheDayOfTheOneKilledAsIfNothingHappened() throws Exception {
        // given a generated day, and the books an undisturbed run-day makes of it
        Path data = dir.resolve("data");
        assertThat(run(dir.resolve("generate.txt"), "generate", "--out", data.toString(), "--clients", "200", "--days", "1",
                "--payments-per-day", Integer.toString(PAYMENTS), "--anomaly-rate", "50", "--start", DAY.toString())
                .waitFor()).isZero();
        Path undisturbed = home("undisturbed", data, "");
        assertThat(run(dir.resolve("undisturbed.txt"), "--home", undisturbed.toString(), "run-day", DAY.toString()).waitFor())
                .isZero();
        Map<String, List<String>> expected = DayDigest.digest(undisturbed, DAY);

        // and a MariaDB server on loopback, and one home (one shared inbox) for two servers on it
        server = new EmbeddedMariaDb(dir.resolve("server")).start();
        Path home = home("cluster", data, "spring:\n  datasource:\n    url: \"" + server.jdbcUrl() + "\"\n    username: root\n"
                + "    password: \"\"\nsettlement:\n  cycle:\n    first-day: " + DAY + "\n  management:\n    port: 0\n"
                + "  schedules:\n    daily-cycle:\n      cron: \"0/3 * * * * ?\"\n      calendar: none\n"
                + "    inbox-poll:\n      enabled: false\n");

        // and the allocation held 20 ms a payment while a gate stands (the schema made first: any command that opens the
        // home makes it), so that the kill lands in the middle of it however fast this machine allocates and however long
        // the second server takes to start
        assertThat(run(dir.resolve("schema.txt"), "--home", home.toString(), "schedules").waitFor()).isZero();
        try (Connection database = DriverManager.getConnection(server.jdbcUrl(), "root", "");
             java.sql.Statement statement = database.createStatement()) {
            statement.execute("CREATE TABLE test_gate (open TINYINT)");
            statement.execute("INSERT INTO test_gate VALUES (1)");
            statement.execute("CREATE TRIGGER test_slow_allocation BEFORE INSERT ON payment_allocation FOR EACH ROW"
                    + " BEGIN IF (SELECT COUNT(*) FROM test_gate) > 0 THEN DO SLEEP(0.02); END IF; END");
        }

        // when two servers serve it, the clock on the next morning, one started after the other has made the schema
        Path logA = dir.resolve("a.log");
        Path logB = dir.resolve("b.log");
        Process a = serve(home, logA, dir.resolve("a.txt"));
        RunningSettle.waitForLogLine(dir.resolve("a.txt"), a, "running; stop with Ctrl-C or SIGTERM", Duration.ofMinutes(2));
        Process b = serve(home, logB, dir.resolve("b.txt"));
        RunningSettle.waitForLogLine(dir.resolve("b.txt"), b, "running; stop with Ctrl-C or SIGTERM", Duration.ofMinutes(2));

        // and the one whose cycle allocates is killed outright once some chunks are committed
        Process running = null;
        Path runningLog = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (running == null && System.nanoTime() < deadline) {
            if (Files.exists(logA) && Files.readString(logA).contains("Executing step: [allocatePayments]")) {
                running = a;
                runningLog = logA;
            } else if (Files.exists(logB) && Files.readString(logB).contains("Executing step: [allocatePayments]")) {
                running = b;
                runningLog = logB;
            }
            Thread.sleep(100);
        }
        assertThat(running).as("one server allocates the day").isNotNull();
        Process survivor = running == a ? b : a;
        Path survivorLog = running == a ? logB : logA;
        long allocatedAtKill;
        try (Connection database = DriverManager.getConnection(server.jdbcUrl(), "root", "")) {
            // killed as soon as its first chunk is committed: the gate makes the rest of the allocation take long enough for
            // the kill to land before it ends
            RunningSettle.waitForCount(database, running, "SELECT COUNT(*) FROM payment_allocation", ALLOCATION_CHUNK,
                    Duration.ofMinutes(2));
            running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            allocatedAtKill = RunningSettle.count(database, "SELECT COUNT(*) FROM payment_allocation");
            assertThat(allocatedAtKill).as("allocated when killed").isPositive().isLessThan(PAYMENTS);
            try (java.sql.Statement statement = database.createStatement()) {
                statement.execute("DROP TRIGGER test_slow_allocation");
                statement.execute("DROP TABLE test_gate");
            }
        }

        // then the survivor recovers the killed server's cycle and finishes the day
        RunningSettle.waitForLogLine(survivorLog, survivor, "daily-cycle: 2026-03-02 closed", Duration.ofMinutes(4));
        assertThat(Files.readString(survivorLog)).containsPattern("daily-cycle: fire of \\S+ runs as a recovery");

        // when the killed server is started again, and both serve the up-to-date books for a while (a fire every 3 s,
        // none of them with anything to do: they are not held up by a long cycle)
        Path logC = dir.resolve("c.log");
        Process again = serve(home, logC, dir.resolve("c.txt"));
        RunningSettle.waitForLogLine(dir.resolve("c.txt"), again, "running; stop with Ctrl-C or SIGTERM", Duration.ofMinutes(2));
        Thread.sleep(15_000);
        for (Process server : List.of(survivor, again)) {
            server.destroy();
            assertThat(server.waitFor(2, TimeUnit.MINUTES)).as("a server stopped on SIGTERM").isTrue();
        }

        // and its books are the undisturbed run's, with nothing posted twice
        try (Connection database = DriverManager.getConnection(server.jdbcUrl(), "root", "")) {
            assertThat(DayDigest.differences(expected, DayDigest.digest(database, home, DAY)))
                    .as("tables that differ between the undisturbed run and the cluster's").isEmpty();
            assertThat(RunningSettle.count(database, "SELECT COUNT(*) FROM ("
                    + " SELECT i.JOB_NAME, p.PARAMETER_VALUE, COUNT(*) AS instances FROM BATCH_JOB_INSTANCE i"
                    + " JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID"
                    + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'businessDate'"
                    + " WHERE i.JOB_NAME NOT LIKE 'import%' GROUP BY i.JOB_NAME, p.PARAMETER_VALUE"
                    + " HAVING COUNT(DISTINCT i.JOB_INSTANCE_ID) > 1) twice")).as("a day's job instance made twice").isZero();
            assertThat(RunningSettle.count(database, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'allocatePaymentsJob' AND e.STATUS = 'FAILED'"))
                    .as("the killed execution, recovered as failed").isEqualTo(1);
            assertThat(RunningSettle.count(database, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTED', 'STOPPING')"))
                    .as("executions left running").isZero();
        }

        // and every fire ran on one server only (a recovery runs the killed server's fire again, on the survivor)
        List<String> fires = new ArrayList<>();
        Set<String> recovered = new HashSet<>();
        for (Path log : List.of(logA, logB, logC)) {
            Matcher fire = FIRE.matcher(Files.readString(log));
            while (fire.find()) {
                if (fire.group(2) == null) {
                    fires.add(fire.group(1));
                } else {
                    recovered.add(fire.group(1));
                }
            }
        }
        assertThat(fires).as("fires").hasSizeGreaterThanOrEqualTo(4).doesNotHaveDuplicates();
        assertThat(recovered).as("fires recovered").hasSize(1);
        assertThat(fires).as("the recovered fire first ran on the killed server").containsAll(recovered);
    }

    private Path home(String name, Path data, String settings) throws Exception {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("inbox"));
        // a home as its first command leaves it (db/ stays empty on an external database)
        Files.createDirectories(home.resolve("db"));
        Files.writeString(home.resolve("settlement.yml"), settings
                + (settings.contains("settlement:\n") ? "" : "settlement:\n") + "  allocation:\n    chunk-size: " + ALLOCATION_CHUNK + "\n");
        for (String file : List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE, DemoDataGenerator.REFUNDS_FILE,
                DemoDataGenerator.notificationFileName(DAY), DemoDataGenerator.statementFileName(DAY))) {
            Files.copy(data.resolve(file), home.resolve("inbox").resolve(file));
        }
        return home;
    }

    private Process serve(Path home, Path log, Path output) throws Exception {
        return start(output, List.of("-Dlogging.file.name=" + log), "--home", home.toString(), "--now", "2026-03-03T06:30:00+01:00",
                "serve");
    }

    private Process run(Path output, String... args) throws Exception {
        return start(output, List.of(), args);
    }

    private Process start(Path output, List<String> properties, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        command.addAll(properties);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        started.add(process);
        return process;
    }
}
