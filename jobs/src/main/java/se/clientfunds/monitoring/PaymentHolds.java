package se.clientfunds.monitoring;

import static se.clientfunds.jobs.ColumnText.fit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import se.clientfunds.money.Money;

/**
 * Payments held from allocation by a sanctions hit. A held payment stays in UNALLOCATED (where the import posted it)
 * and allocation passes it by until two people release it; the next allocation then deals with it as with any other.
 */
@Repository
public class PaymentHolds {

    /** The reason code of a held payment, as lists of unallocated payments show it. */
    public static final String SANCTIONS_HOLD = "SANCTIONS_HOLD";

    /**
     * A payment held at the end of a business day.
     *
     * @param heldOn the business day the screening held it
     * @param payer  the payer's name as the bank gave it, null when it gave none
     */
    public record Held(String accountIban, String bankReference, Money amount, LocalDate bookingDate, LocalDate heldOn, long alertId,
                       String payer, String reason) {
    }

    private final JdbcTemplate jdbc;

    public PaymentHolds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the payment (once: holding it again changes nothing). */
    public void hold(PaymentToScreen payment, long alertId, LocalDate businessDate, String reason) {
        jdbc.update("INSERT IGNORE INTO payment_hold (account_iban, bank_reference, currency, amount_minor, booking_date, held_on,"
                + " reason, alert_id, payer_name, payment_references) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                payment.accountIban(), payment.bankReference(), payment.amount().currency().getCurrencyCode(),
                payment.amount().minorUnits(), Date.valueOf(payment.bookingDate()), Date.valueOf(businessDate), fit(reason, 500),
                alertId, fit(payment.payerName(), 140), fit(payment.references(), 600));
    }

    /**
     * The payments held at the end of {@code day}: held on it or before and not released by then. A hold is made and
     * released on the open business day, so once the day has closed this no longer changes.
     */
    public List<Held> heldAt(LocalDate day) {
        Date date = Date.valueOf(day);
        return jdbc.query("SELECT account_iban, bank_reference, amount_minor, currency, booking_date, held_on, alert_id, payer_name,"
                + " reason FROM payment_hold WHERE held_on <= ? AND (released_on IS NULL OR released_on > ?)"
                + " ORDER BY account_iban, bank_reference", (rs, row) -> new Held(rs.getString(1), rs.getString(2),
                        Money.ofMinor(rs.getLong(3), rs.getString(4)), rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(),
                        rs.getLong(7), rs.getString(8), rs.getString(9)), date, date);
    }
}
