package se.clientfunds.report.audit;

import java.util.Comparator;
import java.util.List;

import se.clientfunds.report.pdf.ReportHeader;

/**
 * What {@code audit.pdf} shows for one business day: the job runs, the operator actions, the input and the output
 * files, and the goAML filings made on the day. Each list is put in a fixed order here (runs by start, actions by time,
 * files and filings by name), so the same records give the same document whatever order they were read in.
 */
public record AuditReport(ReportHeader header, List<JobRun> jobRuns, List<OperatorAction> operatorActions,
                          List<ImportedFile> inputFiles, List<OutputFile> outputFiles, List<Filing> filings,
                          PreviousManifest previousManifest) {

    /** A day without filings. */
    public AuditReport(ReportHeader header, List<JobRun> jobRuns, List<OperatorAction> operatorActions,
                       List<ImportedFile> inputFiles, List<OutputFile> outputFiles, PreviousManifest previousManifest) {
        this(header, jobRuns, operatorActions, inputFiles, outputFiles, List.of(), previousManifest);
    }

    /**
     * The manifest written before this version's (the link of the chain), printed so a reader can check it: null for
     * the first manifest of all.
     *
     * @param path where it is under reports/, e.g. {@code 2026-01-05/manifest.json}
     */
    public record PreviousManifest(java.time.LocalDate businessDate, int version, String path, String sha256) {

        public PreviousManifest {
            Fields.present("businessDate", businessDate, "the previous manifest");
            Fields.text("path", path, "the previous manifest");
            sha256 = Fields.sha256(sha256, "the previous manifest " + path);
        }
    }

    public AuditReport {
        if (header == null) {
            throw new IllegalArgumentException("header is missing");
        }
        jobRuns = sorted("jobRuns", jobRuns, Comparator.comparing(JobRun::start).thenComparingLong(JobRun::executionId));
        operatorActions = sorted("operatorActions", operatorActions, Comparator.comparing(OperatorAction::at)
                .thenComparing(OperatorAction::who).thenComparing(OperatorAction::action)
                .thenComparing(OperatorAction::subject).thenComparing(OperatorAction::reason));
        inputFiles = sorted("inputFiles", inputFiles, Comparator.comparing(ImportedFile::name)
                .thenComparing(ImportedFile::sha256));
        outputFiles = sorted("outputFiles", outputFiles, Comparator.comparing(OutputFile::name)
                .thenComparing(OutputFile::sha256));
        filings = sorted("filings", filings, Comparator.comparing(Filing::file).thenComparingLong(Filing::alertId));
        for (int i = 1; i < jobRuns.size(); i++) {
            long id = jobRuns.get(i).executionId();
            if (jobRuns.stream().limit(i).anyMatch(run -> run.executionId() == id)) {
                throw new IllegalArgumentException("jobRuns holds executionId " + id + " twice");
            }
        }
    }

    private static <T> List<T> sorted(String field, List<T> items, Comparator<T> order) {
        if (items == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new IllegalArgumentException(field + " holds a missing entry at index " + i);
            }
        }
        return items.stream().sorted(order).toList();
    }
}
