package se.clientfunds.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import se.clientfunds.bank.BankFileParsers;
import se.clientfunds.jobs.Causes;
import se.clientfunds.jobs.JobRestarts;
import se.clientfunds.sanctions.EuSanctionsListReader;

/**
 * Imports one input file with the job for what it is (a bank file, a sanctions list or a platform extract, told by its
 * content), or
 * restarts the earlier execution when the same bytes failed part way: a restarted import resumes after its last
 * committed chunk. A file whose bytes were already imported is refused before any job runs.
 */
@Service
public class FileImports {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job importExtractsJob;
    private final Job importBankFilesJob;
    private final Job importSanctionsListJob;
    private final ImportedFiles importedFiles;
    private final InputFileMover mover;
    private final JobRestarts restarts;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    public FileImports(JobOperator jobOperator, JobRepository jobRepository,
                       @Qualifier("importExtractsJob") Job importExtractsJob,
                       @Qualifier("importBankFilesJob") Job importBankFilesJob,
                       @Qualifier("importSanctionsListJob") Job importSanctionsListJob, ImportedFiles importedFiles,
                       InputFileMover mover, JobRestarts restarts, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.importExtractsJob = importExtractsJob;
        this.importBankFilesJob = importBankFilesJob;
        this.importSanctionsListJob = importSanctionsListJob;
        this.importedFiles = importedFiles;
        this.mover = mover;
        this.restarts = restarts;
    }

    public ImportOutcome importFile(Path file, LocalDate businessDate) throws Exception {
        return importFile(file, businessDate, true);
    }

    /**
     * Imports the file; an import of it that did not finish is restarted, except, unless {@code restartUnfinished}, one
     * that failed or that an operator stopped: the inbox poll leaves those to the next daily cycle or an operator, so a
     * file that fails is not tried again every few minutes. One a shutdown stopped or a crash left running goes on.
     */
    public ImportOutcome importFile(Path file, LocalDate businessDate, boolean restartUnfinished) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        // a sanctions list is XML too: asked first
        Job job = EuSanctionsListReader.recognises(file) ? importSanctionsListJob
                : BankFileParsers.isBankFile(file) ? importBankFilesJob : importExtractsJob;
        String sha256 = Sha256.of(file);
        JobParameters parameters = parameters(file, sha256, businessDate);
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
        if (last != null && last.getStatus() == BatchStatus.ABANDONED) {
            // an operator gave this attempt up: it no longer holds the bytes, the file is imported afresh
            importedFiles.abandon(sha256, "job execution " + last.getId() + " was abandoned");
            parameters = parameters(file, sha256, businessDate);
            last = null;
        }
        JobExecution execution;
        if (last != null && (last.getStatus().isRunning() || last.getStatus() == BatchStatus.FAILED
                || last.getStatus() == BatchStatus.STOPPED)) {
            if (!restartUnfinished && (last.getStatus() == BatchStatus.FAILED || stoppedByAnOperator(last))) {
                return new ImportOutcome(file, ImportOutcome.Status.WAITING, null, 0, "its import (job execution " + last.getId()
                        + ") ended " + last.getStatus() + " and waits: restart it (settle jobs restart " + last.getId()
                        + " --reason TEXT), or the next daily cycle does", last.getId());
            }
            execution = restarts.resume(last);
        } else {
            Optional<ImportedFile> accepted = importedFiles.accepted(sha256);
            if (accepted.isPresent()) {
                String reason = new DuplicateFileException(file.getFileName().toString(), accepted.get()).getMessage();
                importedFiles.recordRefused(file, accepted.get().kind(), sha256, Files.size(file), businessDate, reason);
                mover.quarantine(file, "File: " + file.getFileName() + "\nRejected: nothing from this file was imported.\n"
                        + "Reason: " + reason + "\n");
                return new ImportOutcome(file, ImportOutcome.Status.REJECTED, accepted.get().kind().toLowerCase(), 0, reason,
                        null);
            }
            execution = jobOperator.start(job, parameters);
        }
        return outcome(file, execution);
    }

    private boolean stoppedByAnOperator(JobExecution execution) {
        return execution.getStatus() == BatchStatus.STOPPED && jdbc.queryForObject("SELECT COUNT(*) FROM operator_action"
                + " WHERE action = 'STOP' AND job_execution_id = ?", Integer.class, execution.getId()) > 0;
    }

    /**
     * The identity of an import is its bytes and how many times those bytes were rejected before: a file sent
     * again after a rejection is a new attempt, a file whose import failed part way is the same one, restarted.
     */
    private JobParameters parameters(Path file, String sha256, LocalDate businessDate) {
        return new JobParametersBuilder()
                .addString("sha256", sha256)
                .addLong("attempt", importedFiles.rejectedCount(sha256) + 1)
                .addString("file", file.toAbsolutePath().normalize().toString(), false)
                .addLocalDate("businessDate", businessDate, false)
                .toJobParameters();
    }

    private static ImportOutcome outcome(Path file, JobExecution execution) {
        var context = execution.getExecutionContext();
        String label = context.containsKey(ImportContext.LABEL) ? context.getString(ImportContext.LABEL) : null;
        if (execution.getStatus() == BatchStatus.COMPLETED
                && ImportContext.REJECTED.equals(execution.getExitStatus().getExitCode())) {
            return new ImportOutcome(file, ImportOutcome.Status.REJECTED, label, 0,
                    context.getString(ImportContext.REASON, "rejected"), execution.getId());
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return new ImportOutcome(file, ImportOutcome.Status.IMPORTED, label, context.getLong(ImportContext.ROWS, 0L),
                    context.getString(ImportContext.NOTE, null), execution.getId());
        }
        return new ImportOutcome(file, ImportOutcome.Status.FAILED, label, 0, Causes.ofFailedExecution(execution), execution.getId());
    }
}
