package se.clientfunds.report.pdf;

/**
 * A control total a report was built from: a name, a count of items and, when they carry money, their sum.
 *
 * @param total the items' sum, or null for a count only (e.g. the number of clients)
 */
public record ControlTotal(String name, long count, Amount total) {

    public ControlTotal {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("control total name '" + name + "' is blank");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " of control total " + name + " is negative");
        }
    }
}
