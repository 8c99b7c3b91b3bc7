package se.clientfunds.allocation;

import static se.clientfunds.jobs.ColumnText.fit;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import se.clientfunds.database.TableStatistics;
import se.clientfunds.money.Money;

/**
 * The allocation job's SQL: the invoices and fee terms a chunk of payments may need, and the decisions
 * ({@code payment_allocation}, {@code invoice_allocation}) written in the chunk's transaction.
 */
@Repository
class AllocationStore {

    private final NamedParameterJdbcTemplate jdbc;

    AllocationStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Refreshes the optimizer's statistics of the allocation tables once the job has completed. */
    TableStatistics statistics() {
        return new TableStatistics(jdbc.getJdbcTemplate(), "payment_allocation", "invoice_allocation");
    }

    /**
     * The current invoices with the OCRs, with what is paid on them so far, into a new book; each one's debtor's country
     * into {@code debtorCountries}.
     */
    InvoiceBook invoicesWithOcrs(Collection<String> ocrs, Map<String, String> debtorCountries) {
        InvoiceBook book = new InvoiceBook();
        if (ocrs.isEmpty()) {
            return book;
        }
        List<String[]> invoices = jdbc.query("SELECT invoice_id, client_id, ocr, currency, amount_minor, debtor_country"
                + " FROM current_invoice WHERE ocr IN (:ocrs)", new MapSqlParameterSource("ocrs", ocrs),
                (rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)});
        Map<String, Long> paid = new HashMap<>();
        if (!invoices.isEmpty()) {
            // a locking read: an allocation by hand (or another process) paying the same invoices waits for this chunk,
            // so two payments can never both take what one invoice had outstanding
            jdbc.query("SELECT invoice_id, SUM(amount_minor) FROM invoice_allocation WHERE invoice_id IN (:ids) GROUP BY invoice_id"
                            + " FOR UPDATE",
                    new MapSqlParameterSource("ids", invoices.stream().map(invoice -> invoice[0]).toList()),
                    rs -> {
                        paid.put(rs.getString(1), rs.getLong(2));
                    });
        }
        for (String[] invoice : invoices) {
            debtorCountries.put(invoice[0], invoice[5]);
            book.add(new InvoiceBook.Invoice(invoice[0], invoice[1], invoice[2], Money.ofMinor(Long.parseLong(invoice[4]), invoice[3]),
                    Money.ofMinor(paid.getOrDefault(invoice[0], 0L), invoice[3])));
        }
        return book;
    }

    /** The fee terms of the clients (those with a current record) into {@code feeTerms}. */
    void feeTerms(Collection<String> clientIds, Map<String, FeeTerms> feeTerms) {
        jdbc.query("SELECT client_id, currency, fee_fixed_minor, fee_percent FROM current_client WHERE client_id IN (:ids)",
                new MapSqlParameterSource("ids", clientIds), rs -> {
                    BigDecimal percent = rs.getBigDecimal(4);
                    feeTerms.put(rs.getString(1), new FeeTerms(Money.ofMinor(rs.getLong(3), rs.getString(2)), percent));
                });
    }

    /** Writes the decisions and the invoice shares, allocated on the business date. */
    void store(List<Allocation> allocations, Map<String, String> debtorCountries, LocalDate businessDate) {
        List<MapSqlParameterSource> payments = new ArrayList<>(allocations.size());
        List<MapSqlParameterSource> shares = new ArrayList<>();
        for (Allocation allocation : allocations) {
            IncomingPayment payment = allocation.payment();
            payments.add(new MapSqlParameterSource()
                    .addValue("iban", payment.accountIban())
                    .addValue("reference", payment.bankReference())
                    .addValue("currency", payment.amount().currency().getCurrencyCode())
                    .addValue("amount", payment.amount().minorUnits())
                    .addValue("booked", Date.valueOf(payment.bookingDate()))
                    .addValue("day", Date.valueOf(businessDate))
                    .addValue("toInvoices", allocation.toInvoices().minorUnits())
                    .addValue("toDebtorCredit", allocation.toDebtorCredit().minorUnits())
                    .addValue("unallocated", allocation.unallocated().minorUnits())
                    .addValue("outcome", allocation.outcome().name())
                    .addValue("reason", fit(allocation.reason(), 500))
                    .addValue("debtor", fit(payment.debtorName(), 140))
                    .addValue("references", fit(String.join(" ", payment.references()), 600)));
            int number = 1;
            for (Allocation.InvoiceShare share : allocation.shares()) {
                shares.add(new MapSqlParameterSource()
                        .addValue("iban", payment.accountIban())
                        .addValue("reference", payment.bankReference())
                        .addValue("number", number++)
                        .addValue("invoice", share.invoiceId())
                        .addValue("client", share.clientId())
                        .addValue("country", debtorCountries.get(share.invoiceId()))
                        .addValue("currency", share.amount().currency().getCurrencyCode())
                        .addValue("amount", share.amount().minorUnits())
                        .addValue("fee", share.fee().minorUnits())
                        .addValue("day", Date.valueOf(businessDate)));
            }
        }
        jdbc.batchUpdate("INSERT INTO payment_allocation (account_iban, bank_reference, currency, amount_minor,"
                + " booking_date, allocated_on, to_invoices_minor, to_debtor_credit_minor, unallocated_minor, outcome, reason,"
                + " debtor_name, payment_references)"
                + " VALUES (:iban, :reference, :currency, :amount, :booked, :day, :toInvoices, :toDebtorCredit, :unallocated,"
                + " :outcome, :reason, :debtor, :references)", payments.toArray(MapSqlParameterSource[]::new));
        if (!shares.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO invoice_allocation (account_iban, bank_reference, allocation_no, invoice_id, client_id,"
                    + " debtor_country, currency, amount_minor, fee_minor, allocated_on) VALUES (:iban, :reference, :number,"
                    + " :invoice, :client, :country, :currency, :amount, :fee, :day)", shares.toArray(MapSqlParameterSource[]::new));
        }
    }

    /**
     * Records the BGMax deductions (TK21) the bank booked on or before the business date and not yet recorded, as
     * payments whose whole amount leaves UNALLOCATED short until it is booked against its client; how many.
     */
    int recordDeductions(LocalDate businessDate) {
        return jdbc.getJdbcTemplate().update("INSERT INTO payment_allocation (account_iban, bank_reference, currency,"
                + " amount_minor, booking_date, allocated_on, to_invoices_minor, to_debtor_credit_minor, unallocated_minor,"
                + " outcome, reason, debtor_name, payment_references)"
                + " SELECT t.account_iban, t.bank_reference, t.currency, t.amount_minor, COALESCE(t.booking_date, f.business_date),"
                + " ?, 0, 0, t.amount_minor, 'DEDUCTION', "
                + " 'DEDUCTION: the bank took this amount back out of a deposit; UNALLOCATED is short by it until it is booked"
                + " against its client',"
                + " t.counterparty_name, t.payment_references"
                + " FROM bank_transaction t JOIN imported_file f ON f.id = t.import_id AND f.status = 'IMPORTED'"
                + " WHERE t.is_payment = 1 AND t.direction = 'D' AND t.amount_minor > 0"
                + " AND COALESCE(t.booking_date, f.business_date) <= ?"
                + " AND NOT EXISTS (SELECT 1 FROM payment_allocation a"
                + "   WHERE a.account_iban = t.account_iban AND a.bank_reference = t.bank_reference)",
                Date.valueOf(businessDate), Date.valueOf(businessDate));
    }
}
