package se.clientfunds.reports;

import java.nio.file.Path;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import se.clientfunds.calendar.BankingCalendar;
import se.clientfunds.jobs.JobName;
import se.clientfunds.files.Sha256;
import se.clientfunds.report.audit.AuditPdf;
import se.clientfunds.report.audit.OutputFile;
import se.clientfunds.report.monthly.SafeguardingReturn;
import se.clientfunds.report.monthly.SafeguardingReturnPdf;
import se.clientfunds.report.monthly.SafeguardingReturnXlsx;
import se.clientfunds.report.pdf.ReconciliationPdf;
import se.clientfunds.report.pdf.SafeguardingPdf;
import se.clientfunds.report.positions.PositionsXlsxRenderer;
import se.clientfunds.report.reconciliation.ReconciliationXlsx;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.settings.SettlementProperties;

/**
 * Renders a reconciled day's reports into {@code reports/<date>/} and chains its manifest (DESIGN §2.7). The
 * {@code reportsJob} runs it step by step; {@code settle reports DATE} runs it whole to regenerate a day. Every
 * report carries the id of the day's first {@code reportsJob} execution (its run), so a restart or a regeneration
 * of the same books gives the same bytes.
 */
@Service
public class DailyReports {

    public static final String POSITIONS = "positions.xlsx";
    public static final String RECONCILIATION = "reconciliation.pdf";
    public static final String RECONCILIATION_WORKBOOK = "reconciliation.xlsx";
    public static final String SAFEGUARDING = "safeguarding.pdf";
    /** The monthly safeguarding return, written with the reports of the month's last banking day. */
    public static final String SAFEGUARDING_RETURN = "safeguarding-return.pdf";
    public static final String SAFEGUARDING_RETURN_WORKBOOK = "safeguarding-return.xlsx";
    /** Records when things ran: the one report that may differ between two runs of the same books. */
    public static final String AUDIT = "audit.pdf";

    private final DayReportRecords records;
    private final JobRepository jobRepository;
    private final ReportChain chain;
    private final Locale locale;
    private final BankingCalendar calendar;

    DailyReports(DayReportRecords records, JobRepository jobRepository, SettlementHome home,
                        SettlementProperties properties, BankingCalendar calendar) {
        this.records = records;
        this.calendar = calendar;
        this.jobRepository = jobRepository;
        this.chain = new ReportChain(home.reports());
        this.locale = properties.reports().toLocale();
    }

    public ReportChain chain() {
        return chain;
    }

    /**
     * The id the day's reports carry: the first execution of the day's {@code reportsJob}, empty when it never ran.
     * A restart continues that run, and regenerating the reports later does not make a new one.
     */
    public Optional<Long> runOf(LocalDate day) {
        JobInstance instance = jobRepository.getJobInstance(JobName.REPORTS.jobName(),
                new JobParametersBuilder().addLocalDate("businessDate", day).toJobParameters());
        return instance == null ? Optional.empty() : runOf(instance);
    }

    Optional<Long> runOf(JobInstance instance) {
        return jobRepository.getJobExecutions(instance).stream().map(JobExecution::getId).min(Long::compare);
    }

    /** Refuses a day that is not closed and reconciled (an {@link IllegalStateException} saying what to run). */
    public void requireReconciled(LocalDate day) {
        records.requireReconciled(day);
    }

    /** Regenerates every report of the day and its manifest, under the day's run id; returns the files written. */
    public List<Path> regenerate(LocalDate day, long runId) {
        List<Path> written = new ArrayList<>();
        written.add(positions(day, runId));
        written.add(reconciliation(day, runId));
        written.add(reconciliationWorkbook(day, runId));
        written.add(safeguarding(day, runId));
        written.addAll(safeguardingReturn(day, runId));
        written.add(audit(day, runId));
        written.add(manifest(day));
        return written;
    }

    Path positions(LocalDate day, long runId) {
        records.requireReconciled(day);
        return chain.write(day, POSITIONS, file -> {
            try (MovementCursor movements = records.movements(day)) {
                new PositionsXlsxRenderer().render(records.positions(day, runId, movements), locale, file);
            }
        });
    }

    Path reconciliation(LocalDate day, long runId) {
        records.requireReconciled(day);
        return chain.write(day, RECONCILIATION, file -> new ReconciliationPdf(locale).write(records.reconciliation(day, runId), file));
    }

    Path reconciliationWorkbook(LocalDate day, long runId) {
        records.requireReconciled(day);
        return chain.write(day, RECONCILIATION_WORKBOOK,
                file -> new ReconciliationXlsx(locale).write(records.reconciliation(day, runId), file));
    }

    Path safeguarding(LocalDate day, long runId) {
        records.requireReconciled(day);
        return chain.write(day, SAFEGUARDING, file -> new SafeguardingPdf(locale).write(records.safeguarding(day, runId), file));
    }

    /** Whether {@code day} is the last banking day of its month: the next banking day is in another month. */
    public boolean closesMonth(LocalDate day) {
        return calendar.isBankingDay(day) && !YearMonth.from(calendar.nextBankingDay(day)).equals(YearMonth.from(day));
    }

    /**
     * On the last banking day of a month, the month's safeguarding return as a workbook and a PDF, in that day's folder
     * so the day's manifest covers them; on any other day nothing. Returns the files written.
     */
    List<Path> safeguardingReturn(LocalDate day, long runId) {
        if (!closesMonth(day)) {
            return List.of();
        }
        records.requireReconciled(day);
        SafeguardingReturn monthly = records.safeguardingReturn(day, runId);
        return List.of(
                chain.write(day, SAFEGUARDING_RETURN_WORKBOOK, file -> new SafeguardingReturnXlsx(locale).write(monthly, file)),
                chain.write(day, SAFEGUARDING_RETURN, file -> new SafeguardingReturnPdf(locale).write(monthly, file)));
    }

    /** audit.pdf, listing the financial reports already written for the day with their SHA-256. */
    Path audit(LocalDate day, long runId) {
        records.requireReconciled(day);
        Path folder = chain.folder(day);
        List<OutputFile> reports = new ArrayList<>();
        for (String name : List.of(POSITIONS, RECONCILIATION, RECONCILIATION_WORKBOOK, SAFEGUARDING, SAFEGUARDING_RETURN_WORKBOOK,
                SAFEGUARDING_RETURN)) {
            Path file = folder.resolve(name);
            if (Files.exists(file)) {
                reports.add(new OutputFile(name, Sha256.of(file)));
            }
        }
        return chain.write(day, AUDIT, file -> new AuditPdf(locale).write(records.audit(day, runId, reports), file));
    }

    Path manifest(LocalDate day) {
        return chain.writeManifest(day);
    }
}
