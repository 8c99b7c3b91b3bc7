package se.clientfunds.bankfiles;

import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;

import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.files.ImportContext;
import se.clientfunds.files.InputFileMover;

/** How any step of the bank import refuses its file. */
final class BankFileRejection {

    private BankFileRejection() {
    }

    /**
     * Ends the import as refused: the job ends with exit code REJECTED, the reason is kept for the command line,
     * and the file goes to quarantine with a reason file once the step's transaction commits.
     */
    static void reject(StepContribution contribution, ChunkContext chunkContext, InputFileMover mover, Path file,
                       String summary, List<BankFileVerdict.Problem> problems) {
        StringBuilder reason = new StringBuilder("File: ").append(file.getFileName())
                .append("\nRejected: nothing from this file was posted.\nReason: ").append(summary).append('\n');
        if (!problems.isEmpty()) {
            reason.append("\nwhere\twhy\n");
            problems.forEach(problem -> reason.append(problem.location()).append('\t').append(problem.reason()).append('\n'));
        }
        mover.quarantine(file, reason.toString());
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putString(ImportContext.REASON, summary);
        contribution.setExitStatus(new ExitStatus(ImportContext.REJECTED, summary));
    }
}
