package se.clientfunds.ledger;

/**
 * The ledger's queries that other packages compose into their own set-based SQL (the close's positions, the
 * reconciliation's book items, the reports' cursor over a day's movements), so that only this package names the
 * journal's tables and knows that only posted entries count. Each is a complete {@code SELECT} with the parameters
 * its method names, in that order; use it as a derived table or as it is. Methods, not constants: a constant would be
 * copied into every class that uses it.
 */
public final class JournalQueries {

    private JournalQueries() {
    }

    /**
     * Posted movements booked after one day up to another, per account: columns {@code account}, {@code account_kind},
     * {@code currency}, {@code debit}, {@code credit}; parameters: after (exclusive), up to (inclusive).
     */
    public static String movementsByAccount() {
        // from the days' entries by booking date, then their lines: the cost follows the days, not the history
        return "SELECT l.account, l.account_kind, l.currency,"
                + " SUM(CASE l.side WHEN 'D' THEN l.amount_minor ELSE 0 END) AS debit,"
                + " SUM(CASE l.side WHEN 'C' THEN l.amount_minor ELSE 0 END) AS credit"
                + " FROM journal_entry e FORCE INDEX (ix_journal_booking_date) STRAIGHT_JOIN journal_line l ON l.entry_id = e.id"
                + " WHERE e.posted = 1 AND e.booking_date > ? AND e.booking_date <= ?"
                + " GROUP BY l.account, l.account_kind, l.currency";
    }

    /**
     * The posted lines of one account booked up to a day: columns {@code entry_id}, {@code line_no},
     * {@code booking_date}, {@code event_type}, {@code reference}, {@code description}, {@code side},
     * {@code amount_minor}; parameters: the account's name, up to (inclusive).
     */
    public static String postedLinesOfAccount() {
        return "SELECT e.id AS entry_id, l.line_no, e.booking_date, e.event_type, e.reference, e.description, l.side,"
                + " l.amount_minor FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " WHERE l.account = ? AND e.posted = 1 AND e.booking_date <= ?";
    }

    /**
     * The posted lines booked after one day up to another, in entry and line order: columns {@code booking_date},
     * {@code event_type}, {@code reference}, {@code account}, {@code side}, {@code amount_minor}, {@code currency};
     * parameters: after (exclusive), up to (inclusive).
     */
    public static String postedLinesBetween() {
        return "SELECT e.booking_date, e.event_type, e.reference, l.account, l.side, l.amount_minor, l.currency"
                + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " WHERE e.posted = 1 AND e.booking_date > ? AND e.booking_date <= ? ORDER BY e.id, l.line_no";
    }
}
