package se.clientfunds.payouts;

import java.time.LocalDate;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import se.clientfunds.jobs.JobName;
import se.clientfunds.settings.SettlementHome;

/**
 * {@code refundsAndPayoutsJob}: pays the approved refunds that pass their checks, pays out the clients due on the
 * business date, then writes the day's pain.001 file to {@code outbox/}. Each payment step is one transaction; the
 * file is made from what they recorded, so a restart writes the same bytes. See README.md beside this class.
 */
@Configuration(proxyBeanMethods = false)
class RefundsAndPayoutsJobConfiguration {

    private static final String SUMMARY = "summary";

    @Bean
    Job refundsAndPayoutsJob(JobRepository jobRepository, Step payRefundsStep, Step payOutClientsStep, Step writePaymentFileStep) {
        return new JobBuilder(JobName.REFUNDS_AND_PAYOUTS.jobName(), jobRepository)
                .start(payRefundsStep)
                .next(payOutClientsStep)
                .next(writePaymentFileStep)
                .build();
    }

    // --- refunds: checked, then paid (DEBTOR_CREDIT to BANK) or refused with the reason

    @Bean
    Step payRefundsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet payRefundsTasklet) {
        return new StepBuilder("payRefunds", jobRepository).tasklet(payRefundsTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet payRefundsTasklet(RefundPayments refunds, @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return (contribution, chunkContext) -> {
            RefundPayments.Result result = refunds.decide(businessDate);
            contribution.incrementWriteCount(result.paid());
            ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
            StringBuilder summary = new StringBuilder("refunds paid " + result.paid() + ", refused " + result.refused()
                    + ", waiting for their payment " + result.waiting());
            if (!result.refusals().isEmpty()) {
                summary.append(" (refused: ").append(String.join("; ", result.refusals())).append(')');
            }
            job.putString(SUMMARY, summary.toString());
            return RepeatStatus.FINISHED;
        };
    }

    // --- payouts: each client due today gets its CLIENT balance (CLIENT to BANK)

    @Bean
    Step payOutClientsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet payOutClientsTasklet) {
        return new StepBuilder("payOutClients", jobRepository).tasklet(payOutClientsTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet payOutClientsTasklet(ClientPayouts payouts, @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return (contribution, chunkContext) -> {
            ClientPayouts.Result result = payouts.payOut(businessDate);
            contribution.incrementWriteCount(result.clients());
            ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
            job.putString(SUMMARY, job.getString(SUMMARY, "") + "; payouts to " + result.clients() + " client"
                    + (result.clients() == 1 ? "" : "s") + (result.totals().isEmpty() ? "" : " (" + String.join(", ", result.totals()) + ")"));
            return RepeatStatus.FINISHED;
        };
    }

    // --- file: the day's pain.001 in outbox/

    @Bean
    Step writePaymentFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              Tasklet writePaymentFileTasklet) {
        return new StepBuilder("writePaymentFile", jobRepository).tasklet(writePaymentFileTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet writePaymentFileTasklet(PaymentFile paymentFile, SettlementHome home,
                                    @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return (contribution, chunkContext) -> {
            PaymentFile.Written written = paymentFile.write(businessDate);
            ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
            String file = written == null ? "; nothing to pay, no pain.001 file"
                    : "; " + home.root().relativize(written.file()) + " with " + written.transfers() + " transfer"
                    + (written.transfers() == 1 ? "" : "s");
            job.putString(SUMMARY, job.getString(SUMMARY, "") + file);
            contribution.incrementWriteCount(written == null ? 0 : written.transfers());
            return RepeatStatus.FINISHED;
        };
    }
}
