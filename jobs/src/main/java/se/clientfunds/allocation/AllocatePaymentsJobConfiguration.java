package se.clientfunds.allocation;

import java.sql.Date;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import se.clientfunds.files.ImportedFiles;
import se.clientfunds.jobs.JobName;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.money.Money;
import se.clientfunds.monitoring.AmlAlerts;
import se.clientfunds.monitoring.PaymentHolds;
import se.clientfunds.monitoring.PaymentScreeningWriter;
import se.clientfunds.monitoring.PaymentToScreen;
import se.clientfunds.monitoring.SanctionsLists;
import se.clientfunds.settings.SettlementProperties;

/**
 * {@code allocatePaymentsJob}: every incoming payment booked on or before the business date and not yet allocated is
 * first screened against the sanctions list in force (an exact hit is held), then allocated to the invoices its
 * references name ({@link PaymentAllocator}), in the order the bank booked them, and posted on the business date. See
 * README.md beside this class.
 */
@Configuration(proxyBeanMethods = false)
class AllocatePaymentsJobConfiguration {

    /** The last import whose payments were screened (job context): allocation takes no payment of a later one. */
    static final String SCREENED_UP_TO = "screenedUpTo";
    /** The sanctions list screened against (its import id), 0 for none (job context). */
    static final String SANCTIONS_LIST = "sanctionsList";

    /**
     * The incoming payments booked on or before the date (first argument) of the imports screened (second argument) that
     * no allocation has dealt with: what screening looks at, and then allocation (each leaving out its holds).
     */
    private static final String WAITING_PAYMENTS = " FROM bank_transaction t JOIN imported_file f ON f.id = t.import_id"
            + " AND f.status = 'IMPORTED' WHERE t.is_payment = 1 AND t.direction = 'C' AND t.amount_minor > 0"
            + " AND COALESCE(t.booking_date, f.business_date) <= ? AND t.import_id <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM payment_allocation a"
            + "   WHERE a.account_iban = t.account_iban AND a.bank_reference = t.bank_reference)";

    @Bean
    Job allocatePaymentsJob(JobRepository jobRepository, Step checkDayOpenForAllocationStep, Step chooseSanctionsListStep,
                            Step screenPaymentsStep, Step allocatePaymentsStep, Step recordDeductionsStep,
                            AllocationStore allocationStore, Ledger ledger) {
        return new JobBuilder(JobName.ALLOCATE_PAYMENTS.jobName(), jobRepository)
                // a big day changes the look-ups that follow (close, monitoring, reconciliation): fresh statistics
                .listener(allocationStore.statistics())
                .listener(ledger.statistics())
                .start(checkDayOpenForAllocationStep)
                .next(chooseSanctionsListStep)
                .next(screenPaymentsStep)
                .next(allocatePaymentsStep)
                .next(recordDeductionsStep)
                .build();
    }

    // --- check: the day can still take postings

    @Bean
    Step checkDayOpenForAllocationStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                       Tasklet checkDayOpenForAllocationTasklet) {
        return new StepBuilder("checkDayOpenForAllocation", jobRepository)
                .tasklet(checkDayOpenForAllocationTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet checkDayOpenForAllocationTasklet(BusinessDays businessDays,
                                             @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return (contribution, chunkContext) -> {
            businessDays.lastClosed().filter(closed -> !closed.isBefore(businessDate)).ifPresent(closed -> {
                throw new IllegalStateException("business day " + closed + " is closed: allocation cannot post on "
                        + businessDate);
            });
            businessDays.open(businessDate);
            return RepeatStatus.FINISHED;
        };
    }

    // --- screen: the payers of the payments about to be allocated, against the sanctions list in force. Both steps run
    // again on every restart, so that a payment imported since is screened too: allocation takes only the payments
    // of the imports screened (screenedUpTo), never one that arrived after the screening

    @Bean
    Step chooseSanctionsListStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 SanctionsLists lists, ImportedFiles importedFiles) {
        return new StepBuilder("chooseSanctionsList", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    var jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
                    var inForce = lists.inForce();
                    jobContext.putLong(SCREENED_UP_TO, importedFiles.lastImported());
                    jobContext.putLong(SANCTIONS_LIST, inForce.map(SanctionsLists.ImportedList::importId).orElse(0L));
                    contribution.setExitStatus(new org.springframework.batch.core.ExitStatus("COMPLETED",
                            inForce.map(list -> "screening against " + list.label())
                                    .orElse("no sanctions list imported: payers are not screened")));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step screenPaymentsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            SettlementProperties properties, JdbcCursorItemReader<PaymentToScreen> paymentsToScreenReader,
                            PaymentScreeningWriter paymentScreeningWriter) {
        return new StepBuilder("screenPayments", jobRepository)
                .<PaymentToScreen, PaymentToScreen>chunk(properties.sanctions().chunkSize())
                .transactionManager(transactionManager)
                .reader(paymentsToScreenReader)
                .writer(paymentScreeningWriter)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<PaymentToScreen> paymentsToScreenReader(DataSource dataSource, SettlementProperties properties,
                                                                 @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                                                 @Value("#{jobExecutionContext['screenedUpTo']}") Long screenedUpTo,
                                                                 @Value("#{jobExecutionContext['sanctionsList']}") Long list) {
        return new JdbcCursorItemReaderBuilder<PaymentToScreen>()
                .name("paymentsToScreenReader")
                .dataSource(dataSource)
                // what a restart finds held is not read again; an alert found again is the same alert
                .saveState(false)
                .fetchSize(properties.sanctions().chunkSize())
                .verifyCursorPosition(false)
                .sql("SELECT t.account_iban, t.bank_reference, t.amount_minor, t.currency,"
                        + " COALESCE(t.booking_date, f.business_date) AS booked, t.counterparty_name, t.payment_references"
                        + WAITING_PAYMENTS
                        + " AND NOT EXISTS (SELECT 1 FROM payment_hold h"
                        + "   WHERE h.account_iban = t.account_iban AND h.bank_reference = t.bank_reference)"
                        + " AND ? > 0 ORDER BY booked, t.import_id, t.entry_no, t.transaction_no")
                .queryArguments(Date.valueOf(businessDate), screenedUpTo, list)
                .rowMapper((rs, row) -> new PaymentToScreen(rs.getString(1), rs.getString(2),
                        Money.ofMinor(rs.getLong(3), rs.getString(4)), rs.getDate(5).toLocalDate(), rs.getString(6),
                        rs.getString(7)))
                .build();
    }

    @Bean
    @StepScope
    PaymentScreeningWriter paymentScreeningWriter(SanctionsLists lists, SettlementProperties properties, AmlAlerts alerts,
                                                  PaymentHolds holds,
                                                  @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                                  @Value("#{jobExecutionContext['sanctionsList']}") Long list,
                                                  @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
        // (with no list the reader reads nothing, and the writer is never asked)
        var imported = list == 0 ? java.util.Optional.<SanctionsLists.ImportedList>empty() : lists.byImport(list);
        if (list != 0 && imported.isEmpty()) {
            // never screen against nothing: a list chosen and then gone fails the step, and a restart chooses again
            throw new IllegalStateException("sanctions list of import " + list + " is not in the books any more");
        }
        return new PaymentScreeningWriter(imported.isPresent() ? lists.matcher(list) : new se.clientfunds.sanctions.NameMatcher(
                java.util.List.of()), properties.sanctions().matchThreshold().doubleValue(), list,
                imported.map(SanctionsLists.ImportedList::label).orElse("none"), businessDate, jobExecutionId, alerts, holds);
    }

    // --- allocate: chunked; a payment allocated is one with a payment_allocation row, written with its postings

    @Bean
    Step allocatePaymentsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              SettlementProperties properties, JdbcCursorItemReader<IncomingPayment> unallocatedPaymentReader,
                              AllocationWriter allocationWriter) {
        return new StepBuilder("allocatePayments", jobRepository)
                .<IncomingPayment, IncomingPayment>chunk(properties.allocation().chunkSize())
                .transactionManager(transactionManager)
                .reader(unallocatedPaymentReader)
                .writer(allocationWriter)
                .build();
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<IncomingPayment> unallocatedPaymentReader(DataSource dataSource, SettlementProperties properties,
                                                                   @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                                                   @Value("#{jobExecutionContext['screenedUpTo']}") Long screenedUpTo) {
        return new JdbcCursorItemReaderBuilder<IncomingPayment>()
                .name("unallocatedPaymentReader")
                .dataSource(dataSource)
                // the query itself leaves out what earlier chunks allocated: a restart reads only what is left, so
                // there is no position to keep
                .saveState(false)
                .fetchSize(properties.allocation().chunkSize())
                .verifyCursorPosition(false)
                .sql("SELECT t.account_iban, t.bank_reference, t.amount_minor, t.currency,"
                        + " COALESCE(t.booking_date, f.business_date) AS booked, t.payment_references, t.counterparty_name"
                        + WAITING_PAYMENTS
                        + " AND NOT EXISTS (SELECT 1 FROM payment_hold h WHERE h.account_iban = t.account_iban"
                        + "   AND h.bank_reference = t.bank_reference AND h.released_on IS NULL)"
                        + " ORDER BY booked, t.import_id, t.entry_no, t.transaction_no")
                .queryArguments(Date.valueOf(businessDate), screenedUpTo)
                .rowMapper((rs, row) -> new IncomingPayment(rs.getString(1), rs.getString(2),
                        Money.ofMinor(rs.getLong(3), rs.getString(4)), rs.getDate(5).toLocalDate(),
                        IncomingPayment.splitReferences(rs.getString(6)), rs.getString(7)))
                .build();
    }

    // --- deductions: a BGMax TK21 took money back out of a deposit; UNALLOCATED is short by it until an operator
    // books it against the client it concerns, so it is recorded where operators look and reported every day

    @Bean
    Step recordDeductionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              Tasklet recordDeductionsTasklet) {
        return new StepBuilder("recordDeductions", jobRepository).tasklet(recordDeductionsTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet recordDeductionsTasklet(AllocationStore allocationStore,
                                    @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return (contribution, chunkContext) -> {
            contribution.incrementWriteCount(allocationStore.recordDeductions(businessDate));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    @StepScope
    AllocationWriter allocationWriter(AllocationStore allocationStore, Ledger ledger,
                                      @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return new AllocationWriter(allocationStore, ledger, businessDate);
    }
}
