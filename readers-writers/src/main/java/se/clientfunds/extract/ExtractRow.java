package se.clientfunds.extract;

import java.util.List;
import java.util.Objects;

/**
 * One CSV row of an extract as text fields in column order, with the physical line its first field starts on
 * (a quoted field may span several lines).
 */
public record ExtractRow(long line, List<String> fields) {

    public ExtractRow {
        if (line < 1) {
            throw new IllegalArgumentException("line " + line + " must be 1 or more");
        }
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    }

    /** The field at a 0-based column index. */
    public String field(int index) {
        return fields.get(index);
    }

    public int size() {
        return fields.size();
    }
}
