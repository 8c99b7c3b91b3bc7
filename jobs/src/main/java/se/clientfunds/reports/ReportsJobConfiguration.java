package se.clientfunds.reports;

import java.time.LocalDate;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import se.clientfunds.jobs.JobName;

/**
 * {@code reportsJob}: a reconciled day's positions.xlsx, reconciliation.pdf and safeguarding.pdf (on a month's last
 * banking day also the month's safeguarding return), aml-alerts.xlsx, then audit.pdf and the manifest chaining them
 * and the day's goAML filings to the day before. One tasklet step per file. See README.md beside this class.
 */
@Configuration(proxyBeanMethods = false)
class ReportsJobConfiguration {

    @Bean
    Job reportsJob(JobRepository jobRepository, Step positionsReportStep, Step reconciliationReportStep,
                   Step safeguardingReportStep, Step safeguardingReturnStep, Step amlAlertsReportStep, Step auditReportStep,
                   Step reportManifestStep) {
        return new JobBuilder(JobName.REPORTS.jobName(), jobRepository)
                .start(positionsReportStep)
                .next(reconciliationReportStep)
                .next(safeguardingReportStep)
                .next(safeguardingReturnStep)
                .next(amlAlertsReportStep)
                // audit.pdf lists the reports above and the day's filings; the manifest lists whatever the folder holds, and
                // the filings
                .next(auditReportStep)
                .next(reportManifestStep)
                .build();
    }

    @Bean
    Step positionsReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             Tasklet positionsReportTasklet) {
        return new StepBuilder("positionsReport", jobRepository).tasklet(positionsReportTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet positionsReportTasklet(DailyReports reports, @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                   @Value("#{jobParameters['version']}") Long version,
                                   @Value("#{jobParameters['reason']}") String reason,
                                  @Value("#{jobParameters['reasonCode']}") String reasonCode) {
        return rendering(reports, businessDate, version, reason, reasonCode, DailyReports::positions);
    }

    @Bean
    Step reconciliationReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  Tasklet reconciliationReportTasklet) {
        return new StepBuilder("reconciliationReport", jobRepository).tasklet(reconciliationReportTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    Tasklet reconciliationReportTasklet(DailyReports reports,
                                        @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                        @Value("#{jobParameters['version']}") Long version,
                                        @Value("#{jobParameters['reason']}") String reason,
                                  @Value("#{jobParameters['reasonCode']}") String reasonCode) {
        // the workbook and the PDF of the same figures, in one step
        return rendering(reports, businessDate, version, reason, reasonCode, (dailyReports, reportVersion) -> {
            dailyReports.reconciliation(reportVersion);
            dailyReports.reconciliationWorkbook(reportVersion);
        });
    }

    @Bean
    Step safeguardingReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                Tasklet safeguardingReportTasklet) {
        return new StepBuilder("safeguardingReport", jobRepository).tasklet(safeguardingReportTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    Tasklet safeguardingReportTasklet(DailyReports reports, @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                      @Value("#{jobParameters['version']}") Long version,
                                      @Value("#{jobParameters['reason']}") String reason,
                                  @Value("#{jobParameters['reasonCode']}") String reasonCode) {
        return rendering(reports, businessDate, version, reason, reasonCode, DailyReports::safeguarding);
    }

    @Bean
    Step safeguardingReturnStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                Tasklet safeguardingReturnTasklet) {
        return new StepBuilder("safeguardingReturn", jobRepository).tasklet(safeguardingReturnTasklet, transactionManager)
                .build();
    }

    /** The monthly return, on the month's last banking day only; on other days the step writes nothing. */
    @Bean
    @StepScope
    Tasklet safeguardingReturnTasklet(DailyReports reports, @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                      @Value("#{jobParameters['version']}") Long version,
                                      @Value("#{jobParameters['reason']}") String reason,
                                  @Value("#{jobParameters['reasonCode']}") String reasonCode) {
        return (contribution, chunkContext) -> {
            contribution.incrementWriteCount(reports.safeguardingReturn(version(reports, chunkContext, businessDate, version, reason, reasonCode))
                    .size());
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step amlAlertsReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             Tasklet amlAlertsReportTasklet) {
        return new StepBuilder("amlAlertsReport", jobRepository).tasklet(amlAlertsReportTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet amlAlertsReportTasklet(DailyReports reports, @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                   @Value("#{jobParameters['version']}") Long version,
                                   @Value("#{jobParameters['reason']}") String reason,
                                   @Value("#{jobParameters['reasonCode']}") String reasonCode) {
        return rendering(reports, businessDate, version, reason, reasonCode, DailyReports::amlAlerts);
    }

    @Bean
    Step auditReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet auditReportTasklet) {
        return new StepBuilder("auditReport", jobRepository).tasklet(auditReportTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet auditReportTasklet(DailyReports reports, @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                               @Value("#{jobParameters['version']}") Long version,
                               @Value("#{jobParameters['reason']}") String reason,
                    @Value("#{jobParameters['reasonCode']}") String reasonCode) {
        return rendering(reports, businessDate, version, reason, reasonCode, DailyReports::audit);
    }

    @Bean
    Step reportManifestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            Tasklet reportManifestTasklet) {
        return new StepBuilder("reportManifest", jobRepository).tasklet(reportManifestTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet reportManifestTasklet(DailyReports reports, @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
                                  @Value("#{jobParameters['version']}") Long version,
                                  @Value("#{jobParameters['reason']}") String reason,
                                  @Value("#{jobParameters['reasonCode']}") String reasonCode) {
        return (contribution, chunkContext) -> {
            ReportVersions.Version reportVersion = version(reports, chunkContext, businessDate, version, reason, reasonCode);
            reports.manifest(reportVersion);
            contribution.incrementWriteCount(1);
            chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext().putString("summary",
                    "wrote " + reports.chain().folder(businessDate, reportVersion.version())
                            + (reportVersion.version() == 1 ? "" : " (version " + reportVersion.version() + ": " + reportVersion.reason() + ")"));
            return RepeatStatus.FINISHED;
        };
    }

    /** A step writing one report of the version this job instance writes. */
    private static Tasklet rendering(DailyReports reports, LocalDate businessDate, Long version, String reason, String reasonCode,
                                     RenderingStep step) {
        return (contribution, chunkContext) -> {
            step.render(reports, version(reports, chunkContext, businessDate, version, reason, reasonCode));
            contribution.incrementWriteCount(1);
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * The version this job instance writes (version 1 when it has no {@code version} parameter), recorded by its first
     * step with the run id every report of it carries: the first execution of this job instance.
     */
    private static ReportVersions.Version version(DailyReports reports, ChunkContext chunkContext, LocalDate businessDate,
                                                  Long version, String reason, String reasonCode) {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long runId = reports.runOf(jobExecution.getJobInstance()).orElse(jobExecution.getId());
        return reports.versions().open(businessDate, version == null ? 1 : Math.toIntExact(version), runId,
                reason == null ? "the day's reports" : reason,
                reasonCode == null ? ReportVersions.ReasonCode.FIRST : ReportVersions.ReasonCode.valueOf(reasonCode));
    }

    @FunctionalInterface
    private interface RenderingStep {
        void render(DailyReports reports, ReportVersions.Version version);
    }
}
