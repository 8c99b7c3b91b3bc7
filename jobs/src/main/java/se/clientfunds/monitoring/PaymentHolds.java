package se.clientfunds.monitoring;

import static se.clientfunds.jobs.ColumnText.fit;

import java.sql.Date;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Payments held from allocation by a sanctions hit. A held payment stays in UNALLOCATED (where the import posted it)
 * and allocation passes it by until two people release it; the next allocation then deals with it as with any other.
 */
@Repository
public class PaymentHolds {

    /** The reason code of a held payment, as lists of unallocated payments show it. */
    public static final String SANCTIONS_HOLD = "SANCTIONS_HOLD";

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
}
