package se.clientfunds.extracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import se.clientfunds.files.DuplicateFileException;
import se.clientfunds.files.ImportedFile;
import se.clientfunds.files.ImportedFiles;
import se.clientfunds.files.InputFileMover;
import se.clientfunds.files.Sha256;
import se.clientfunds.jobs.JobName;

/**
 * Starts {@code importExtractsJob} for a file, or restarts the earlier execution when the same bytes failed part
 * way: a restarted import resumes after its last committed chunk.
 */
@Service
public class ExtractImports {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job importExtractsJob;
    private final ImportedFiles importedFiles;
    private final JdbcTemplate jdbc;
    private final InputFileMover mover;

    public ExtractImports(JobOperator jobOperator, JobRepository jobRepository,
                          @Qualifier("importExtractsJob") Job importExtractsJob, ImportedFiles importedFiles,
                          JdbcTemplate jdbc, InputFileMover mover) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.importExtractsJob = importExtractsJob;
        this.importedFiles = importedFiles;
        this.jdbc = jdbc;
        this.mover = mover;
    }

    public ExtractImportOutcome importFile(Path file, LocalDate businessDate) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        String sha256 = Sha256.of(file);
        JobParameters parameters = parameters(file, sha256, businessDate);
        JobExecution last = jobRepository.getLastJobExecution(JobName.IMPORT_EXTRACTS.jobName(), parameters);
        JobExecution execution;
        if (last != null && last.getStatus().isUnsuccessful() || last != null && last.getStatus() == BatchStatus.STOPPED) {
            execution = jobOperator.restart(last);
        } else if (last != null && last.getStatus().isRunning()) {
            // left STARTED by a process that was killed: mark it failed, then resume it from its last commit
            execution = jobOperator.restart(jobOperator.recover(last));
        } else {
            Optional<ImportedFile> accepted = importedFiles.accepted(sha256);
            if (accepted.isPresent()) {
                String reason = new DuplicateFileException(file.getFileName().toString(), accepted.get()).getMessage();
                importedFiles.recordRefused(file, accepted.get().kind(), sha256, Files.size(file), businessDate, reason);
                mover.quarantine(file, "File: " + file.getFileName() + "\nRejected: nothing from this file was imported.\n"
                        + "Reason: " + reason + "\n");
                return new ExtractImportOutcome(file, ExtractImportOutcome.Status.REJECTED, accepted.get().kind(), 0, reason, null);
            }
            execution = jobOperator.start(importExtractsJob, parameters);
        }
        return outcome(file, execution);
    }

    /**
     * The identity of an import is its bytes and how many times those bytes were rejected before: a file sent
     * again after a rejection is a new attempt, a file whose import failed part way is the same one, restarted.
     */
    private JobParameters parameters(Path file, String sha256, LocalDate businessDate) {
        long rejectedBefore = jdbc.queryForObject("SELECT COUNT(*) FROM imported_file WHERE sha256 = ? AND status = 'REJECTED'",
                Long.class, sha256);
        return new JobParametersBuilder()
                .addString("sha256", sha256)
                .addLong("attempt", rejectedBefore + 1)
                .addString("file", file.toAbsolutePath().normalize().toString(), false)
                .addLocalDate("businessDate", businessDate, false)
                .toJobParameters();
    }

    private static ExtractImportOutcome outcome(Path file, JobExecution execution) {
        var context = execution.getExecutionContext();
        String kind = context.containsKey(ImportExtractsJobConfiguration.KIND)
                ? context.getString(ImportExtractsJobConfiguration.KIND) : "UNKNOWN";
        if (execution.getStatus() == BatchStatus.COMPLETED
                && ImportExtractsJobConfiguration.REJECTED.equals(execution.getExitStatus().getExitCode())) {
            return new ExtractImportOutcome(file, ExtractImportOutcome.Status.REJECTED, kind, 0,
                    context.getString(ImportExtractsJobConfiguration.REASON, "rejected"), execution.getId());
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return new ExtractImportOutcome(file, ExtractImportOutcome.Status.IMPORTED, kind,
                    context.getLong(ImportExtractsJobConfiguration.ROWS, 0L), "imported", execution.getId());
        }
        return new ExtractImportOutcome(file, ExtractImportOutcome.Status.FAILED, kind, 0, failureOf(execution),
                execution.getId());
    }

    private static String failureOf(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (failures.isEmpty()) {
            return execution.getExitStatus().getExitDescription();
        }
        Throwable root = failures.get(0);
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isUnsuccessful()) {
                return "step " + step.getStepName() + ": " + root.getMessage();
            }
        }
        return root.getMessage();
    }
}
