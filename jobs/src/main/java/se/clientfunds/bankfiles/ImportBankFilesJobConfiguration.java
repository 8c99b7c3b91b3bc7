package se.clientfunds.bankfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
                           Step completeBankFileStep, StagedBankFiles stagedBankFiles, Ledger ledger) {
        return new JobBuilder(JobName.IMPORT_BANK_FILES.jobName(), jobRepository)
                // a big file changes the look-ups that follow (allocation, reconciliation): fresh statistics for them
                .listener(stagedBankFiles.statistics())
                .listener(ledger.statistics())
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
                BankFileRejection.reject(contribution, chunkContext, mover, file, reason, List.of());
                return RepeatStatus.FINISHED;
            }
            Optional<BankFileFormat> format = BankFileParsers.detect(file);
            if (format.isEmpty()) {
                String reason = file.getFileName() + ": " + BankFileParsers.notReadReason(file);
                importedFiles.recordRefused(file, null, sha256, size, businessDate, reason);
                BankFileRejection.reject(contribution, chunkContext, mover, file, reason, List.of());
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
                BankFileRejection.reject(contribution, chunkContext, mover, file, e.getMessage(), List.of());
            }
            return RepeatStatus.FINISHED;
        };
    }

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
                BankFileRejection.reject(contribution, chunkContext, mover, file, verdict.summary(), verdict.problems());
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
    BankFileStagingWriter bankFileStagingWriter(StagedBankFiles stagedBankFiles, BankFileCheck check,
                                                @Value("#{jobExecutionContext['importId']}") Long importId,
                                                @Value("#{jobExecutionContext['kind']}") String format) {
        return new BankFileStagingWriter(stagedBankFiles, check, importId, BankFileFormat.valueOf(format));
    }

    // --- check: every payment has a bank reference, seen once in the file and never accepted before

    @Bean
    Step checkBankReferencesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 Tasklet checkBankReferencesTasklet) {
        return new StepBuilder("checkBankReferences", jobRepository).tasklet(checkBankReferencesTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet checkBankReferencesTasklet(StagedBankFiles stagedBankFiles, ImportedFiles importedFiles, InputFileMover mover,
                                       BusinessDays businessDays,
                                       @Value("#{jobParameters['file']}") String fileName,
                                       @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                       @Value("#{jobExecutionContext['importId']}") Long importId,
                                       @Value("#{jobExecutionContext['rows']}") Long validatedEntries) {
        return new CheckBankReferencesTasklet(stagedBankFiles, importedFiles, mover, businessDays, Path.of(fileName), businessDate,
                importId, validatedEntries);
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
        return new PaymentPostingWriter(ledger, new LateBookingRule(businessDate, businessDays.lastClosed().orElse(null)));
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
