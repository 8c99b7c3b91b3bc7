package se.clientfunds.allocation;

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

import se.clientfunds.ledger.JournalEntry;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.reference.OcrReference;

/**
 * Allocates a chunk of payments in order: loads the invoices their references name (with what is paid on them so
 * far) and their clients' fee terms, applies {@link PaymentAllocator}, and writes the decisions and their postings in
 * the chunk's transaction, so a payment is allocated exactly once whatever restarts happen.
 */
class AllocationWriter implements ItemWriter<IncomingPayment> {

    private final AllocationStore store;
    private final Ledger ledger;
    private final LocalDate businessDate;
    private final Map<String, FeeTerms> feeTerms = new HashMap<>();

    AllocationWriter(AllocationStore store, Ledger ledger, LocalDate businessDate) {
        this.store = store;
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
        store.store(allocations, debtorCountries, businessDate);
        ledger.post(entries);
    }

    /** The invoices the payments' references name; each one's debtor's country into {@code debtorCountries}. */
    private InvoiceBook invoicesNamedBy(Collection<? extends IncomingPayment> payments, Map<String, String> debtorCountries) {
        Set<String> ocrs = new LinkedHashSet<>();
        for (IncomingPayment payment : payments) {
            payment.references().stream().filter(OcrReference::isValid).forEach(ocrs::add);
        }
        return store.invoicesWithOcrs(ocrs, debtorCountries);
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
        store.feeTerms(missing, feeTerms);
    }

    /** The client's fee terms, or null when the client has no imported record (the allocation then leaves it). */
    private FeeTerms feeTermsOf(String clientId) {
        return feeTerms.get(clientId);
    }
}
