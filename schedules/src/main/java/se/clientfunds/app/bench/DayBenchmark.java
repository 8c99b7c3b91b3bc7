package se.clientfunds.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

import se.clientfunds.app.Console;
import se.clientfunds.app.Progress;
import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.day.DailyCycle;
import se.clientfunds.day.DayJobOutcome;
import se.clientfunds.day.DayReport;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.generator.DemoDataGenerator;
import se.clientfunds.generator.DemoDataSettings;
import se.clientfunds.outcome.InputError;
import se.clientfunds.settings.SettlementHome;

/**
 * Stage {@code day_1m}: one generated business day of N payments ({@code --rows 1000000}: the million-payment day), from
 * its files in the inbox to its written reports, through the daily cycle {@code settle run-day} runs: the imports
 * (clients, invoices, refunds, the day's camt.054 and camt.053), then allocation, refunds and payouts, close,
 * monitoring, reconciliation and reports. Each import's and job's seconds are those of its job execution. It is measured
 * on its own: there is no baseline. The files are {@code settle generate}'s for one day (its default anomaly rate, one
 * client per hundred payments, 10 to 10,000).
 * <p>
 * It runs in a home of its own, with a database no other stage has touched: a day's run needs books without the days
 * the other stages close.
 */
public final class DayBenchmark {

    private static final long SEED = 1;

    private final DailyCycle cycle;
    private final JobRepository jobRepository;
    private final SettlementHome home;
    private final BankingCalendar calendar;
    private final Console console;

    public DayBenchmark(DailyCycle cycle, JobRepository jobRepository, SettlementHome home, BankingCalendar calendar,
                        Console console) {
        this.cycle = cycle;
        this.jobRepository = jobRepository;
        this.home = home;
        this.calendar = calendar;
        this.console = console;
    }

    public BenchmarkStages.Found run(long payments) throws IOException {
        DemoDataSettings settings = settings(home.root().resolve("generated"), payments);
        Progress progress = new Progress(console, "bench day_1m: generating a day of payments for " + settings.clients()
                + " clients", payments);
        new DemoDataGenerator(calendar).generate(settings, progress);
        progress.finish(payments);
        LocalDate day = calendar.onOrAfter(settings.start());
        for (String name : List.of(DemoDataGenerator.CLIENTS_FILE, DemoDataGenerator.INVOICES_FILE,
                DemoDataGenerator.REFUNDS_FILE, DemoDataGenerator.notificationFileName(day), DemoDataGenerator.statementFileName(day))) {
            Files.move(settings.out().resolve(name), home.inbox().resolve(name));
        }

        console.progress("bench day_1m: run-day " + day + " on " + payments + " payments");
        HeapPeak.reset();
        long start = System.nanoTime();
        DayReport report = cycle.run(day);
        long nanos = System.nanoTime() - start;
        long peak = HeapPeak.peakBytes();
        if (report.failed() || !report.closed()) {
            throw new IllegalStateException("run-day " + day + " did not complete: " + String.join("; ", problems(report)));
        }

        List<String> timings = new ArrayList<>();
        for (ImportOutcome outcome : report.imports()) {
            timings.add(outcome.file().getFileName() + " " + seconds(outcome.jobExecutionId()));
        }
        for (DayJobOutcome outcome : report.jobs()) {
            timings.add(outcome.job().jobName() + " " + seconds(outcome.jobExecutionId()));
        }
        for (String timing : timings) {
            console.progress("bench day_1m: " + timing);
            console.endProgressLine();
        }
        Path reports = home.reports().resolve(day.toString());
        List<String> written = reportsIn(reports);
        if (!written.contains("manifest.json")) {
            throw new IllegalStateException("run-day " + day + " wrote no manifest.json in " + reports + ": " + written);
        }
        String note = String.format(Locale.ROOT, "day_1m: run-day %s of %,d payments (%,d clients): %s; reports: %s%s",
                day, payments, settings.clients(), String.join(", ", timings), String.join(", ", written),
                report.attention().isEmpty() ? "" : "; needing attention: " + String.join("; ", report.attention()));
        return new BenchmarkStages.Found(BenchmarkResult.withoutBaseline("day_1m", payments, nanos, peak), note);
    }

    private static DemoDataSettings settings(Path out, long payments) {
        int clients = (int) Math.max(10, Math.min(10_000, payments / 100));
        try {
            return DemoDataSettings.of(out, clients, 1, Math.toIntExact(payments), SEED);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InputError("--rows " + payments + " is too many payments for one generated day: " + e.getMessage());
        }
    }

    /** A job execution's seconds, from its start to its end. */
    private String seconds(Long jobExecutionId) {
        JobExecution execution = jobExecutionId == null ? null : jobRepository.getJobExecution(jobExecutionId);
        if (execution == null || execution.getStartTime() == null || execution.getEndTime() == null) {
            throw new IllegalStateException("job execution " + jobExecutionId + " has no start and end");
        }
        return String.format(Locale.ROOT, "%.2f s", Duration.between(execution.getStartTime(), execution.getEndTime())
                .toNanos() / 1e9);
    }

    private static List<String> problems(DayReport report) {
        List<String> problems = new ArrayList<>();
        report.imports().stream().filter(outcome -> outcome.status() != ImportOutcome.Status.IMPORTED)
                .forEach(outcome -> problems.add(outcome.summary()));
        report.jobs().stream().filter(outcome -> outcome.status() != DayJobOutcome.Status.COMPLETED)
                .forEach(outcome -> problems.add(outcome.describe()));
        problems.addAll(report.attention());
        return problems;
    }

    private static List<String> reportsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
