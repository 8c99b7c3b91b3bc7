package se.clientfunds.extract;

/**
 * Turns a CSV row of one extract kind into a typed record, or into every problem the row has.
 *
 * @param <T> the record type
 */
public interface ExtractRowParser<T> {

    /** The extract kind whose rows this parser reads. */
    ExtractKind kind();

    /** Validates all fields of the row; never throws for bad field values. */
    RowOutcome<T> parse(ExtractRow row);
}
