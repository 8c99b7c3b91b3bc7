package se.clientfunds.report.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import se.clientfunds.report.pdf.Amount;
import se.clientfunds.report.pdf.ControlTotal;
import se.clientfunds.report.pdf.InputFile;
import se.clientfunds.report.pdf.ReportHeader;

/** A business day with a completed import, a close that failed and was restarted twice, and two operator actions. */
public final class AuditFixtures {

    static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    static final String CAMT_HASH = "3f".repeat(32);
    static final String BGMAX_HASH = "a1b2c3d4".repeat(8);
    static final String REPORT_HASH = "0123456789abcdef".repeat(4);

    private AuditFixtures() {
    }

    public static AuditReport report() {
        ReportHeader header = new ReportHeader(DAY, 4711,
                List.of(new InputFile("camt053_2025-03-14.xml", CAMT_HASH), new InputFile("bgmax_2025-03-14.txt", BGMAX_HASH)),
                List.of(new ControlTotal("statement entries", 1234, Amount.of(123_456_789, "SEK"))));
        LocalDateTime morning = DAY.atTime(6, 0, 5);
        List<JobRun> runs = List.of(
                new JobRun("closeBusinessDayJob", 4712, "businessDate=2025-03-14", morning.plusHours(1), null, "STARTED", "UNKNOWN",
                        10, 0, 0, 3),
                new JobRun("importBankFilesJob", 4701, "businessDate=2025-03-14,file=camt053_2025-03-14.xml", morning,
                        morning.plusMinutes(2).plusSeconds(13), "COMPLETED", "COMPLETED", 12_345, 12_340, 5, 1),
                new JobRun("closeBusinessDayJob", 4705, "businessDate=2025-03-14", morning.plusMinutes(30),
                        morning.plusMinutes(31), "FAILED", "FAILED", 800, 799, 0, 2));
        List<OperatorAction> actions = List.of(
                new OperatorAction(morning.plusMinutes(50), "karin.operator", "RESTART", "job execution 4705",
                        "database failover at 06:31, retrying"),
                new OperatorAction(morning.plusMinutes(40), "anna.finance", "EXPLAIN_BREAK", "break 900001",
                        "bank fee deducted, booked tomorrow"));
        List<ImportedFile> inputs = List.of(
                new ImportedFile("camt053_2025-03-14.xml", "CAMT053", CAMT_HASH.toUpperCase(), 1_048_576, "IMPORTED", 12_340),
                new ImportedFile("bgmax_2025-03-14.txt", "BGMAX", BGMAX_HASH, 2_048, "DUPLICATE", 0));
        List<OutputFile> outputs = List.of(new OutputFile("reconciliation.pdf", REPORT_HASH),
                new OutputFile("positions.xlsx", BGMAX_HASH));
        return new AuditReport(header, runs, actions, inputs, outputs);
    }
}
