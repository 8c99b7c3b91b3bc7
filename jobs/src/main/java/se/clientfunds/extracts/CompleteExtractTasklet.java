package se.clientfunds.extracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.dao.DuplicateKeyException;

import se.clientfunds.extract.ExtractKind;
import se.clientfunds.files.ImportedFiles;
import se.clientfunds.files.InputFileMover;
import se.clientfunds.jobs.Causes;

/**
 * The import's {@code completeExtract} step: the rows loaded must be exactly the rows validated; a refunds file then
 * claims its refunds ({@link RefundClaim}); the import becomes visible and the file goes to the archive.
 */
class CompleteExtractTasklet implements Tasklet {

    private final ExtractTables tables;
    private final ImportedFiles importedFiles;
    private final InputFileMover mover;
    private final Path file;
    private final LocalDate businessDate;
    private final long importId;
    private final ExtractKind kind;
    private final long validatedRows;

    CompleteExtractTasklet(ExtractTables tables, ImportedFiles importedFiles, InputFileMover mover, Path file, LocalDate businessDate,
                           long importId, ExtractKind kind, long validatedRows) {
        this.tables = tables;
        this.importedFiles = importedFiles;
        this.mover = mover;
        this.file = file;
        this.businessDate = businessDate;
        this.importId = importId;
        this.kind = kind;
        this.validatedRows = validatedRows;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long loaded = tables.loadedRows(kind, importId);
        if (loaded != validatedRows) {
            throw new IllegalStateException(file.getFileName() + ": loaded " + loaded + " rows but validated " + validatedRows
                    + " (import " + importId + ")");
        }
        if (kind == ExtractKind.REFUNDS) {
            // the unique key settles a race with another refunds file validated at the same time
            try {
                tables.claimRefunds(importId);
            } catch (DuplicateKeyException e) {
                String reason = RefundClaim.lostToAnotherFile(file, Causes.rootMessage(e));
                importedFiles.markRejected(importId, reason);
                ExtractRejection.reject(contribution, chunkContext, mover, file, ExtractVerdict.refused(ExtractKind.REFUNDS, file, reason));
                return RepeatStatus.FINISHED;
            }
        }
        importedFiles.markImported(importId, loaded);
        // a restart after the file was archived but before the job's end was recorded finds it gone
        if (Files.exists(file)) {
            mover.archive(file, businessDate);
        }
        return RepeatStatus.FINISHED;
    }
}
