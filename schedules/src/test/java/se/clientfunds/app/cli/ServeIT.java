package se.clientfunds.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static se.clientfunds.app.cli.InProcessSettle.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * {@code settle serve} as the packaged jar in its own JVM: it takes the schedules in, fires the daily cycle by itself
 * for the day due by its clock, holds the home against other commands, and stops cleanly on SIGTERM.
 */
class ServeIT {

    private static final Path JAR = Path.of("target", "settlement.jar");

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void servesTheScheduleRunsTheDueDayRefusesOtherCommandsAndStopsOnSigterm() throws Exception {
        // given a home whose first day closed by hand, and the next day's bank files in the inbox
        Path generated = dir.resolve("generated");
        assertThat(settle("generate", "--out", generated.toString(), "--clients", "4", "--days", "2", "--payments-per-day", "20")
                .exitCode()).isZero();
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("inbox"));
        for (String file : List.of("clients.csv", "invoices.csv", "refunds.csv", "camt054-20260102.xml", "camt053-20260102.xml")) {
            Files.copy(generated.resolve(file), home.resolve("inbox").resolve(file));
        }
        assertThat(settle("--home", home.toString(), "run-day", "2026-01-02").exitCode()).isIn(0, 3);
        for (String file : List.of("camt054-20260105.xml", "camt053-20260105.xml")) {
            Files.copy(generated.resolve(file), home.resolve("inbox").resolve(file));
        }

        // when it is served, the clock on the morning of 7 January (6 January is a holiday), the cycle every 5 s
        Path output = dir.resolve("serve.out");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dsettlement.schedules.daily-cycle.cron=0/5 * * * * ?", "-Dsettlement.schedules.daily-cycle.calendar=none",
                "-Dsettlement.schedules.inbox-poll.enabled=false", "-Dsettlement.management.port=0", "-jar", JAR.toAbsolutePath().toString(),
                "--home", home.toString(), "--now", "2026-01-07T06:30:00+01:00", "serve")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        started.add(serve);
        Path log = home.resolve("logs/settlement.log");
        RunningSettle.waitForLogLine(output, serve, "running; stop with Ctrl-C or SIGTERM", Duration.ofMinutes(2));

        // then it says where its logs are, what runs the schedules, and when each fires next
        String banner = Files.readString(output);
        assertThat(banner).contains("  logs:      " + log.toAbsolutePath().normalize(),
                "job store LocalDataSourceJobStore, clustered", "  schedule daily-cycle: scheduled");
        assertThat(banner).containsPattern("\ndaily-cycle +daily-cycle +0/5 \\* \\* \\* \\* \\? +none +fire-once-now +no +"
                + " *\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\+0\\d:00");

        // and the day due by its clock is run by the schedule
        RunningSettle.waitForLogLine(log, serve, "daily-cycle: 2026-01-05 closed", Duration.ofMinutes(2));

        // and its health, on loopback, says the database, the scheduler and the last daily cycle are well, and its metrics
        // have the jobs' durations
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("health: +(http://127\\.0\\.0\\.1:\\d+)/actuator/health")
                .matcher(banner);
        assertThat(url.find()).as(banner).isTrue();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        tools.jackson.databind.JsonNode health = tools.jackson.databind.json.JsonMapper.builder().build().readTree(http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.group(1) + "/actuator/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/scheduler/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/scheduler/details/clustered").asBoolean()).isTrue();
        assertThat(health.at("/components/dailyCycle/status").asString()).isEqualTo("UP");
        java.net.http.HttpResponse<String> metric = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.group(1)
                + "/actuator/metrics/settlement.job.duration?tag=job:closeBusinessDayJob")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(metric.statusCode()).isEqualTo(200);
        assertThat(metric.body()).contains("\"statistic\":\"COUNT\",\"value\":1.0");

        // and another command on the home is refused, naming the server
        InProcessSettle refused = settle("--home", home.toString(), "days");
        assertThat(refused.exitCode()).isEqualTo(SettleCommand.INPUT_ERROR);
        assertThat(refused.err()).contains("is in use by settle serve (pid " + serve.pid() + " since ")
                .contains("stop it (Ctrl-C or kill -TERM) to work on the home by hand");

        // when it is sent SIGTERM, then it stops, and its database with it
        serve.destroy();
        assertThat(serve.waitFor(2, TimeUnit.MINUTES)).as("serve stopped").isTrue();
        List<String> served = Files.readAllLines(log).stream().filter(line -> line.contains(" " + serve.pid() + " --- ")).toList();
        assertThat(served).last().asString().endsWith("embedded MariaDB stopped");
        assertThat(served).noneMatch(line -> line.contains("Socket error") || line.contains("Failed to validate connection"));
        InProcessSettle days = settle("--home", home.toString(), "--now", "2026-01-07T06:30:00+01:00", "days", "--format", "csv");
        assertThat(days.out()).containsPattern("\n2026-01-05,(RECONCILED|NEEDS_ATTENTION),");
        InProcessSettle jobs = settle("--home", home.toString(), "jobs", "--date", "2026-01-05", "--job", "closeBusinessDayJob", "--format", "csv");
        assertThat(jobs.out().lines().skip(1).toList()).singleElement().asString().contains(",COMPLETED,1 of 1,")
                .endsWith(",scheduler,");

        // and the schedules, with no server running them, say so, and a next fire gone by is overdue
        Thread.sleep(5_000);
        InProcessSettle schedules = settle("--home", home.toString(), "schedules", "--format", "csv");
        assertThat(schedules.exitCode()).as(schedules.err()).isZero();
        assertThat(schedules.err()).startsWith("no server runs these schedules now").contains("nothing fires until one starts"
                + " (settle serve)");
        // (this command runs without the server's -D settings: the configured schedule is another one than Quartz holds)
        assertThat(schedules.out().lines().toList()).hasSize(3).element(1).asString()
                .startsWith("daily-cycle,daily-cycle,0 30 6 ? * MON-FRI,swedish,fire-once-now,no,")
                .endsWith(" (overdue) (fire times of the configuration before; the next settle serve applies this one)");
    }
}
