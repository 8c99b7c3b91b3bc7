package se.clientfunds.report.pdf;

import se.clientfunds.report.Amount;

/**
 * A control total a report was built from: what it counts, in which currency when it is about money in one, a count
 * of items and, when they carry money, their sum.
 *
 * @param currency the currency the total is about, or null when it is about none (files, job executions)
 * @param total    the items' sum, or null for a count only (e.g. the number of clients)
 */
public record ControlTotal(ControlTotalKind kind, String currency, long count, Amount total) {

    public ControlTotal {
        if (kind == null) {
            throw new IllegalArgumentException("control total kind is missing");
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency '" + currency + "' of control total " + kind + " is not an ISO 4217 code");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " of control total " + kind + " is negative");
        }
        if (total != null && currency != null && !total.currency().equals(currency)) {
            throw new IllegalArgumentException("total " + total + " of control total " + kind + " is not in " + currency);
        }
        // the requirements of different days are not amounts one can add: the return counts its days, and a sum of
        // them would read as money that exists nowhere
        if (kind == ControlTotalKind.SAFEGUARDING_DAYS && total != null) {
            throw new IllegalArgumentException("control total SAFEGUARDING_DAYS counts days and has no sum, got "
                    + total.toDecimal().toPlainString() + " " + total.currency());
        }
    }

    /** A count of things that are not money in one currency. */
    public static ControlTotal count(ControlTotalKind kind, long count) {
        return new ControlTotal(kind, null, count, null);
    }

    /** A count of items in one currency, with their sum. */
    public static ControlTotal sum(ControlTotalKind kind, long count, Amount total) {
        return new ControlTotal(kind, total.currency(), count, total);
    }
}
