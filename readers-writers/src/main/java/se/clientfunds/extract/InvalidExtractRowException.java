package se.clientfunds.extract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A row that fails validation while it is being loaded, which means the earlier validation pass was skipped or the
 * file changed since; the message lists every problem with its field.
 */
public class InvalidExtractRowException extends ExtractFormatException {

    private final List<RowProblem> problems;

    public InvalidExtractRowException(String fileName, long line, List<RowProblem> problems) {
        super(fileName, line, problems.stream()
                .map(problem -> problem.field() + " '" + problem.value() + "': " + problem.reason())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }
}
