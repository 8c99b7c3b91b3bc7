package se.clientfunds.report.positions;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code positions.xlsx} shows for one business day. The movements are an {@link Iterable} so a
 * million postings can be read lazily (for example from a database cursor) once per rendering, never held in memory.
 */
public record PositionsReport(LocalDate businessDate, long jobExecutionId, List<InputFile> inputFiles,
        List<PositionLine> positions, Iterable<MovementLine> movements, List<UnallocatedLine> unallocated,
        ControlTotals totals, int version, List<se.clientfunds.report.pdf.Notice> notices, List<DebtorCreditLine> debtorCredit) {

    /** The first version's report, with nothing to say before the figures and no debtor credit listed. */
    public PositionsReport(LocalDate businessDate, long jobExecutionId, List<InputFile> inputFiles, List<PositionLine> positions,
                           Iterable<MovementLine> movements, List<UnallocatedLine> unallocated, ControlTotals totals) {
        this(businessDate, jobExecutionId, inputFiles, positions, movements, unallocated, totals, 1, List.of(), List.of());
    }

    public PositionsReport {
        Objects.requireNonNull(businessDate, "businessDate is null");
        if (jobExecutionId <= 0) {
            throw new IllegalArgumentException("jobExecutionId " + jobExecutionId + " is not positive");
        }
        inputFiles = List.copyOf(Objects.requireNonNull(inputFiles, "inputFiles is null"));
        positions = List.copyOf(Objects.requireNonNull(positions, "positions is null"));
        Objects.requireNonNull(movements, "movements is null");
        unallocated = List.copyOf(Objects.requireNonNull(unallocated, "unallocated is null"));
        Objects.requireNonNull(totals, "totals is null");
        if (version < 1) {
            throw new IllegalArgumentException("version " + version + " is not positive");
        }
        notices = notices == null ? List.of() : List.copyOf(notices);
        if (version == 1 && notices.stream().anyMatch(se.clientfunds.report.pdf.Notice.LaterVersion.class::isInstance)) {
            throw new IllegalArgumentException("version 1 cannot carry a later-version notice");
        }
        for (se.clientfunds.report.pdf.Notice notice : notices) {
            if (notice instanceof se.clientfunds.report.pdf.Notice.LaterVersion later && later.version() != version) {
                throw new IllegalArgumentException("the later-version notice says version " + later.version()
                        + ", the report is version " + version);
            }
        }
        debtorCredit = debtorCredit == null ? List.of() : List.copyOf(debtorCredit);
    }
}
