package se.clientfunds.bankfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

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
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankFileParsers;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.files.DuplicateFileException;
import se.clientfunds.files.ImportContext;
import se.clientfunds.files.ImportedFiles;
import se.clientfunds.files.InputFileMover;
import se.clientfunds.files.Sha256;
import se.clientfunds.jobs.Causes;
import se.clientfunds.jobs.JobName;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.money.Money;
import se.clientfunds.settings.SettlementProperties;

/**
 * {@code importBankFilesJob}: one bank file (camt.054, BGMax, camt.053, MT940) from file to books.
 * register (hash, size, format from content, refuse a file already imported) → validate the whole file (it parses,
 * the money adds up, the accounts are ours) → stage its sections, entries and transactions (chunked, restartable)
 * → check the payments' bank references (none twice, none already accepted) → post the payments (chunked,
 * restartable) → complete (mark imported, archive). A refused file goes to quarantine with a reason file and
 * nothing from it reaches the ledger. See README.md beside this class.
 */
@Configuration(proxyBeanMethods = false)
class ImportBankFilesJobConfiguration {

    private static final String REJECTED = ImportContext.REJECTED;
    private static final String COMPLETED = ExitStatus.COMPLETED.getExitCode();
    private static final String FORMAT = ImportContext.KIND;

    @Bean
    Job importBankFilesJob(JobRepository jobRepository, Step registerBankFileStep, Step validateBankFileStep,
                           Step stageBankFileStep, Step checkBankReferencesStep, Step postPaymentsStep,
                           Step completeBankFileStep) {
        return new JobBuilder(JobName.IMPORT_BANK_FILES.jobName(), jobRepository)
                // only a completed step leads on; anything else ends the job there, restartable
                .start(registerBankFileStep).on(REJECTED).end(REJECTED)
                .from(registerBankFileStep).on(COMPLETED).to(validateBankFileStep)
                .from(registerBankFileStep).on("*").fail()
                .from(validateBankFileStep).on(REJECTED).end(REJECTED)
                .from(validateBankFileStep).on(COMPLETED).to(stageBankFileStep)
                .from(validateBankFileStep).on("*").fail()
                .from(stageBankFileStep).on(COMPLETED).to(checkBankReferencesStep)
                .from(stageBankFileStep).on("*").fail()
                .from(checkBankReferencesStep).on(REJECTED).end(REJECTED)
                .from(checkBankReferencesStep).on(COMPLETED).to(postPaymentsStep)
                .from(checkBankReferencesStep).on("*").fail()
                .from(postPaymentsStep).on(COMPLETED).to(completeBankFileStep)
                .from(postPaymentsStep).on("*").fail()
                .end()
                .build();
    }

    // --- register: hash, size, format from the content, refuse a file already imported

    @Bean
    Step registerBankFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              Tasklet registerBankFileTasklet) {
        return new StepBuilder("registerBankFile", jobRepository).tasklet(registerBankFileTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet registerBankFileTasklet(ImportedFiles importedFiles, InputFileMover mover, SettlementProperties properties,
                                    @Value("#{jobParameters['file']}") String fileName,
                                    @Value("#{jobParameters['sha256']}") String sha256,
                                    @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return (contribution, chunkContext) -> {
            Path file = Path.of(fileName);
            JobExecution jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
            long size = Files.size(file);
            Sha256.requireUnchanged(file, sha256);
            if (size > properties.bankFiles().maxSizeBytes()) {
                String reason = file.getFileName() + ": " + size + " bytes, more than settlement.bank-files.max-size-bytes ("
                        + properties.bankFiles().maxSizeBytes() + "); not read";
                importedFiles.recordRefused(file, null, sha256, size, businessDate, reason);
                reject(contribution, chunkContext, mover, file, reason, List.of());
                return RepeatStatus.FINISHED;
            }
            Optional<BankFileFormat> format = BankFileParsers.detect(file);
            if (format.isEmpty()) {
                String reason = file.getFileName() + ": " + BankFileParsers.notReadReason(file);
                importedFiles.recordRefused(file, null, sha256, size, businessDate, reason);
                reject(contribution, chunkContext, mover, file, reason, List.of());
                return RepeatStatus.FINISHED;
            }
            try {
                // a re-run of this step (its end not recorded after its commit) finds its own registration again
                long importId = importedFiles.registeredByJobInstance(sha256, jobExecution.getJobInstance().getInstanceId())
                        .orElseGet(() -> importedFiles.register(file, format.get().name(), sha256, size, businessDate,
                                jobExecution.getId()));
                ExecutionContext jobContext = jobExecution.getExecutionContext();
                jobContext.putLong(ImportContext.IMPORT_ID, importId);
                jobContext.putString(FORMAT, format.get().name());
                jobContext.putString(ImportContext.LABEL, format.get().name().toLowerCase().replace('_', '.'));
            } catch (DuplicateFileException e) {
                importedFiles.recordRefused(file, format.get().name(), sha256, size, businessDate, e.getMessage());
                reject(contribution, chunkContext, mover, file, e.getMessage(), List.of());
            }
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * Ends the import as refused: the job ends with exit code REJECTED, the reason is kept for the command line,
     * and the file goes to quarantine with a reason file once the step's transaction commits.
     */
    private static void reject(StepContribution contribution, ChunkContext chunkContext, InputFileMover mover, Path file,
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
        contribution.setExitStatus(new ExitStatus(REJECTED, summary));
    }

    /** How a batch entry's own reference is claimed beside its payments' (see V25). */
    static final String BATCH_CLAIM = "BATCH ";
    /** The claim of a staged entry {@code e}'s reference as a batch's. */
    private static final String BATCH_CLAIM_OF_ENTRY = "CONCAT('" + BATCH_CLAIM + "', e.entry_reference)";
    /** A staged entry {@code e} with a reference of the bank's. */
    private static final String HAS_REFERENCE = " e.entry_reference IS NOT NULL AND e.entry_reference <> ''";
    /** A staged entry {@code e} that is a batch with a reference of the bank's: declared so, or of several transactions. */
    private static final String IS_BATCH = HAS_REFERENCE + " AND (e.declared_batch_count IS NOT NULL OR e.transaction_count > 1)";

    // --- validate: the whole file parses, its money adds up and its accounts are ours, before anything is staged

    @Bean
    Step validateBankFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              Tasklet validateBankFileTasklet) {
        return new StepBuilder("validateBankFile", jobRepository).tasklet(validateBankFileTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet validateBankFileTasklet(BankFileCheck check, ImportedFiles importedFiles, InputFileMover mover,
                                    @Value("#{jobParameters['file']}") String fileName,
                                    @Value("#{jobParameters['sha256']}") String sha256,
                                    @Value("#{jobExecutionContext['importId']}") Long importId,
                                    @Value("#{jobExecutionContext['kind']}") String format) {
        return (contribution, chunkContext) -> {
            Path file = Path.of(fileName);
            Sha256.requireUnchanged(file, sha256);
            BankFileVerdict verdict = check.check(file, BankFileFormat.valueOf(format));
            ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
            jobContext.putString(ImportContext.LABEL, verdict.version());
            if (!verdict.valid()) {
                importedFiles.markRejected(importId, verdict.summary());
                reject(contribution, chunkContext, mover, file, verdict.summary(), verdict.problems());
                return RepeatStatus.FINISHED;
            }
            jobContext.putLong(ImportContext.ROWS, verdict.entries());
            if (!verdict.warnings().isEmpty()) {
                jobContext.putString(ImportContext.WARNINGS, verdict.warningSummary());
            }
            return RepeatStatus.FINISHED;
        };
    }

    // --- stage: sections, entries and transactions as the bank said them, invisible until the import completes

    @Bean
    Step stageBankFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           SettlementProperties properties, BankRecordItemReader bankRecordReader,
                           BankFileStagingWriter bankFileStagingWriter) {
        return new StepBuilder("stageBankFile", jobRepository)
                .<StagedBankRecord, StagedBankRecord>chunk(properties.bankFiles().chunkSize())
                .transactionManager(transactionManager)
                .reader(bankRecordReader)
                .writer(bankFileStagingWriter)
                .build();
    }

    @Bean
    @StepScope
    BankRecordItemReader bankRecordReader(SettlementProperties properties, @Value("#{jobParameters['file']}") String fileName,
                                          @Value("#{jobParameters['sha256']}") String sha256,
                                          @Value("#{jobExecutionContext['kind']}") String format) {
        return new BankRecordItemReader("bankRecordReader", Path.of(fileName), sha256, BankFileFormat.valueOf(format),
                properties.bankFiles().allowTestFiles());
    }

    @Bean
    @StepScope
    BankFileStagingWriter bankFileStagingWriter(JdbcTemplate jdbc, BankFileCheck check,
                                                @Value("#{jobExecutionContext['importId']}") Long importId,
                                                @Value("#{jobExecutionContext['kind']}") String format) {
        return new BankFileStagingWriter(jdbc, check, importId, BankFileFormat.valueOf(format));
    }

    // --- check: every payment has a bank reference, seen once in the file and never accepted before

    @Bean
    Step checkBankReferencesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 Tasklet checkBankReferencesTasklet) {
        return new StepBuilder("checkBankReferences", jobRepository).tasklet(checkBankReferencesTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet checkBankReferencesTasklet(JdbcTemplate jdbc, ImportedFiles importedFiles, InputFileMover mover,
                                       BusinessDays businessDays,
                                       @Value("#{jobParameters['file']}") String fileName,
                                       @Value("#{jobExecutionContext['importId']}") Long importId,
                                       @Value("#{jobExecutionContext['rows']}") Long validatedEntries) {
        return (contribution, chunkContext) -> {
            Path file = Path.of(fileName);
            long staged = jdbc.queryForObject("SELECT COUNT(*) FROM bank_entry WHERE import_id = ?", Long.class, importId);
            if (staged != validatedEntries) {
                throw new IllegalStateException(file.getFileName() + ": staged " + staged + " entries but validated "
                        + validatedEntries + " (import " + importId + ")");
            }
            List<BankFileVerdict.Problem> problems = new ArrayList<>();
            jdbc.query("SELECT location, amount_minor FROM bank_transaction WHERE import_id = ? AND is_payment = 1"
                    + " AND (bank_reference = location OR amount_minor = 0) ORDER BY entry_no, transaction_no LIMIT 100",
                    rs -> {
                        problems.add(new BankFileVerdict.Problem(rs.getString(1), rs.getLong(2) == 0 ? "a payment of zero"
                                : "a payment with no bank reference (AcctSvcrRef, BGC serial number or EndToEndId)"));
                    }, importId);
            jdbc.query("SELECT MIN(location), bank_reference, COUNT(*) FROM bank_transaction WHERE import_id = ? AND is_payment = 1"
                    + " GROUP BY account_iban, bank_reference HAVING COUNT(*) > 1 ORDER BY MIN(entry_no) LIMIT 100",
                    rs -> {
                        problems.add(new BankFileVerdict.Problem(rs.getString(1), "bank reference '" + rs.getString(2)
                                + "' appears " + rs.getLong(3) + " times in this file"));
                    }, importId);
            // one batch in two shapes in one file (a lump and its details): its references differ, its money is one
            boolean batches = Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM bank_entry e"
                    + " WHERE e.import_id = ? AND" + IS_BATCH + ")", Boolean.class, importId));
            if (batches) {
                jdbc.query("SELECT MIN(o.location), e.entry_reference FROM bank_entry e JOIN bank_entry o"
                        + " ON o.import_id = e.import_id AND o.account_iban = e.account_iban AND o.entry_reference = e.entry_reference"
                        + " AND o.entry_no <> e.entry_no WHERE e.import_id = ? AND" + IS_BATCH
                        + " GROUP BY e.account_iban, e.entry_reference ORDER BY MIN(o.entry_no) LIMIT 100", rs -> {
                            problems.add(new BankFileVerdict.Problem(rs.getString(1), "the batch '" + rs.getString(2)
                                    + "' appears more than once in this file"));
                        }, importId);
            }
            // a statement the books already have (the same account, closing date and sequence number), sent again
            // with other bytes, would be reconciled twice
            jdbc.query("SELECT s.section_no, s.account_iban, s.closing_date, s.sequence_number, f.file_name FROM bank_section s"
                    + " JOIN imported_bank_section p ON p.account_iban = s.account_iban AND p.closing_date = s.closing_date"
                    + "   AND p.sequence_number <=> s.sequence_number AND p.format IN ('CAMT_053', 'MT940') AND p.import_id <> s.import_id"
                    + " JOIN imported_file f ON f.id = p.import_id"
                    + " WHERE s.import_id = ? AND s.format IN ('CAMT_053', 'MT940') ORDER BY s.section_no LIMIT 100", rs -> {
                        problems.add(new BankFileVerdict.Problem("statement " + rs.getInt(1), "the statement of " + rs.getString(2)
                                + " closing " + rs.getDate(3) + (rs.getObject(4) == null ? "" : " (sequence " + rs.getLong(4) + ")")
                                + " was already imported from " + rs.getString(5)));
                    }, importId);
            if (!problems.isEmpty()) {
                String summary = file.getFileName() + ": " + problems.size() + (problems.size() >= 100 ? " or more" : "")
                        + " payment problem" + (problems.size() == 1 ? "" : "s") + "; first: " + problems.get(0);
                importedFiles.markRejected(importId, summary);
                // a refused file leaves nothing behind: its staged rows go in the same transaction
                for (String table : List.of("bank_transaction", "bank_entry", "bank_section")) {
                    jdbc.update("DELETE FROM " + table + " WHERE import_id = ?", importId);
                }
                reject(contribution, chunkContext, mover, file, summary, problems);
                return RepeatStatus.FINISHED;
            }
            // a payment another file brought already is kept for the record, not posted again, and reported
            jdbc.update("UPDATE bank_transaction t JOIN accepted_bank_reference a ON a.account_iban = t.account_iban"
                    + " AND a.bank_reference = t.bank_reference AND a.import_id <> t.import_id"
                    + " SET t.is_payment = 0, t.duplicate_of = a.import_id WHERE t.import_id = ? AND t.is_payment = 1", importId);
            // a batch another file brought already, in whatever shape (a lump with or without its batch count, its
            // details, some of them): its payments are kept for the record, not posted again. Looked for only when the
            // file has batches or the account has batches claimed: a file of single payments, the common case, on an
            // account that never had a batch, is spared the joins
            boolean batchesClaimed = Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM"
                    + " (SELECT DISTINCT account_iban FROM bank_section WHERE import_id = ?) s JOIN accepted_bank_reference a"
                    + " ON a.account_iban = s.account_iban AND a.bank_reference LIKE '" + BATCH_CLAIM + "%')", Boolean.class,
                    importId));
            if (batchesClaimed) {
                // any entry whose reference another file claimed as a batch's
                markClaimedElsewhere(jdbc, importId, BATCH_CLAIM_OF_ENTRY, HAS_REFERENCE);
            }
            if (batches) {
                // a batch whose reference another file claimed as one payment's (the lump without a batch count)
                markClaimedElsewhere(jdbc, importId, "e.entry_reference", IS_BATCH);
            }
            List<String> duplicates = jdbc.query("SELECT t.location, t.bank_reference, f.file_name FROM bank_transaction t"
                    + " JOIN imported_file f ON f.id = t.duplicate_of WHERE t.import_id = ? ORDER BY t.entry_no, t.transaction_no",
                    (rs, row) -> rs.getString(1) + ": bank reference '" + rs.getString(2) + "' was already imported from "
                            + rs.getString(3), importId);
            List<String> notes = new ArrayList<>();
            ExecutionContext importContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
            if (importContext.containsKey(ImportContext.WARNINGS)) {
                notes.add(importContext.getString(ImportContext.WARNINGS));
            }
            if (!duplicates.isEmpty()) {
                notes.add(duplicates.size() + " duplicate payment" + (duplicates.size() == 1 ? "" : "s")
                        + " not posted again; first: " + duplicates.get(0));
            }
            // payments the bank booked on a day our books have closed are not refused (the money is on the account):
            // they post on the business date, as a correction would (DESIGN §2.3), and are reported
            Optional<LocalDate> closed = businessDays.lastClosed();
            if (closed.isPresent()) {
                Long late = jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE import_id = ? AND is_payment = 1"
                        + " AND booking_date <= ?", Long.class, importId, java.sql.Date.valueOf(closed.get()));
                if (late > 0) {
                    notes.add(late + " payment" + (late == 1 ? "" : "s") + " booked by the bank on or before " + closed.get()
                            + ", a closed business day: posted on the business date instead");
                }
            }
            if (!notes.isEmpty()) {
                String note = String.join("; ", notes);
                chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                        .putString(ImportContext.NOTE, note);
                importedFiles.note(importId, note);
            }
            // the unique key settles a race with another file claiming the same payment: this step then fails and
            // its restart finds that payment claimed by the other file, a duplicate
            jdbc.update("INSERT INTO accepted_bank_reference (account_iban, bank_reference, import_id)"
                    + " SELECT t.account_iban, t.bank_reference, t.import_id FROM bank_transaction t"
                    + " WHERE t.import_id = ? AND t.is_payment = 1 AND NOT EXISTS (SELECT 1 FROM accepted_bank_reference a"
                    + " WHERE a.account_iban = t.account_iban AND a.bank_reference = t.bank_reference AND a.import_id = t.import_id)",
                    importId);
            if (batches) {
                jdbc.update("INSERT INTO accepted_bank_reference (account_iban, bank_reference, import_id)"
                        + " SELECT DISTINCT e.account_iban, " + BATCH_CLAIM_OF_ENTRY + ", e.import_id"
                        + " FROM bank_entry e WHERE e.import_id = ? AND" + IS_BATCH
                        + " AND EXISTS (SELECT 1 FROM bank_transaction t WHERE t.import_id = e.import_id AND t.entry_no = e.entry_no"
                        + "   AND t.is_payment = 1)"
                        + " AND NOT EXISTS (SELECT 1 FROM accepted_bank_reference a WHERE a.account_iban = e.account_iban"
                        + "   AND a.bank_reference = " + BATCH_CLAIM_OF_ENTRY + " AND a.import_id = e.import_id)",
                        importId);
            }
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * Keeps the import's payments for the record but not as payments when another file claimed {@code claim} (an
     * expression of the staged transaction {@code t} and its entry {@code e}) for the account: they are its duplicates.
     */
    private static void markClaimedElsewhere(JdbcTemplate jdbc, long importId, String claim, String entries) {
        jdbc.update("UPDATE bank_transaction t JOIN bank_entry e ON e.import_id = t.import_id AND e.entry_no = t.entry_no"
                + " JOIN accepted_bank_reference a ON a.account_iban = t.account_iban AND a.bank_reference = " + claim
                + " AND a.import_id <> t.import_id SET t.is_payment = 0, t.duplicate_of = a.import_id"
                + " WHERE t.import_id = ? AND t.is_payment = 1 AND" + entries, importId);
    }

    // --- post: payment received for each staged payment, in file order, restartable

    @Bean
    Step postPaymentsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          SettlementProperties properties, JdbcCursorItemReader<PaymentPostingWriter.StagedPayment> stagedPaymentReader,
                          PaymentPostingWriter paymentPostingWriter) {
        return new StepBuilder("postPayments", jobRepository)
                .<PaymentPostingWriter.StagedPayment, PaymentPostingWriter.StagedPayment>chunk(properties.bankFiles().chunkSize())
                .transactionManager(transactionManager)
                .reader(stagedPaymentReader)
                .writer(paymentPostingWriter)
                .build();
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<PaymentPostingWriter.StagedPayment> stagedPaymentReader(DataSource dataSource,
                                                                               SettlementProperties properties,
                                                                               @Value("#{jobExecutionContext['importId']}") Long importId) {
        return new JdbcCursorItemReaderBuilder<PaymentPostingWriter.StagedPayment>()
                .name("stagedPaymentReader")
                .dataSource(dataSource)
                // stream the rows: without a fetch size the driver would hold the whole result in memory
                .fetchSize(properties.bankFiles().chunkSize())
                // MariaDB's streaming result sets do not report a row position; the reader's connection is its own, so
                // nothing else can move the cursor
                .verifyCursorPosition(false)
                .sql("SELECT account_iban, bank_reference, direction, amount_minor, currency, booking_date, counterparty_name"
                        + " FROM bank_transaction WHERE import_id = ? AND is_payment = 1 ORDER BY entry_no, transaction_no")
                .queryArguments(importId)
                .rowMapper((rs, row) -> new PaymentPostingWriter.StagedPayment(rs.getString(1), rs.getString(2),
                        "C".equals(rs.getString(3)), Money.ofMinor(rs.getLong(4), rs.getString(5)),
                        rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7)))
                .build();
    }

    @Bean
    @StepScope
    PaymentPostingWriter paymentPostingWriter(Ledger ledger, BusinessDays businessDays,
                                              @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return new PaymentPostingWriter(ledger, businessDate, businessDays.lastClosed().orElse(null));
    }

    // --- complete: the import becomes visible, the file goes to the archive

    @Bean
    Step completeBankFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              Tasklet completeBankFileTasklet) {
        return new StepBuilder("completeBankFile", jobRepository).tasklet(completeBankFileTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet completeBankFileTasklet(ImportedFiles importedFiles, InputFileMover mover,
                                    @Value("#{jobParameters['file']}") String fileName,
                                    @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                    @Value("#{jobExecutionContext['importId']}") Long importId,
                                    @Value("#{jobExecutionContext['rows']}") Long validatedEntries) {
        return (contribution, chunkContext) -> {
            importedFiles.markImported(importId, validatedEntries);
            Path file = Path.of(fileName);
            // a restart after the file was archived but before the job's end was recorded finds it gone
            if (Files.exists(file)) {
                mover.archive(file, businessDate);
            }
            return RepeatStatus.FINISHED;
        };
    }
}
