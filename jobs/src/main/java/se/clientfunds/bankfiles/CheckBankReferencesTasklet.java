package se.clientfunds.bankfiles;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.files.ImportContext;
import se.clientfunds.files.ImportedFiles;
import se.clientfunds.files.InputFileMover;
import se.clientfunds.ledger.BusinessDays;

/**
 * The import's {@code checkBankReferences} step: the staged entries must be the validated ones; a file with a payment
 * that cannot post ({@link UnpostablePaymentRule}), a reference or batch twice ({@link DuplicateReferenceRule}) or a
 * statement the books have ({@link ResentStatementRule}) is refused with nothing left staged; otherwise its
 * duplicates are kept but not posted, its late payments noted ({@link LateBookingRule}), and its references claimed.
 */
class CheckBankReferencesTasklet implements Tasklet {

    private final UnpostablePaymentRule unpostablePayments = new UnpostablePaymentRule();
    private final DuplicateReferenceRule duplicateReferences = new DuplicateReferenceRule();
    private final ResentStatementRule resentStatements = new ResentStatementRule();

    private final StagedBankFiles staged;
    private final ImportedFiles importedFiles;
    private final InputFileMover mover;
    private final BusinessDays businessDays;
    private final Path file;
    private final LocalDate businessDate;
    private final long importId;
    private final long validatedEntries;

    CheckBankReferencesTasklet(StagedBankFiles staged, ImportedFiles importedFiles, InputFileMover mover,
                               BusinessDays businessDays, Path file, LocalDate businessDate, long importId, long validatedEntries) {
        this.staged = staged;
        this.importedFiles = importedFiles;
        this.mover = mover;
        this.businessDays = businessDays;
        this.file = file;
        this.businessDate = businessDate;
        this.importId = importId;
        this.validatedEntries = validatedEntries;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long entries = staged.entries(importId);
        if (entries != validatedEntries) {
            throw new IllegalStateException(file.getFileName() + ": staged " + entries + " entries but validated "
                    + validatedEntries + " (import " + importId + ")");
        }
        boolean batches = staged.hasBatches(importId);
        List<BankFileVerdict.Problem> problems = new ArrayList<>(unpostablePayments.problems(staged.unpostablePayments(importId)));
        problems.addAll(duplicateReferences.problems(staged.repeatedReferences(importId),
                batches ? staged.repeatedBatches(importId) : List.of()));
        problems.addAll(resentStatements.problems(staged.resentStatements(importId)));
        if (!problems.isEmpty()) {
            String summary = file.getFileName() + ": " + problems.size() + (problems.size() >= StagedBankFiles.REPORTED ? " or more" : "")
                    + " payment problem" + (problems.size() == 1 ? "" : "s") + "; first: " + problems.get(0);
            importedFiles.markRejected(importId, summary);
            // a refused file leaves nothing behind: its staged rows go in the same transaction
            staged.discard(importId);
            BankFileRejection.reject(contribution, chunkContext, mover, file, summary, problems);
            return RepeatStatus.FINISHED;
        }
        // a payment another file brought already is kept for the record, not posted again, and reported
        staged.markPaymentsClaimedElsewhere(importId);
        // a batch another file brought already, in whatever shape (a lump with or without its batch count, its
        // details, some of them): its payments are kept for the record, not posted again. Looked for only when the
        // file has batches or the account has batches claimed: a file of single payments, the common case, on an
        // account that never had a batch, is spared the joins
        if (staged.batchesClaimedOnItsAccounts(importId)) {
            staged.markEntriesClaimedAsBatchElsewhere(importId);
        }
        if (batches) {
            staged.markBatchesClaimedAsPaymentElsewhere(importId);
        }
        List<String> notes = new ArrayList<>();
        ExecutionContext importContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        if (importContext.containsKey(ImportContext.WARNINGS)) {
            notes.add(importContext.getString(ImportContext.WARNINGS));
        }
        duplicateReferences.note(staged.duplicates(importId)).ifPresent(notes::add);
        LateBookingRule lateBooking = new LateBookingRule(businessDate, businessDays.lastClosed().orElse(null));
        lateBooking.lastClosed().flatMap(closed -> lateBooking.note(staged.paymentsBookedOnOrBefore(importId, closed)))
                .ifPresent(notes::add);
        if (!notes.isEmpty()) {
            String note = String.join("; ", notes);
            importContext.putString(ImportContext.NOTE, note);
            importedFiles.note(importId, note);
        }
        // the unique key settles a race with another file claiming the same payment: this step then fails and
        // its restart finds that payment claimed by the other file, a duplicate
        staged.claim(importId, batches);
        return RepeatStatus.FINISHED;
    }
}
