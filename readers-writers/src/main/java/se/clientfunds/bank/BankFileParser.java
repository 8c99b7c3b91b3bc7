package se.clientfunds.bank;

import java.io.Closeable;
import java.util.List;

/**
 * Streams one bank file as {@link BankRecord}s in file order, in constant memory. Parsing checks what the format
 * itself demands (structure, field syntax, the format's own control records such as BGMax TK70); whether the
 * money adds up is {@link BankFileValidation}'s job, so that a file can be parsed and shown even when it is wrong.
 */
public interface BankFileParser extends Closeable {

    BankFileFormat format();

    /** The format version, e.g. {@code camt.054.001.08}, {@code BGMAX 01}, {@code MT940}. */
    String version();

    /** The next record, or null at the end of the file. */
    BankRecord next();

    /**
     * What the parser tolerated so far that the operator should know of (a quirk of the bank's, read by a documented
     * rule), where it is; complete once {@link #next()} has returned null.
     */
    default List<BankFileVerdict.Problem> warnings() {
        return List.of();
    }
}
