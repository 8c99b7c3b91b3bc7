package se.clientfunds.allocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * The invoices a set of payments may pay, with what each still has outstanding; allocating a payment lowers it, so
 * the next payment in the same run sees the invoice as paid.
 */
public final class InvoiceBook {

    /** An invoice with what has been paid on it so far. */
    public record Invoice(String invoiceId, String clientId, String ocr, Money amount, Money paid) {

        public Invoice {
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(paid, "paid");
        }

        public Money outstanding() {
            Money left = amount.minus(paid);
            return left.isNegative() ? Money.zero(amount.currency()) : left;
        }
    }

    private final Map<String, List<String>> idsByOcr = new HashMap<>();
    private final Map<String, Invoice> byId = new HashMap<>();

    public void add(Invoice invoice) {
        if (byId.putIfAbsent(invoice.invoiceId(), invoice) == null) {
            idsByOcr.computeIfAbsent(invoice.ocr(), ocr -> new ArrayList<>()).add(invoice.invoiceId());
        }
    }

    public List<Invoice> withOcr(String ocr) {
        return idsByOcr.getOrDefault(ocr, List.of()).stream().map(byId::get).toList();
    }

    void pay(String invoiceId, Money amount) {
        byId.computeIfPresent(invoiceId, (id, invoice) -> new Invoice(id, invoice.clientId(), invoice.ocr(),
                invoice.amount(), invoice.paid().plus(amount)));
    }

    public Invoice get(String invoiceId) {
        return byId.get(invoiceId);
    }
}
