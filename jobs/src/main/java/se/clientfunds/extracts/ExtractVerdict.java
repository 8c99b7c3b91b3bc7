package se.clientfunds.extracts;

import java.nio.file.Path;
import java.util.List;

import se.clientfunds.extract.ExtractKind;
import se.clientfunds.extract.RowProblem;

/**
 * The outcome of validating one extract: accepted when it has no problems and was not refused as a whole.
 *
 * @param problems     the first problems found (at most {@link ExtractValidation#REPORTED_PROBLEMS})
 * @param problemCount all problems found
 * @param refusal      why the file as a whole was refused (header, encoding, empty), or null
 */
public record ExtractVerdict(ExtractKind kind, String fileName, long rows, List<RowProblem> problems, long problemCount,
                             String refusal) {

    static ExtractVerdict refused(ExtractKind kind, Path file, String refusal) {
        return new ExtractVerdict(kind, file.getFileName().toString(), 0, List.of(), 0, refusal);
    }

    public boolean accepted() {
        return refusal == null && problemCount == 0;
    }

    /** One line for the operator: names the file and the first problem. */
    public String summary() {
        if (refusal != null) {
            return refusal;
        }
        if (problemCount == 0) {
            return fileName + ": " + rows + " rows valid";
        }
        RowProblem first = problems.get(0);
        return fileName + ": " + problemCount + " problem" + (problemCount == 1 ? "" : "s") + " in " + rows
                + " rows; first: line " + first.line() + ", " + first.field() + " '" + first.value() + "': " + first.reason();
    }

    /** The reason file written beside a quarantined extract. */
    public String reasonText() {
        StringBuilder text = new StringBuilder();
        text.append("File: ").append(fileName).append('\n');
        text.append("Kind: ").append(kind == null ? "unknown" : kind.fileName()).append('\n');
        text.append("Rejected: nothing from this file was imported.\n");
        if (refusal != null) {
            text.append("Reason: ").append(refusal).append('\n');
            return text.toString();
        }
        text.append("Rows: ").append(rows).append(", problems: ").append(problemCount);
        if (problemCount > problems.size()) {
            text.append(" (the first ").append(problems.size()).append(" are listed)");
        }
        text.append("\n\nline\tfield\tvalue\twhy\n");
        for (RowProblem problem : problems) {
            text.append(problem.line()).append('\t').append(problem.field()).append('\t').append(problem.value())
                    .append('\t').append(problem.reason()).append('\n');
        }
        return text.toString();
    }
}
