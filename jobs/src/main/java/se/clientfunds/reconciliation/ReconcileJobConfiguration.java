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
                                                              @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                                              @Value("#{jobParameters['run']}") Long run) {
        int runNo = runNo(run);
        return chunk -> {
            for (ClientFundsAccount account : chunk) {
                if (reconciliation.inUse(businessDate, account.iban()) && !reconciliation.done(businessDate, runNo, account.iban())) {
                    reconciliation.reconcile(businessDate, runNo, account);
                }
            }
        };
    }

    // --- safeguarding per currency

    @Bean
    Step safeguardingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet safeguardingTasklet) {
        return new StepBuilder("safeguarding", jobRepository).tasklet(safeguardingTasklet, transactionManager).build();
    }

    /** Safeguarding of the run, then the run is recorded as complete: its figures are the day's from now on. */
    @Bean
    @StepScope
    Tasklet safeguardingTasklet(Safeguarding safeguarding, ReconciliationQueries queries, ReconciliationStore store,
                                @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                @Value("#{jobParameters['run']}") Long run,
                                @Value("#{jobParameters['reason']}") String reason) {
        int runNo = runNo(run);
        return (contribution, chunkContext) -> {
            List<Safeguarding.Position> positions = safeguarding.compute(businessDate, runNo);
            contribution.incrementWriteCount(positions.size());
            var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
            store.completeRun(businessDate, runNo, jobExecution.getId(), reason == null ? "the day's reconciliation" : reason);
            List<String> attention = queries.attention(businessDate);
            jobExecution.getExecutionContext().putString("summary", (runNo == 1 ? "" : "run " + runNo + ": ")
                    + queries.summary(businessDate) + (attention.isEmpty() ? "; nothing needs attention"
                            : "; NEEDS ATTENTION: " + String.join("; ", attention)));
            return RepeatStatus.FINISHED;
        };
    }

    /** The run a reconcileJob execution does: 1 for the day's own reconciliation (no {@code run} parameter), else the parameter. */
    private static int runNo(Long run) {
        return run == null ? 1 : Math.toIntExact(run);
    }
}
