package se.clientfunds.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import se.clientfunds.jobs.JobName;
import se.clientfunds.settings.ClientFundsAccount;
import se.clientfunds.settings.SettlementProperties;

/**
 * {@code reconcileJob}: each client-funds account's statement against its BANK postings for the business date (one
 * account per chunk, one transaction each), then safeguarding per currency. See README.md beside this class.
 */
@Configuration(proxyBeanMethods = false)
class ReconcileJobConfiguration {

    @Bean
    Job reconcileJob(JobRepository jobRepository, Step reconcileAccountsStep, Step safeguardingStep) {
        return new JobBuilder(JobName.RECONCILE.jobName(), jobRepository)
                .start(reconcileAccountsStep)
                .next(safeguardingStep)
                .build();
    }

    // --- accounts: one chunk per account; a restart skips the accounts whose day is written already

    @Bean
    Step reconcileAccountsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               ListItemReader<ClientFundsAccount> clientFundsAccountReader,
                               ItemWriter<ClientFundsAccount> accountReconciliationWriter) {
        return new StepBuilder("reconcileAccounts", jobRepository)
                .<ClientFundsAccount, ClientFundsAccount>chunk(1)
                .transactionManager(transactionManager)
                .reader(clientFundsAccountReader)
                .writer(accountReconciliationWriter)
                .build();
    }

    @Bean
    @StepScope
    ListItemReader<ClientFundsAccount> clientFundsAccountReader(SettlementProperties properties) {
        return new ListItemReader<>(new ArrayList<>(properties.accounts()));
    }

    @Bean
    @StepScope
    ItemWriter<ClientFundsAccount> accountReconciliationWriter(AccountReconciliation reconciliation,
                                                              @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return chunk -> {
            for (ClientFundsAccount account : chunk) {
                if (reconciliation.inUse(businessDate, account.iban()) && !reconciliation.done(businessDate, account.iban())) {
                    reconciliation.reconcile(businessDate, account);
                }
            }
        };
    }

    // --- safeguarding per currency

    @Bean
    Step safeguardingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet safeguardingTasklet) {
        return new StepBuilder("safeguarding", jobRepository).tasklet(safeguardingTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet safeguardingTasklet(Safeguarding safeguarding, ReconciliationQueries queries,
                                @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        return (contribution, chunkContext) -> {
            List<Safeguarding.Position> positions = safeguarding.compute(businessDate);
            contribution.incrementWriteCount(positions.size());
            List<String> attention = queries.attention(businessDate);
            chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext().putString("summary",
                    queries.summary(businessDate) + (attention.isEmpty() ? "; nothing needs attention"
                            : "; NEEDS ATTENTION: " + String.join("; ", attention)));
            return RepeatStatus.FINISHED;
        };
    }
}
