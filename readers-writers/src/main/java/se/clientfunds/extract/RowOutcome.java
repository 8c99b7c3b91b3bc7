package se.clientfunds.extract;

import java.util.List;
import java.util.Objects;

/**
 * The result of validating one extract row: either the typed record or every problem found in the row.
 *
 * @param <T> the record type
 */
public record RowOutcome<T>(T value, List<RowProblem> problems) {

    public RowOutcome {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        if ((value == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a row outcome has either a value or problems, not both or neither");
        }
    }

    public static <T> RowOutcome<T> valid(T value) {
        return new RowOutcome<>(Objects.requireNonNull(value, "value"), List.of());
    }

    public static <T> RowOutcome<T> invalid(List<RowProblem> problems) {
        return new RowOutcome<>(null, problems);
    }

    public boolean isValid() {
        return value != null;
    }
}
