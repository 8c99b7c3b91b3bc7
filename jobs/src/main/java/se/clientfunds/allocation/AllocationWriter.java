package se.clientfunds.allocation;

import static se.clientfunds.jobs.ColumnText.fit;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import se.clientfunds.ledger.JournalEntry;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.money.Money;
import se.clientfunds.reference.OcrReference;

/**
 * Allocates a chunk of payments in order: loads the invoices their references name (with what is paid on them so
 * far) and their clients' fee terms, applies {@link PaymentAllocator}, and writes the decisions and their postings in
 * the chunk's transaction, so a payment is allocated exactly once whatever restarts happen.
 */
class AllocationWriter implements ItemWriter<IncomingPayment> {

    private final NamedParameterJdbcTemplate jdbc;
    private final Ledger ledger;
    private final LocalDate businessDate;
    private final Map<String, FeeTerms> feeTerms = new HashMap<>();

    AllocationWriter(NamedParameterJdbcTemplate jdbc, Ledger ledger, LocalDate businessDate) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.businessDate = businessDate;
    }

    @Override
    public void write(Chunk<? extends IncomingPayment> chunk) {
        Map<String, String> debtorCountries = new HashMap<>();
        InvoiceBook book = invoicesNamedBy(chunk.getItems(), debtorCountries);
        loadFeeTerms(book, chunk.getItems());
        PaymentAllocator allocator = new PaymentAllocator(this::feeTermsOf);
        List<Allocation> allocations = new ArrayList<>(chunk.size());
        List<JournalEntry> entries = new ArrayList<>(chunk.size() * 2);
        for (IncomingPayment payment : chunk) {
            Allocation allocation = allocator.allocate(payment, book);
            allocations.add(allocation);
            entries.addAll(allocation.journalEntries(businessDate));
        }
        store(allocations, debtorCountries);
        ledger.post(entries);
    }

    /** The invoices the payments' references name; each one's debtor's country into {@code debtorCountries}. */
    private InvoiceBook invoicesNamedBy(Collection<? extends IncomingPayment> payments, Map<String, String> debtorCountries) {
        Set<String> ocrs = new LinkedHashSet<>();
        for (IncomingPayment payment : payments) {
            payment.references().stream().filter(OcrReference::isValid).forEach(ocrs::add);
        }
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

    /** Fee terms of the clients this chunk may pay, kept for the rest of the step (clients are few, payments many). */
    private void loadFeeTerms(InvoiceBook book, Collection<? extends IncomingPayment> payments) {
        Set<String> missing = new LinkedHashSet<>();
        for (IncomingPayment payment : payments) {
            for (String reference : payment.references()) {
                for (InvoiceBook.Invoice invoice : book.withOcr(reference)) {
                    if (!feeTerms.containsKey(invoice.clientId())) {
                        missing.add(invoice.clientId());
                    }
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        jdbc.query("SELECT client_id, currency, fee_fixed_minor, fee_percent FROM current_client WHERE client_id IN (:ids)",
                new MapSqlParameterSource("ids", missing), rs -> {
                    BigDecimal percent = rs.getBigDecimal(4);
                    feeTerms.put(rs.getString(1), new FeeTerms(Money.ofMinor(rs.getLong(3), rs.getString(2)), percent));
                });
    }

    /** The client's fee terms, or null when the client has no imported record (the allocation then leaves it). */
    private FeeTerms feeTermsOf(String clientId) {
        return feeTerms.get(clientId);
    }

    private void store(List<Allocation> allocations, Map<String, String> debtorCountries) {
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

}
