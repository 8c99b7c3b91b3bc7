package se.clientfunds.extract;

import java.util.Objects;

/** Why one field of an extract row is refused: the line, the column name, the value as found and the reason. */
public record RowProblem(long line, String field, String value, String reason) {

    public RowProblem {
        if (line < 1) {
            throw new IllegalArgumentException("line " + line + " must be 1 or more");
        }
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "line " + line + " " + field + " '" + value + "': " + reason;
    }
}
