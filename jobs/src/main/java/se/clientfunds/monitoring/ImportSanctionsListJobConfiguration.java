package se.clientfunds.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import se.clientfunds.files.DuplicateFileException;
import se.clientfunds.files.ImportContext;
import se.clientfunds.files.ImportedFiles;
import se.clientfunds.files.InputFileMover;
import se.clientfunds.files.Sha256;
import se.clientfunds.jobs.JobName;
import se.clientfunds.sanctions.EuSanctionsListReader;
import se.clientfunds.sanctions.SanctionsList;
import se.clientfunds.sanctions.SanctionsListException;

/**
 * {@code importSanctionsListJob}: one EU consolidated sanctions list from file to tables, in one step and one
 * transaction (a list is small next to a day's payments, and a half-stored list must never be screened against):
 * hash and refuse a list already imported → read and validate the whole list → refuse one older than the list in
 * force → store every entity and alias → mark imported and archive. A refused list goes to quarantine with its reason.
 * See README.md beside this class.
 */
@Configuration(proxyBeanMethods = false)
class ImportSanctionsListJobConfiguration {

    static final String KIND = "SANCTIONS_LIST";

    @Bean
    Job importSanctionsListJob(JobRepository jobRepository, Step importSanctionsListStep) {
        return new JobBuilder(JobName.IMPORT_SANCTIONS_LIST.jobName(), jobRepository)
                .start(importSanctionsListStep).on(ImportContext.REJECTED).end(ImportContext.REJECTED)
                .from(importSanctionsListStep).on(ExitStatus.COMPLETED.getExitCode()).end()
                .from(importSanctionsListStep).on("*").fail()
                .end()
                .build();
    }

    @Bean
    Step importSanctionsListStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 Tasklet importSanctionsListTasklet) {
        return new StepBuilder("importSanctionsList", jobRepository)
                .tasklet(importSanctionsListTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    Tasklet importSanctionsListTasklet(ImportedFiles importedFiles, InputFileMover mover, SanctionsLists lists,
                                       @Value("#{jobParameters['file']}") String fileName,
                                       @Value("#{jobParameters['sha256']}") String sha256,
                                       @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return (contribution, chunkContext) -> {
            Path file = Path.of(fileName);
            JobExecution jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
            ExecutionContext jobContext = jobExecution.getExecutionContext();
            jobContext.putString(ImportContext.LABEL, "EU sanctions list");
            Sha256.requireUnchanged(file, sha256);
            long size = Files.size(file);
            long importId;
            try {
                importId = importedFiles.registeredByJobInstance(sha256, jobExecution.getJobInstance().getInstanceId())
                        .orElseGet(() -> importedFiles.register(file, KIND, sha256, size, businessDate, jobExecution.getId()));
            } catch (DuplicateFileException e) {
                importedFiles.recordRefused(file, KIND, sha256, size, businessDate, e.getMessage());
                reject(contribution, chunkContext, mover, file, e.getMessage());
                return RepeatStatus.FINISHED;
            }
            jobContext.putLong(ImportContext.IMPORT_ID, importId);
            SanctionsList list;
            try (InputStream in = Files.newInputStream(file)) {
                list = EuSanctionsListReader.read(in, file.getFileName().toString());
            } catch (SanctionsListException e) {
                importedFiles.markRejected(importId, e.getMessage());
                reject(contribution, chunkContext, mover, file, e.getMessage());
                return RepeatStatus.FINISHED;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + file, e);
            }
            var inForce = lists.inForce();
            if (inForce.isPresent() && !list.generationDate().withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime()
                    .isAfter(inForce.get().generatedAtUtc())) {
                String reason = file.getFileName() + ": the list was generated " + list.generationDate() + ", not after the list"
                        + " in force, " + inForce.get().label() + ": an older list would screen against names since"
                        + " changed";
                importedFiles.markRejected(importId, reason);
                reject(contribution, chunkContext, mover, file, reason);
                return RepeatStatus.FINISHED;
            }
            int entities = lists.store(importId, list);
            importedFiles.markImported(importId, entities);
            jobContext.putLong(ImportContext.ROWS, entities);
            jobContext.putString(ImportContext.NOTE, entities + " entities, generated " + list.generationDate());
            contribution.incrementWriteCount(entities);
            if (Files.exists(file)) {
                mover.archive(file, businessDate);
            }
            return RepeatStatus.FINISHED;
        };
    }

    /** Ends the import as refused: exit code REJECTED, the reason kept for the command line, the file to quarantine. */
    private static void reject(StepContribution contribution, ChunkContext chunkContext, InputFileMover mover, Path file,
                               String reason) {
        mover.quarantine(file, "File: " + file.getFileName() + "\nKind: EU sanctions list\n"
                + "Rejected: nothing from this file was imported.\nReason: " + reason + "\n");
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putString(ImportContext.REASON, reason);
        contribution.setExitStatus(new ExitStatus(ImportContext.REJECTED, reason));
    }
}
