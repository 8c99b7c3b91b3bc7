package se.clientfunds.extracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import se.clientfunds.extract.ClientRecord;
import se.clientfunds.extract.ClientRowParser;
import se.clientfunds.extract.InvoiceRowParser;
import se.clientfunds.extract.RefundRowParser;
import se.clientfunds.extract.ExtractCsvReader;
import se.clientfunds.extract.ExtractFormatException;
import se.clientfunds.extract.ExtractItemReader;
import se.clientfunds.extract.ExtractKind;
import se.clientfunds.extract.InvoiceRecord;
import se.clientfunds.extract.RefundRecord;
import se.clientfunds.files.DuplicateFileException;
import se.clientfunds.files.ImportContext;
import se.clientfunds.files.ImportedFiles;
import se.clientfunds.files.InputFileMover;
import se.clientfunds.files.Sha256;
import se.clientfunds.jobs.JobName;
import se.clientfunds.jobs.JobProgress;
import se.clientfunds.settings.SettlementProperties;

/**
 * {@code importExtractsJob}: one platform extract (clients, invoices or refunds) from file to tables.
 * register (hash, refuse a file already imported, detect the kind) → validate the whole file (rejected: to
 * quarantine with a reason file, nothing loaded) → load in chunks (restartable) → complete (check the row count,
 * mark imported, archive the file). See README.md beside this class.
 */
@Configuration(proxyBeanMethods = false)
class ImportExtractsJobConfiguration {

    private static final String REJECTED = ImportContext.REJECTED;
    private static final String KIND = ImportContext.KIND;
    private static final String ROWS = ImportContext.ROWS;

    @Bean
    Job importExtractsJob(JobRepository jobRepository, Step registerExtractStep, Step validateExtractStep,
                          JobExecutionDecider extractKindDecider, Step loadClientsStep, Step loadInvoicesStep,
                          Step loadRefundsStep, Step completeExtractStep, ExtractTables extractTables) {
        return new JobBuilder(JobName.IMPORT_EXTRACTS.jobName(), jobRepository)
                // a big extract changes the look-ups that follow (invoices by OCR): fresh statistics for them
                .listener(extractTables.statistics())
                // only a completed step leads on; anything else (FAILED, STOPPED) ends the job there, restartable
                .start(registerExtractStep).on(REJECTED).end(REJECTED)
                .from(registerExtractStep).on(ExitStatus.COMPLETED.getExitCode()).to(validateExtractStep)
                .from(registerExtractStep).on("*").fail()
                .from(validateExtractStep).on(REJECTED).end(REJECTED)
                .from(validateExtractStep).on(ExitStatus.COMPLETED.getExitCode()).to(extractKindDecider)
                .from(validateExtractStep).on("*").fail()
                .from(extractKindDecider).on(ExtractKind.CLIENTS.name()).to(loadClientsStep).next(completeExtractStep)
                .from(extractKindDecider).on(ExtractKind.INVOICES.name()).to(loadInvoicesStep).next(completeExtractStep)
                .from(extractKindDecider).on(ExtractKind.REFUNDS.name()).to(loadRefundsStep).next(completeExtractStep)
                .from(completeExtractStep).on(REJECTED).end(REJECTED)
                .from(completeExtractStep).on(ExitStatus.COMPLETED.getExitCode()).end()
                .from(completeExtractStep).on("*").fail()
                .end()
                .build();
    }

    // --- register: hash, refuse duplicates, detect the kind from the header (never from the file name)

    @Bean
    Step registerExtractStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             Tasklet registerExtractTasklet) {
        return new StepBuilder("registerExtract", jobRepository)
                .tasklet(registerExtractTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    Tasklet registerExtractTasklet(ImportedFiles importedFiles, InputFileMover mover,
                                   @Value("#{jobParameters['file']}") String fileName,
                                   @Value("#{jobParameters['sha256']}") String sha256,
                                   @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return (contribution, chunkContext) -> {
            Path file = Path.of(fileName);
            JobExecution jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
            ExecutionContext jobContext = jobExecution.getExecutionContext();
            Sha256.requireUnchanged(file, sha256);
            ExtractKind kind;
            try (ExtractCsvReader reader = ExtractCsvReader.openDetectingKind(file)) {
                kind = reader.kind();
            } catch (ExtractFormatException e) {
                importedFiles.recordRefused(file, null, sha256, Files.size(file), businessDate, e.getMessage());
                ExtractRejection.reject(contribution, chunkContext, mover, file, ExtractVerdict.refused(null, file, e.getMessage()));
                return RepeatStatus.FINISHED;
            }
            try {
                // a re-run of this step (its end not recorded after its commit) finds its own registration again
                long importId = importedFiles.registeredByJobInstance(sha256, jobExecution.getJobInstance().getInstanceId())
                        .orElseGet(() -> importedFiles.register(file, kind.name(), sha256, size(file), businessDate,
                                jobExecution.getId()));
                jobContext.putLong(ImportContext.IMPORT_ID, importId);
                jobContext.putString(KIND, kind.name());
                jobContext.putString(ImportContext.LABEL, kind.name().toLowerCase());
            } catch (DuplicateFileException e) {
                importedFiles.recordRefused(file, kind.name(), sha256, Files.size(file), businessDate, e.getMessage());
                ExtractRejection.reject(contribution, chunkContext, mover, file, ExtractVerdict.refused(kind, file, e.getMessage()));
            }
            return RepeatStatus.FINISHED;
        };
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    // --- validate: every row of the whole file before anything is loaded

    @Bean
    Step validateExtractStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             Tasklet validateExtractTasklet) {
        return new StepBuilder("validateExtract", jobRepository)
                .tasklet(validateExtractTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    Tasklet validateExtractTasklet(ExtractValidation validation, ImportedFiles importedFiles, InputFileMover mover,
                                   @Value("#{jobParameters['file']}") String fileName,
                                   @Value("#{jobExecutionContext['importId']}") Long importId,
                                   @Value("#{jobExecutionContext['kind']}") String kind) {
        return (contribution, chunkContext) -> {
            Path file = Path.of(fileName);
            ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
            ExtractVerdict verdict = validation.validate(file, ExtractKind.valueOf(kind));
            if (!verdict.accepted()) {
                importedFiles.markRejected(importId, verdict.summary());
                ExtractRejection.reject(contribution, chunkContext, mover, file, verdict);
                return RepeatStatus.FINISHED;
            }
            jobContext.putLong(ROWS, verdict.rows());
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    JobExecutionDecider extractKindDecider() {
        return (jobExecution, stepExecution) -> new FlowExecutionStatus(jobExecution.getExecutionContext().getString(KIND));
    }

    // --- load: chunked and restartable; rows carry their import id and stay invisible until the import completes

    @Bean
    Step loadClientsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         SettlementProperties properties, JobProgress progress, ExtractItemReader<ClientRecord> clientsReader,
                         JdbcBatchItemWriter<ClientRecord> clientsWriter) {
        return loadStep("loadClients", jobRepository, transactionManager, properties, progress, clientsReader, clientsWriter);
    }

    @Bean
    @StepScope
    ExtractItemReader<ClientRecord> clientsReader(@Value("#{jobParameters['file']}") String fileName) {
        return ExtractItemReader.builder(new ClientRowParser()).name("clientsReader").file(Path.of(fileName)).build();
    }

    @Bean
    @StepScope
    JdbcBatchItemWriter<ClientRecord> clientsWriter(DataSource dataSource, @Value("#{jobExecutionContext['importId']}") Long importId) {
        return new JdbcBatchItemWriterBuilder<ClientRecord>()
                .dataSource(dataSource)
                .sql("INSERT INTO client (client_id, import_id, line_no, org_number, name, currency, payout_account,"
                        + " payout_schedule, fee_fixed_minor, fee_percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .itemPreparedStatementSetter((client, statement) -> {
                    statement.setString(1, client.clientId());
                    statement.setLong(2, importId);
                    statement.setLong(3, client.line());
                    statement.setString(4, client.organisationNumber());
                    statement.setString(5, client.name());
                    statement.setString(6, client.currency().getCurrencyCode());
                    statement.setString(7, client.payoutAccount().value());
                    statement.setString(8, client.payoutSchedule().name());
                    statement.setLong(9, client.feeFixed().minorUnits());
                    statement.setBigDecimal(10, client.feePercent());
                })
                .build();
    }

    @Bean
    Step loadInvoicesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         SettlementProperties properties, JobProgress progress, ExtractItemReader<InvoiceRecord> invoicesReader,
                         JdbcBatchItemWriter<InvoiceRecord> invoicesWriter) {
        return loadStep("loadInvoices", jobRepository, transactionManager, properties, progress, invoicesReader, invoicesWriter);
    }

    @Bean
    @StepScope
    ExtractItemReader<InvoiceRecord> invoicesReader(@Value("#{jobParameters['file']}") String fileName) {
        // clients were checked by the validation step; the load reads what was validated
        return ExtractItemReader.builder(new InvoiceRowParser(clientId -> true)).name("invoicesReader").file(Path.of(fileName)).build();
    }

    @Bean
    @StepScope
    JdbcBatchItemWriter<InvoiceRecord> invoicesWriter(DataSource dataSource, @Value("#{jobExecutionContext['importId']}") Long importId) {
        return new JdbcBatchItemWriterBuilder<InvoiceRecord>()
                .dataSource(dataSource)
                .sql("INSERT INTO invoice (invoice_id, import_id, line_no, client_id, ocr, currency, amount_minor,"
                        + " issue_date, due_date, debtor_name, debtor_id, debtor_country)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .itemPreparedStatementSetter((invoice, statement) -> {
                    statement.setString(1, invoice.invoiceId());
                    statement.setLong(2, importId);
                    statement.setLong(3, invoice.line());
                    statement.setString(4, invoice.clientId());
                    statement.setString(5, invoice.ocr().value());
                    statement.setString(6, invoice.currency().getCurrencyCode());
                    statement.setLong(7, invoice.amount().minorUnits());
                    statement.setObject(8, invoice.issueDate());
                    statement.setObject(9, invoice.dueDate());
                    statement.setString(10, invoice.debtorName());
                    statement.setString(11, invoice.debtorId());
                    statement.setString(12, invoice.debtorCountry());
                })
                .build();
    }

    @Bean
    Step loadRefundsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         SettlementProperties properties, JobProgress progress, ExtractItemReader<RefundRecord> refundsReader,
                         JdbcBatchItemWriter<RefundRecord> refundsWriter) {
        return loadStep("loadRefunds", jobRepository, transactionManager, properties, progress, refundsReader, refundsWriter);
    }

    @Bean
    @StepScope
    ExtractItemReader<RefundRecord> refundsReader(@Value("#{jobParameters['file']}") String fileName) {
        return ExtractItemReader.builder(new RefundRowParser()).name("refundsReader").file(Path.of(fileName)).build();
    }

    @Bean
    @StepScope
    JdbcBatchItemWriter<RefundRecord> refundsWriter(DataSource dataSource, @Value("#{jobExecutionContext['importId']}") Long importId) {
        return new JdbcBatchItemWriterBuilder<RefundRecord>()
                .dataSource(dataSource)
                .sql("INSERT INTO refund (refund_id, import_id, line_no, payment_ref, amount_minor, currency, to_account,"
                        + " to_name, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .itemPreparedStatementSetter((refund, statement) -> {
                    statement.setString(1, refund.refundId());
                    statement.setLong(2, importId);
                    statement.setLong(3, refund.line());
                    statement.setString(4, refund.paymentRef());
                    statement.setLong(5, refund.amount().minorUnits());
                    statement.setString(6, refund.currency().getCurrencyCode());
                    statement.setString(7, refund.toAccount().value());
                    statement.setString(8, refund.toName());
                    statement.setString(9, refund.approvedBy());
                })
                .build();
    }

    /** The load steps differ only in record type, reader and writer: the writes are in the chunk's transaction. */
    private static <T> Step loadStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                     SettlementProperties properties, JobProgress progress, ExtractItemReader<T> reader,
                                     ItemWriter<T> writer) {
        return new StepBuilder(name, jobRepository)
                .<T, T>chunk(properties.extracts().chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .writer(writer)
                .listener(new StepExecutionListener() {
                    @Override
                    public void beforeStep(StepExecution stepExecution) {
                        JobExecution job = stepExecution.getJobExecution();
                        progress.begin("loading " + Path.of(job.getJobParameters().getString("file")).getFileName(),
                                job.getExecutionContext().getLong(ROWS));
                    }
                })
                .listener(new ItemWriteListener<T>() {
                    @Override
                    public void afterWrite(Chunk<? extends T> items) {
                        // the reader's position counts rows committed by an earlier, failed execution too
                        progress.advance(reader.readCount());
                    }
                })
                .build();
    }

    // --- complete: the loaded rows must be exactly the validated rows, then the import becomes visible

    @Bean
    Step completeExtractStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             Tasklet completeExtractTasklet) {
        return new StepBuilder("completeExtract", jobRepository)
                .tasklet(completeExtractTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    Tasklet completeExtractTasklet(ExtractTables extractTables, ImportedFiles importedFiles, InputFileMover mover,
                                   @Value("#{jobParameters['file']}") String fileName,
                                   @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                   @Value("#{jobExecutionContext['importId']}") Long importId,
                                   @Value("#{jobExecutionContext['kind']}") String kind,
                                   @Value("#{jobExecutionContext['rows']}") Long validatedRows) {
        return new CompleteExtractTasklet(extractTables, importedFiles, mover, Path.of(fileName), businessDate, importId,
                ExtractKind.valueOf(kind), validatedRows);
    }
}
