package se.clientfunds.ledger;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Business days and their status. A closed day locks the ledger on and before its date (enforced by the database). */
@Repository
public class BusinessDays {

    public enum Status { OPEN, CLOSED }

    private final JdbcTemplate jdbc;

    public BusinessDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the day as open unless it is already known. */
    public void open(LocalDate date) {
        jdbc.update("INSERT IGNORE INTO business_day (business_date, status) VALUES (?, 'OPEN')", Date.valueOf(date));
    }

    /** Locks the day: nothing may post with a booking date on or before it afterwards. */
    public void close(LocalDate date) {
        close(date, List.of());
    }

    /**
     * Locks the day, naming the client-funds accounts (IBANs) it closed without the bank's statement of, if any
     * ({@code settlement.close.without-statement}).
     */
    public void close(LocalDate date, List<String> withoutStatement) {
        open(date);
        jdbc.update("UPDATE business_day SET status = 'CLOSED', closed_at = CURRENT_TIMESTAMP(6), closed_without_statement = ?"
                + " WHERE business_date = ? AND status = 'OPEN'", withoutStatement.isEmpty() ? null : String.join(",", withoutStatement),
                Date.valueOf(date));
    }

    /** The client-funds accounts (IBANs) the day closed without the statement of; empty when it had them all. */
    public List<String> closedWithoutStatement(LocalDate date) {
        List<String> accounts = jdbc.queryForList("SELECT closed_without_statement FROM business_day WHERE business_date = ?"
                + " AND closed_without_statement IS NOT NULL", String.class, Date.valueOf(date));
        return accounts.isEmpty() ? List.of() : List.of(accounts.get(0).split(","));
    }

    public Optional<Status> status(LocalDate date) {
        List<String> status = jdbc.queryForList("SELECT status FROM business_day WHERE business_date = ?", String.class,
                Date.valueOf(date));
        return status.stream().findFirst().map(Status::valueOf);
    }

    /** Every recorded business day with its status, in date order. */
    public java.util.SortedMap<LocalDate, Status> all() {
        java.util.SortedMap<LocalDate, Status> days = new java.util.TreeMap<>();
        jdbc.query("SELECT business_date, status FROM business_day", rs -> {
            days.put(rs.getDate(1).toLocalDate(), Status.valueOf(rs.getString(2)));
        });
        return days;
    }

    /** The latest closed business day, if any. */
    public Optional<LocalDate> lastClosed() {
        Date date = jdbc.queryForObject("SELECT MAX(business_date) FROM business_day WHERE status = 'CLOSED'", Date.class);
        return Optional.ofNullable(date).map(Date::toLocalDate);
    }
}
