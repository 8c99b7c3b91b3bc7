package se.clientfunds.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import se.clientfunds.jobs.Causes;
import se.clientfunds.jobs.JobRestarts;
import se.clientfunds.outcome.JobFailed;
import se.clientfunds.outcome.NeedsAttention;
import se.clientfunds.reconciliation.ReconciliationQueries;
import se.clientfunds.reconciliation.SafeguardingActions;

/**
 * Writes a day's reports so that history is never rewritten (DESIGN §2.4, §2.7): the first time as version 1; when the
 * day changed since its latest version (a later reconciliation run, an operator action about the day) as a new
 * version beside it, whose manifest says what it supersedes; otherwise it renders the latest version again apart and
 * leaves the files as they are when the bytes are the same, or writes a new version saying so when they are not.
 */
@Service
public class ReportPublication {

    /** What writing a day's reports did. */
    public enum Kind {
        /** A version written for the first time (or its failed writing finished). */
        WRITTEN,
        /** Nothing about the day changed: the latest version renders to the same bytes, and was left as it is. */
        SAME_BYTES,
        /** The day changed, or the same books now give other bytes: a new version beside the earlier ones. */
        NEW_VERSION
    }

    /** Whether a file of the version is as before, new, or changed, and its SHA-256. */
    public record FileState(String sha256, String state) {
    }

    /**
     * @param files each file of the version's folder with its SHA-256 and whether it is {@code same bytes}, {@code new}
     *              or {@code CHANGED} against the version before (or against what was there)
     */
    public record Outcome(LocalDate businessDate, int version, Kind kind, String reason, ReportVersions.ReasonCode code, Path folder,
                          Map<String, FileState> files) implements NeedsAttention {

        /** A version written because the same books now render to other bytes: which one to rely on is a person's call. */
        @Override
        public List<String> attention() {
            return code == ReportVersions.ReasonCode.REWRITTEN && kind == Kind.NEW_VERSION
                    ? List.of("the reports of " + businessDate + ": the same books gave other bytes than version " + (version - 1)
                            + " recorded; find out why before relying on either")
                    : List.of();
        }
    }

    private final DailyReports reports;
    private final ReportVersions versions;
    private final ReconciliationQueries reconciliation;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job reportsJob;
    private final JobRestarts restarts;
    private final SafeguardingActions actions;

    ReportPublication(DailyReports reports, ReportVersions versions, ReconciliationQueries reconciliation, JobOperator jobOperator,
                      JobRepository jobRepository, @Qualifier("reportsJob") Job reportsJob, JobRestarts restarts,
                      SafeguardingActions actions) {
        this.actions = actions;
        this.reports = reports;
        this.versions = versions;
        this.reconciliation = reconciliation;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.reportsJob = reportsJob;
        this.restarts = restarts;
    }

    /** Why a day changed since its latest version of the reports: in words, and as the reports word it. */
    public record Change(String reason, ReportVersions.ReasonCode code) {
    }

    /** Why the day needs a new version of its reports now, or empty when its latest version still shows it as it is. */
    public Optional<Change> changedSince(LocalDate day) {
        Optional<ReportVersions.Version> latest = versions.latest(day);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        if (!completed(day, latest.get().version())) {
            return Optional.of(new Change("version " + latest.get().version() + " of the reports of " + day + (abandoned(day,
                    latest.get().version()) ? " was abandoned" : " did not finish") + ": " + latest.get().reason(),
                    ReportVersions.ReasonCode.valueOf(latest.get().reasonCode())));
        }
        int run = reconciliation.latestRun(day).orElse(1);
        if (run > latest.get().reconciliationRun()) {
            return Optional.of(new Change("reconciliation run " + run + " of " + day + " (version " + latest.get().version()
                    + " shows run " + latest.get().reconciliationRun() + ")", ReportVersions.ReasonCode.LATE_STATEMENT));
        }
        if (actions.recordedAfter(day, latest.get().operatorActionUpto())) {
            return Optional.of(new Change("a safeguarding action about " + day + " was recorded after version "
                    + latest.get().version(), ReportVersions.ReasonCode.SAFEGUARDING_ACTION));
        }
        return Optional.empty();
    }

    /** {@code settle reports DATE}: the day's reports written, finished, confirmed as they are, or versioned. */
    public Outcome publish(LocalDate day) {
        reports.requireReconciled(day);
        Optional<ReportVersions.Version> latest = versions.latest(day);
        if (latest.isPresent() && abandoned(day, latest.get().version())) {
            Change change = changedSince(day).orElseThrow();
            return newVersion(day, change.reason(), change.code());
        }
        if (latest.isEmpty() || !completed(day, latest.get().version())) {
            int version = latest.map(ReportVersions.Version::version).orElse(1);
            Outcome finished = write(day, version, latest.map(ReportVersions.Version::reason).orElse(null),
                    latest.map(found -> ReportVersions.ReasonCode.valueOf(found.reasonCode())).orElse(ReportVersions.ReasonCode.FIRST),
                    Kind.WRITTEN);
            // what it recorded was fixed when it began: anything about the day since then makes the next version
            Optional<Change> since = changedSince(day);
            return since.isPresent() ? newVersion(day, since.get().reason(), since.get().code()) : finished;
        }
        Optional<Change> changed = changedSince(day);
        if (changed.isPresent()) {
            return newVersion(day, changed.get().reason(), changed.get().code());
        }
        return renderAgain(latest.get());
    }

    /** Writes the next version of the day's reports, saying why; its manifest names the version it supersedes. */
    public Outcome newVersion(LocalDate day, String reason, ReportVersions.ReasonCode code) {
        reports.requireReconciled(day);
        Optional<ReportVersions.Version> latest = versions.latest(day);
        if (latest.isPresent() && !completed(day, latest.get().version()) && !abandoned(day, latest.get().version())) {
            // a version whose writing failed is finished first, as it was begun; this change then makes the next one
            write(day, latest.get().version(), latest.get().reason(), ReportVersions.ReasonCode.valueOf(latest.get().reasonCode()),
                    Kind.WRITTEN);
            latest = versions.latest(day);
            if (changedSince(day).isEmpty()) {
                ReportVersions.Version finished = latest.orElseThrow();
                return new Outcome(day, finished.version(), finished.version() == 1 ? Kind.WRITTEN : Kind.NEW_VERSION,
                        finished.reason(), ReportVersions.ReasonCode.valueOf(finished.reasonCode()),
                        reports.chain().folder(day, finished.version()), states(day, finished.version(),
                                finished.version() > 1 ? currentFiles(day, finished.version() - 1) : Map.of()));
            }
        }
        int version = latest.map(found -> found.version() + 1).orElse(1);
        return write(day, version, reason, code, version == 1 ? Kind.WRITTEN : Kind.NEW_VERSION);
    }

    /** The closed days, oldest first, whose reports are behind the books: a version unfinished, or the day changed since. */
    public java.util.List<LocalDate> daysBehind() {
        return versions.daysWithLaterChanges().stream().filter(day -> changedSince(day).isPresent()).toList();
    }

    private Outcome write(LocalDate day, int version, String reason, ReportVersions.ReasonCode code, Kind kind) {
        Map<String, String> before = version > 1 ? currentFiles(day, version - 1) : Map.of();
        Map<String, String> there = currentFiles(day, version);
        JobParametersBuilder builder = new JobParametersBuilder().addLocalDate("businessDate", day);
        if (version > 1) {
            builder.addLong("version", (long) version);
        }
        JobParameters identity = builder.toJobParameters();
        if (reason != null) {
            builder.addString("reason", reason, false);
        }
        builder.addString("reasonCode", code.name(), false);
        JobExecution last = jobRepository.getLastJobExecution(reportsJob.getName(), identity);
        JobExecution execution;
        try {
            execution = last == null ? jobOperator.start(reportsJob, builder.toJobParameters()) : restarts.resume(last);
        } catch (Exception e) {
            throw new JobFailed("reportsJob of " + day + " version " + version + ": " + Causes.rootMessage(e), e);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new JobFailed("reportsJob of " + day + " version " + version + " (job execution " + execution.getId()
                    + ") failed: " + Causes.ofFailedExecution(execution) + "; run the command again to restart it");
        }
        Map<String, String> against = version > 1 ? before : there;
        ReportVersions.Version written = versions.get(day, version).orElseThrow();
        return new Outcome(day, version, kind, written.reason(), ReportVersions.ReasonCode.valueOf(written.reasonCode()),
                reports.chain().folder(day, version), states(day, version, against));
    }

    private boolean completed(LocalDate day, int version) {
        return lastStatus(day, version) == BatchStatus.COMPLETED;
    }

    /**
     * A version an operator abandoned (or one its job repository can no longer restart) is void: it wrote no manifest, so
     * nothing chains to it, and the next version is written in its place under the next number.
     */
    private boolean abandoned(LocalDate day, int version) {
        BatchStatus status = lastStatus(day, version);
        return status == BatchStatus.ABANDONED || status == BatchStatus.UNKNOWN;
    }

    private BatchStatus lastStatus(LocalDate day, int version) {
        JobParametersBuilder builder = new JobParametersBuilder().addLocalDate("businessDate", day);
        if (version > 1) {
            builder.addLong("version", (long) version);
        }
        JobExecution last = jobRepository.getLastJobExecution(reportsJob.getName(), builder.toJobParameters());
        return last == null ? null : last.getStatus();
    }

    /**
     * Renders the version again apart. When that gives the manifest the database recorded for it, the version is as it
     * was: any of its files changed or removed since is put back with its recorded bytes (a file added to the folder is
     * left for people to look at). When it does not, the same books give other bytes now, and a new version says so.
     */
    private Outcome renderAgain(ReportVersions.Version version) {
        LocalDate day = version.businessDate();
        Path scratch;
        try {
            scratch = Files.createTempDirectory("settle-reports-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch folder to render the reports of " + day, e);
        }
        try {
            ReportChain apart = new ReportChain(scratch);
            reports.renderInto(version, apart);
            String manifest = versions.manifestAsRecorded(version, apart, reports.filings(day));
            Map<String, String> rendered = new java.util.TreeMap<>(apart.hashes(day, version.version()));
            if (!manifest.equals(version.manifestSha256())) {
                Map<String, String> recorded = reports.chain().listed(day, version.version());
                List<String> differing = rendered.keySet().stream().filter(name -> !rendered.get(name).equals(recorded.get(name)))
                        .toList();
                return newVersion(day, "written again: the same books now give other bytes"
                        + (differing.isEmpty() ? "" : " for " + String.join(", ", differing))
                        + " (the software or a report template changed)", ReportVersions.ReasonCode.REWRITTEN);
            }
            rendered.put(ReportChain.MANIFEST, manifest);
            Map<String, String> before = currentFiles(day, version.version());
            Map<String, FileState> states = new LinkedHashMap<>();
            for (Map.Entry<String, String> file : rendered.entrySet()) {
                String name = file.getKey();
                if (file.getValue().equals(before.get(name))) {
                    states.put(name, new FileState(file.getValue(), "same bytes"));
                } else {
                    Path source = apart.folder(day, version.version()).resolve(name);
                    reports.chain().write(day, version.version(), name, target -> Files.copy(source, target));
                    states.put(name, new FileState(file.getValue(), before.containsKey(name)
                            ? "restored: it had been changed" : "restored: it was missing"));
                }
            }
            before.keySet().stream().filter(name -> !rendered.containsKey(name)).forEach(name -> states.put(name,
                    new FileState(before.get(name), "NOT IN THE MANIFEST: left for you to look at")));
            return new Outcome(day, version.version(), Kind.SAME_BYTES, version.reason(),
                    ReportVersions.ReasonCode.valueOf(version.reasonCode()), reports.chain().folder(day, version.version()), states);
        } finally {
            deleteQuietly(scratch);
        }
    }

    /** Each file of the version with its SHA-256, and whether it has the bytes it had in {@code against}. */
    private Map<String, FileState> states(LocalDate day, int version, Map<String, String> against) {
        Map<String, FileState> states = new LinkedHashMap<>();
        currentFiles(day, version).forEach((name, sha256) -> states.put(name, new FileState(sha256,
                !against.containsKey(name) ? "new" : against.get(name).equals(sha256) ? "same bytes" : "CHANGED")));
        return states;
    }

    /** The version's files and its manifest, by name, with their SHA-256. */
    private Map<String, String> currentFiles(LocalDate day, int version) {
        Map<String, String> files = new java.util.TreeMap<>(reports.chain().hashes(day, version));
        Path manifest = reports.chain().folder(day, version).resolve(ReportChain.MANIFEST);
        if (Files.exists(manifest)) {
            files.put(ReportChain.MANIFEST, se.clientfunds.files.Sha256.of(manifest));
        }
        return files;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a scratch folder under the temporary directory: left for the system to clear
        }
    }
}
