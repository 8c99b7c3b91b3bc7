package se.clientfunds.report.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import se.clientfunds.report.pdf.ControlTotal;
import se.clientfunds.report.pdf.ControlTotalKind;
import se.clientfunds.report.pdf.InputFile;
import se.clientfunds.report.pdf.ReportHeader;

/**
 * A business day with a completed import, a close that failed and was restarted twice (its last attempt still
 * running), two operator actions, and the manifest of the day before.
 */
public final class AuditFixtures {

    static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    static final String CAMT_HASH = "3f".repeat(32);
    static final String BGMAX_HASH = "a1b2c3d4".repeat(8);
    static final String REPORT_HASH = "0123456789abcdef".repeat(4);
    static final String MANIFEST_HASH = "fedcba9876543210".repeat(4);
    static final ZoneOffset STOCKHOLM_WINTER = ZoneOffset.ofHours(1);

    private AuditFixtures() {
    }

    public static AuditReport report() {
        return report(header());
    }

    public static ReportHeader header() {
        return new ReportHeader(DAY, 4711,
                List.of(new InputFile("camt053_2025-03-14.xml", CAMT_HASH), new InputFile("bgmax_2025-03-14.txt", BGMAX_HASH)),
                List.of(ControlTotal.count(ControlTotalKind.JOB_EXECUTIONS, 3), ControlTotal.count(ControlTotalKind.FILES_RECEIVED, 2)));
    }

    public static AuditReport report(ReportHeader header) {
        OffsetDateTime morning = DAY.atTime(6, 0, 5).atOffset(STOCKHOLM_WINTER);
        List<JobRun> runs = List.of(
                new JobRun("closeBusinessDayJob", 4712, "businessDate=2025-03-14", morning.plusHours(1), null, "STARTED", "UNKNOWN",
                        10, 0, 0, 3, 3, "karin.operator", "database back, second restart", ""),
                new JobRun("importBankFilesJob", 4701, "businessDate=2025-03-14, file=camt053_2025-03-14.xml", morning,
                        morning.plusMinutes(2).plusSeconds(13), "COMPLETED", "COMPLETED", 12_345, 12_340, 5, 1, 1, "settle",
                        "", ""),
                new JobRun("closeBusinessDayJob", 4705, "businessDate=2025-03-14", morning.plusMinutes(30),
                        morning.plusMinutes(31), "FAILED", "FAILED", 800, 799, 0, 1, 3, "settle", "",
                        "SQLTransientConnectionException: connection to mariadb lost"));
        List<OperatorAction> actions = List.of(
                new OperatorAction(morning.plusMinutes(50), DAY, "karin.operator", "RESTART", "job execution 4705",
                        "database failover at 06:31, retrying"),
                new OperatorAction(morning.plusMinutes(40), DAY.minusDays(1), "anna.finance", "EXPLAIN_BREAK", "break 900001",
                        "bank fee deducted, booked tomorrow"));
        List<ImportedFile> inputs = List.of(
                new ImportedFile("camt053_2025-03-14.xml", "CAMT053", CAMT_HASH.toUpperCase(), 1_048_576, "IMPORTED", 12_340),
                new ImportedFile("bgmax_2025-03-14.txt", "BGMAX", BGMAX_HASH, 2_048, "REJECTED", 0));
        List<OutputFile> outputs = List.of(new OutputFile("reconciliation.pdf", REPORT_HASH),
                new OutputFile("positions.xlsx", BGMAX_HASH));
        return new AuditReport(header, runs, actions, inputs, outputs,
                new AuditReport.PreviousManifest(DAY.minusDays(1), 1, "2025-03-13/manifest.json", MANIFEST_HASH));
    }
}
