package se.clientfunds.extracts;

import java.nio.file.Path;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;

import se.clientfunds.files.ImportContext;
import se.clientfunds.files.InputFileMover;

/** How any step of the extract import refuses its file. */
final class ExtractRejection {

    private ExtractRejection() {
    }

    /**
     * Ends the import as rejected: the job ends with exit code REJECTED, the reason is kept for the command line,
     * and the file goes to quarantine with its reason file once the step's transaction commits.
     */
    static void reject(StepContribution contribution, ChunkContext chunkContext, InputFileMover mover, Path file,
                       ExtractVerdict verdict) {
        mover.quarantine(file, verdict.reasonText());
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putString(ImportContext.REASON, verdict.summary());
        contribution.setExitStatus(new ExitStatus(ImportContext.REJECTED, verdict.summary()));
    }
}
