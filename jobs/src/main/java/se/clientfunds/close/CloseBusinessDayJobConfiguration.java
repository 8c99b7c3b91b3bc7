package se.clientfunds.close;

import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.jobs.JobName;
import se.clientfunds.ledger.BusinessDays;
import se.clientfunds.settings.ClientFundsAccount;

/**
 * {@code closeBusinessDayJob}: closes the business date and, first, every earlier day still open (catch-up), one day
 * per transaction: positions per account and currency, the invariant, then the lock. See README.md beside this class.
 */
@Configuration(proxyBeanMethods = false)
class CloseBusinessDayJobConfiguration {

    @Bean
    Job closeBusinessDayJob(JobRepository jobRepository, Step closeBusinessDaysStep) {
        return new JobBuilder(JobName.CLOSE_BUSINESS_DAY.jobName(), jobRepository).start(closeBusinessDaysStep).build();
    }

    @Bean
    Step closeBusinessDaysStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               Tasklet closeBusinessDaysTasklet) {
        return new StepBuilder("closeBusinessDays", jobRepository).tasklet(closeBusinessDaysTasklet, transactionManager).build();
    }

    /** One day per call, each in its own transaction; a restart finds the days already closed and goes on from there. */
    @Bean
    @StepScope
    Tasklet closeBusinessDaysTasklet(BusinessDays businessDays, Positions positions, BankingCalendar calendar,
                                     DayStatements statements, JobRepository jobRepository,
                                     @Value("#{jobParameters['businessDate']}") LocalDate businessDate) {
        ClosingOrder order = new ClosingOrder(calendar);
        return (contribution, chunkContext) -> {
            List<LocalDate> days = order.daysToClose(businessDate, businessDays.all());
            if (days.isEmpty()) {
                return RepeatStatus.FINISHED;
            }
            LocalDate day = days.get(0);
            // an earlier day closes only once its postings are done: after its close nothing could post on it any more
            if (!day.equals(businessDate)) {
                for (JobName before : List.of(JobName.ALLOCATE_PAYMENTS, JobName.REFUNDS_AND_PAYOUTS)) {
                    var last = jobRepository.getLastJobExecution(before.jobName(),
                            new JobParametersBuilder().addLocalDate("businessDate", day).toJobParameters());
                    if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
                        throw new IllegalStateException("cannot close " + businessDate + ": the earlier day " + day + " is open and its "
                                + before + " has not completed; run run-day " + day + " first");
                    }
                }
            }
            // the bank's word first: a day without the statement of an account in use stays open (DESIGN §2.4)
            List<ClientFundsAccount> missing = statements.missing(day);
            if (!missing.isEmpty() && !statements.mayCloseWithout()) {
                throw new IllegalStateException("cannot close " + day + ": the statement (camt.053 or MT940) of "
                        + DayStatements.describe(missing) + " for " + day + " has not arrived; the day stays open"
                        + " (settlement.close.without-statement is false)");
            }
            int accounts = positions.close(day, missing.stream().map(ClientFundsAccount::iban).toList());
            contribution.incrementWriteCount(accounts);
            var job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
            String closed = job.getString("closedDays", "");
            job.putString("closedDays", closed.isEmpty() ? day.toString() : closed + ", " + day);
            String before = job.getString("closedWithoutStatement", "");
            String without = missing.isEmpty() ? before : (before.isEmpty() ? "" : before + "; ") + day
                    + " without the statement of " + DayStatements.describe(missing);
            job.putString("closedWithoutStatement", without);
            job.putString("summary", "closed " + job.getString("closedDays") + " (" + accounts + " positions on " + day
                    + "; BANK = CLIENT + UNALLOCATED + DEBTOR_CREDIT + PLATFORM_FEES holds)"
                    + (without.isEmpty() ? "" : "; CLOSED " + without + " (settlement.close.without-statement)"));
            return days.size() == 1 ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
        };
    }
}
