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
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import se.clientfunds.jobs.JobName;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.money.Money;
import se.clientfunds.settings.SettlementProperties;

/**
 * {@code allocatePaymentsJob}: every incoming payment booked on or before the business date and not yet allocated is
 * allocated to the invoices its references name ({@link PaymentAllocator}), in the order the bank booked them, and
 * posted on the business date. See README.md beside this class.
 */
@Configuration(proxyBeanMethods = false)
class AllocatePaymentsJobConfiguration {

    @Bean
    Job allocatePaymentsJob(JobRepository jobRepository, Step checkDayOpenForAllocationStep, Step allocatePaymentsStep,
                            Step recordDeductionsStep) {
        return new JobBuilder(JobName.ALLOCATE_PAYMENTS.jobName(), jobRepository)
                .start(checkDayOpenForAllocationStep)
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
                                                                   @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
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
                        + " FROM bank_transaction t JOIN imported_file f ON f.id = t.import_id AND f.status = 'IMPORTED'"
                        + " WHERE t.is_payment = 1 AND t.direction = 'C' AND t.amount_minor > 0"
                        + " AND COALESCE(t.booking_date, f.business_date) <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM payment_allocation a"
                        + "   WHERE a.account_iban = t.account_iban AND a.bank_reference = t.bank_reference)"
                        + " ORDER BY booked, t.import_id, t.entry_no, t.transaction_no")
                .queryArguments(Date.valueOf(businessDate))
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
    Tasklet recordDeductionsTasklet(NamedParameterJdbcTemplate jdbc,
                                    @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return (contribution, chunkContext) -> {
            int recorded = jdbc.getJdbcTemplate().update("INSERT INTO payment_allocation (account_iban, bank_reference, currency,"
                    + " amount_minor, booking_date, allocated_on, to_invoices_minor, to_debtor_credit_minor, unallocated_minor,"
                    + " outcome, reason, debtor_name, payment_references)"
                    + " SELECT t.account_iban, t.bank_reference, t.currency, t.amount_minor, COALESCE(t.booking_date, f.business_date),"
                    + " ?, 0, 0, t.amount_minor, 'DEDUCTION', "
                    + " 'DEDUCTION: the bank took this amount back out of a deposit; UNALLOCATED is short by it until it is booked"
                    + " against its client',"
                    + " t.counterparty_name, t.payment_references"
                    + " FROM bank_transaction t JOIN imported_file f ON f.id = t.import_id AND f.status = 'IMPORTED'"
                    + " WHERE t.is_payment = 1 AND t.direction = 'D' AND t.amount_minor > 0"
                    + " AND COALESCE(t.booking_date, f.business_date) <= ?"
                    + " AND NOT EXISTS (SELECT 1 FROM payment_allocation a"
                    + "   WHERE a.account_iban = t.account_iban AND a.bank_reference = t.bank_reference)",
                    Date.valueOf(businessDate), Date.valueOf(businessDate));
            contribution.incrementWriteCount(recorded);
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    @StepScope
    AllocationWriter allocationWriter(NamedParameterJdbcTemplate jdbc, Ledger ledger,
                                      @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return new AllocationWriter(jdbc, ledger, businessDate);
    }
}
