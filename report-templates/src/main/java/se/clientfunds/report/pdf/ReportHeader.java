package se.clientfunds.report.pdf;

import java.time.LocalDate;
import java.util.List;

/**
 * What every report carries on its first page: the business date, the job execution that made it, which version of
 * the day's reports it belongs to, what it must say before its figures (notices; alerts in red), the input files with
 * their SHA-256 and the control totals it was built from.
 *
 * @param version 1 for the day's first reports, 2 or more for a later version written beside them
 * @param notices printed under the title, in the order given
 */
public record ReportHeader(LocalDate businessDate, long jobExecutionId, List<InputFile> inputFiles,
                           List<ControlTotal> controlTotals, int version, List<Notice> notices) {

    /** The first version's header, with nothing to say before the figures. */
    public ReportHeader(LocalDate businessDate, long jobExecutionId, List<InputFile> inputFiles, List<ControlTotal> controlTotals) {
        this(businessDate, jobExecutionId, inputFiles, controlTotals, 1, List.of());
    }

    public ReportHeader {
        if (businessDate == null) {
            throw new IllegalArgumentException("businessDate is missing");
        }
        if (jobExecutionId <= 0) {
            throw new IllegalArgumentException("jobExecutionId " + jobExecutionId + " is not positive");
        }
        if (inputFiles == null) {
            throw new IllegalArgumentException("inputFiles is missing");
        }
        if (controlTotals == null) {
            throw new IllegalArgumentException("controlTotals is missing");
        }
        inputFiles = List.copyOf(inputFiles);
        controlTotals = List.copyOf(controlTotals);
        if (version < 1) {
            throw new IllegalArgumentException("version " + version + " is not positive");
        }
        notices = notices == null ? List.of() : List.copyOf(notices);
        if (version == 1 && notices.stream().anyMatch(Notice.LaterVersion.class::isInstance)) {
            throw new IllegalArgumentException("version 1 cannot carry a later-version notice");
        }
        laterVersionMatches(version, notices);
    }

    /**
     * A later-version notice says which version the reports are: it must be theirs, and there is one of it at most
     * (both notices' words would print, contradicting each other).
     */
    static void laterVersionMatches(int version, List<Notice> notices) {
        List<Notice.LaterVersion> later = notices.stream().filter(Notice.LaterVersion.class::isInstance)
                .map(Notice.LaterVersion.class::cast).toList();
        if (later.size() > 1) {
            throw new IllegalArgumentException("version " + version + " carries " + later.size() + " later-version notices");
        }
        if (!later.isEmpty() && later.get(0).version() != version) {
            throw new IllegalArgumentException("the later-version notice says version " + later.get(0).version()
                    + ", the reports are version " + version);
        }
    }
}
