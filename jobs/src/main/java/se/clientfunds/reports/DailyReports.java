package se.clientfunds.reports;

import java.nio.file.Files;
import java.nio.file.Path;
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
import se.clientfunds.files.Sha256;
import se.clientfunds.jobs.JobName;
import se.clientfunds.monitoring.Filings;
import se.clientfunds.report.aml.AmlAlertsXlsx;
import se.clientfunds.report.audit.AuditPdf;
import se.clientfunds.report.audit.OutputFile;
import se.clientfunds.report.monthly.SafeguardingReturn;
import se.clientfunds.report.monthly.SafeguardingReturnPdf;
import se.clientfunds.report.monthly.SafeguardingReturnXlsx;
import se.clientfunds.report.pdf.ReconciliationPdf;
import se.clientfunds.report.pdf.SafeguardingPdf;
import se.clientfunds.report.positions.PositionsXlsxRenderer;
import se.clientfunds.report.reconciliation.ReconciliationXlsx;
import se.clientfunds.settings.SettlementProperties;

/**
 * Renders a version of a reconciled day's reports into its folder and chains its manifest (DESIGN §2.7). The
 * {@code reportsJob} runs it step by step. Every report of a version carries the id of the first execution of that
 * version's {@code reportsJob} (its run) and shows what the version recorded when it was first written (the
 * reconciliation run, the operator actions up to then), so a restart or a regeneration gives the same bytes.
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
    /** The day's new and open alerts, held payments and filings, for compliance. */
    public static final String AML_ALERTS = "aml-alerts.xlsx";
    /** Records when things ran: the one report that may differ between two runs of the same books. */
    public static final String AUDIT = "audit.pdf";

    private final DayReportRecords records;
    private final Filings filings;
    private final JobRepository jobRepository;
    private final ReportVersions versions;
    private final Locale locale;
    private final BankingCalendar calendar;

    DailyReports(DayReportRecords records, Filings filings, JobRepository jobRepository, ReportVersions versions,
                 SettlementProperties properties, BankingCalendar calendar) {
        this.records = records;
        this.filings = filings;
        this.calendar = calendar;
        this.jobRepository = jobRepository;
        this.versions = versions;
        this.locale = properties.reports().toLocale();
    }

    public ReportChain chain() {
        return versions.chain();
    }

    public ReportVersions versions() {
        return versions;
    }

    /**
     * The id a version's reports carry: the first execution of its {@code reportsJob} instance, empty when it never ran.
     * A restart continues that run, and regenerating the reports later does not make a new one.
     */
    public Optional<Long> runOf(LocalDate day, int version) {
        JobParametersBuilder parameters = new JobParametersBuilder().addLocalDate("businessDate", day);
        if (version > 1) {
            parameters.addLong("version", (long) version);
        }
        JobInstance instance = jobRepository.getJobInstance(JobName.REPORTS.jobName(), parameters.toJobParameters());
        return instance == null ? Optional.empty() : runOf(instance);
    }

    Optional<Long> runOf(JobInstance instance) {
        return jobRepository.getJobExecutions(instance).stream().map(JobExecution::getId).min(Long::compare);
    }

    /** Refuses a day that is not closed and reconciled (an {@link IllegalStateException} saying what to run). */
    public void requireReconciled(LocalDate day) {
        records.requireReconciled(day);
    }

    /**
     * Renders every report of the version (not its manifest) into the same place under another reports folder, to see
     * whether writing it again would give the same bytes without touching what was written. Returns the files written.
     */
    List<Path> renderInto(ReportVersions.Version version, ReportChain scratch) {
        List<Path> written = new ArrayList<>();
        written.add(positions(version, scratch));
        written.add(reconciliation(version, scratch));
        written.add(reconciliationWorkbook(version, scratch));
        written.add(safeguarding(version, scratch));
        written.addAll(safeguardingReturn(version, scratch));
        written.add(amlAlerts(version, scratch));
        written.add(audit(version, scratch));
        return written;
    }

    Path positions(ReportVersions.Version version) {
        return positions(version, chain());
    }

    Path reconciliation(ReportVersions.Version version) {
        return reconciliation(version, chain());
    }

    Path reconciliationWorkbook(ReportVersions.Version version) {
        return reconciliationWorkbook(version, chain());
    }

    Path safeguarding(ReportVersions.Version version) {
        return safeguarding(version, chain());
    }

    List<Path> safeguardingReturn(ReportVersions.Version version) {
        return safeguardingReturn(version, chain());
    }

    Path amlAlerts(ReportVersions.Version version) {
        return amlAlerts(version, chain());
    }

    Path audit(ReportVersions.Version version) {
        return audit(version, chain());
    }

    /**
     * The goAML filings made on the day, each with the SHA-256 of its file as it is now: what the day's manifest chains
     * and audit.pdf lists. A filing is made on the open business day and that day closes only after it (see
     * {@code Filings}), so once the day is closed this list no longer changes and every version of the day's reports
     * shows the same filings. Refused when a filing's file is gone or is no longer the bytes filed: the chain would
     * vouch for something the FIU was not sent.
     */
    List<ReportChain.Filed> filings(LocalDate day) {
        List<ReportChain.Filed> filed = new ArrayList<>();
        for (Filings.Made filing : filings.madeOn(day)) {
            Path file = filings.path(filing);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("the reports of " + day + " list the filing of alert " + filing.alertId() + ", "
                        + filing.file() + ", but the file is missing: put the filed bytes back");
            }
            String sha256 = Sha256.of(file);
            if (filing.sha256() != null && !filing.sha256().equals(sha256)) {
                throw new IllegalStateException("the reports of " + day + " list the filing of alert " + filing.alertId() + ", "
                        + filing.file() + ": it was filed with SHA-256 " + filing.sha256() + ", the file now has " + sha256
                        + "; put the filed bytes back");
            }
            filed.add(new ReportChain.Filed(filing.file(), filing.alertId(), sha256));
        }
        return filed;
    }

    private Path positions(ReportVersions.Version version, ReportChain chain) {
        LocalDate day = version.businessDate();
        records.requireReconciled(day);
        return chain.write(day, version.version(), POSITIONS, file -> {
            try (MovementCursor movements = records.movements(day)) {
                new PositionsXlsxRenderer().render(records.positions(version, movements), locale, file);
            }
        });
    }

    private Path reconciliation(ReportVersions.Version version, ReportChain chain) {
        records.requireReconciled(version.businessDate());
        return chain.write(version.businessDate(), version.version(), RECONCILIATION,
                file -> new ReconciliationPdf(locale).write(records.reconciliation(version), file));
    }

    private Path reconciliationWorkbook(ReportVersions.Version version, ReportChain chain) {
        records.requireReconciled(version.businessDate());
        return chain.write(version.businessDate(), version.version(), RECONCILIATION_WORKBOOK,
                file -> new ReconciliationXlsx(locale).write(records.reconciliation(version), file));
    }

    private Path safeguarding(ReportVersions.Version version, ReportChain chain) {
        records.requireReconciled(version.businessDate());
        return chain.write(version.businessDate(), version.version(), SAFEGUARDING,
                file -> new SafeguardingPdf(locale).write(records.safeguarding(version), file));
    }

    /** Whether {@code day} is the last banking day of its month: the next banking day is in another month. */
    public boolean closesMonth(LocalDate day) {
        return calendar.isBankingDay(day) && !YearMonth.from(calendar.nextBankingDay(day)).equals(YearMonth.from(day));
    }

    /**
     * On the last banking day of a month, the month's safeguarding return as a workbook and a PDF, in that day's folder
     * so the day's manifest covers them; on any other day nothing. Returns the files written.
     */
    private List<Path> safeguardingReturn(ReportVersions.Version version, ReportChain chain) {
        LocalDate day = version.businessDate();
        if (!closesMonth(day)) {
            return List.of();
        }
        records.requireReconciled(day);
        SafeguardingReturn monthly = records.safeguardingReturn(version);
        return List.of(
                chain.write(day, version.version(), SAFEGUARDING_RETURN_WORKBOOK,
                        file -> new SafeguardingReturnXlsx(locale).write(monthly, file)),
                chain.write(day, version.version(), SAFEGUARDING_RETURN, file -> new SafeguardingReturnPdf(locale).write(monthly, file)));
    }

    /** aml-alerts.xlsx: the alerts as the version recorded them, the payments held at the day's end, the day's filings. */
    private Path amlAlerts(ReportVersions.Version version, ReportChain chain) {
        records.requireReconciled(version.businessDate());
        return chain.write(version.businessDate(), version.version(), AML_ALERTS,
                file -> new AmlAlertsXlsx(locale).write(records.amlAlerts(version, filings.madeOn(version.businessDate())), file));
    }

    /** audit.pdf, listing the reports already written for the version with their SHA-256, and the day's filings. */
    private Path audit(ReportVersions.Version version, ReportChain chain) {
        LocalDate day = version.businessDate();
        records.requireReconciled(day);
        Path folder = chain.folder(day, version.version());
        List<OutputFile> reports = new ArrayList<>();
        for (String name : List.of(POSITIONS, RECONCILIATION, RECONCILIATION_WORKBOOK, SAFEGUARDING, SAFEGUARDING_RETURN_WORKBOOK,
                SAFEGUARDING_RETURN, AML_ALERTS)) {
            Path file = folder.resolve(name);
            if (Files.exists(file)) {
                reports.add(new OutputFile(name, Sha256.of(file)));
            }
        }
        java.util.Optional<ReportChain.Link> previous = versions.previousOf(version);
        Path written = chain.write(day, version.version(), AUDIT,
                file -> new AuditPdf(locale).write(records.audit(version, reports, filings(day), previous), file));
        if (chain == chain()) {
            versions.auditNamed(version, previous);
        }
        return written;
    }

    Path manifest(ReportVersions.Version version) {
        // one writer at a time takes the head of the chain: the lock holds until this step's transaction commits
        versions.lockChain();
        // another manifest written since audit.pdf was rendered (a restart after another day's reports): audit.pdf names
        // the manifest this one chains to, so it is rendered again first; nothing of this version was recorded yet
        if (versions.auditNamesAnotherPrevious(version)) {
            audit(version);
        }
        versions.writeManifest(versions.get(version.businessDate(), version.version()).orElse(version),
                filings(version.businessDate()));
        return chain().folder(version.businessDate(), version.version()).resolve(ReportChain.MANIFEST);
    }
}
