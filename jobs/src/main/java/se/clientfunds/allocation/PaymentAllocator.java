package se.clientfunds.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import se.clientfunds.money.Money;
import se.clientfunds.reference.OcrReference;

/**
 * The allocation rules (DESIGN §2.3): a payment's references are tried in the order given; a valid OCR of an
 * invoice in the payment's currency takes up to what the invoice has outstanding. What is left is an overpayment or
 * a duplicate (owed back to the payer) when every reference led to an invoice, and stays in UNALLOCATED with the
 * reason otherwise, for an operator: money is never guessed onto an invoice. An operator's allocation by hand goes by
 * the same rules for the invoice the operator chose ({@link #allocateByHand}).
 */
public final class PaymentAllocator {

    /** Why the invoice an operator chose cannot take any of a payment. */
    public enum Refusal {
        /** The invoice is in another currency than the payment. */
        OTHER_CURRENCY,
        /** The invoice has nothing outstanding. */
        PAID_IN_FULL,
        /** The invoice's client has no record, or is now in another currency than the invoice. */
        CLIENT_NOT_IN_INVOICE_CURRENCY
    }

    private final Function<String, FeeTerms> feeTermsOfClient;

    /** @param feeTermsOfClient a client's fee terms, or null when the client has no record */
    public PaymentAllocator(Function<String, FeeTerms> feeTermsOfClient) {
        this.feeTermsOfClient = feeTermsOfClient;
    }

    public Allocation allocate(IncomingPayment payment, InvoiceBook invoices) {
        Money remaining = payment.amount();
        List<Allocation.InvoiceShare> shares = new ArrayList<>();
        String problem = payment.references().isEmpty() ? "NO_REFERENCE: the payment carries no reference" : null;
        boolean allPaidAlready = !payment.references().isEmpty();
        for (String reference : payment.references()) {
            if (!remaining.isPositive()) {
                break;
            }
            String ocrProblem = reference.startsWith("-") ? "a deduction reference, not an invoice's"
                    : OcrReference.problem(reference);
            if (ocrProblem != null) {
                problem = first(problem, "INVALID_OCR: reference '" + reference + "': " + ocrProblem);
                allPaidAlready = false;
                continue;
            }
            List<InvoiceBook.Invoice> candidates = invoices.withOcr(reference);
            if (candidates.isEmpty()) {
                problem = first(problem, "UNKNOWN_OCR: no invoice has OCR " + reference);
                allPaidAlready = false;
                continue;
            }
            if (candidates.size() > 1) {
                problem = first(problem, "AMBIGUOUS_OCR: OCR " + reference + " is on " + candidates.size() + " invoices ("
                        + String.join(", ", candidates.stream().map(InvoiceBook.Invoice::invoiceId).toList()) + ")");
                allPaidAlready = false;
                continue;
            }
            InvoiceBook.Invoice invoice = candidates.get(0);
            if (!inPaymentCurrency(invoice, payment)) {
                problem = first(problem, "CURRENCY_MISMATCH: invoice " + invoice.invoiceId() + " is in "
                        + invoice.amount().currency().getCurrencyCode() + ", the payment in "
                        + payment.amount().currency().getCurrencyCode());
                allPaidAlready = false;
                continue;
            }
            // a client whose record is gone or whose currency changed since the invoice: not something to guess about
            FeeTerms terms = feeTermsOfClient.apply(invoice.clientId());
            if (!inInvoiceCurrency(terms, invoice)) {
                problem = first(problem, "CURRENCY_MISMATCH: invoice " + invoice.invoiceId() + " is in "
                        + invoice.amount().currency().getCurrencyCode() + " but client " + invoice.clientId()
                        + (terms == null ? " has no client record" : " is now in " + terms.fixed().currency().getCurrencyCode()));
                allPaidAlready = false;
                continue;
            }
            if (!invoice.outstanding().isPositive()) {
                continue;
            }
            allPaidAlready = false;
            Allocation.InvoiceShare share = share(remaining, invoice, terms);
            shares.add(share);
            invoices.pay(invoice.invoiceId(), share.amount());
            remaining = remaining.minus(share.amount());
        }
        Money zero = Money.zero(payment.amount().currency());
        if (!remaining.isPositive()) {
            return new Allocation(payment, shares, zero, zero, Allocation.Outcome.ALLOCATED, null);
        }
        if (problem != null) {
            return new Allocation(payment, shares, zero, remaining,
                    shares.isEmpty() ? Allocation.Outcome.UNALLOCATED : Allocation.Outcome.PARTLY_UNALLOCATED, problem);
        }
        if (allPaidAlready) {
            return new Allocation(payment, shares, remaining, zero, Allocation.Outcome.DUPLICATE,
                    "every invoice it names (" + String.join(", ", payment.references()) + ") was already paid");
        }
        return new Allocation(payment, shares, remaining, zero, Allocation.Outcome.OVERPAID,
                remaining + " more than the invoices it names had outstanding");
    }

    /**
     * Why the invoice an operator chose cannot take any of the payment, checked in this order: its currency, what it
     * has outstanding, its client's fee terms.
     */
    public Optional<Refusal> refusalByHand(IncomingPayment payment, InvoiceBook.Invoice invoice) {
        if (!inPaymentCurrency(invoice, payment)) {
            return Optional.of(Refusal.OTHER_CURRENCY);
        }
        if (!invoice.outstanding().isPositive()) {
            return Optional.of(Refusal.PAID_IN_FULL);
        }
        if (!inInvoiceCurrency(feeTermsOfClient.apply(invoice.clientId()), invoice)) {
            return Optional.of(Refusal.CLIENT_NOT_IN_INVOICE_CURRENCY);
        }
        return Optional.empty();
    }

    /**
     * An operator's allocation by hand of a payment (what is left of it in UNALLOCATED) to the invoice the operator
     * chose: it pays the invoice up to what it has outstanding, with the client's fee; the rest stays in UNALLOCATED
     * (an operator's choice of one invoice says nothing of where the rest belongs).
     *
     * @throws IllegalArgumentException when the invoice cannot take any of it ({@link #refusalByHand})
     */
    public Allocation allocateByHand(IncomingPayment payment, InvoiceBook.Invoice invoice) {
        refusalByHand(payment, invoice).ifPresent(refusal -> {
            throw new IllegalArgumentException("invoice " + invoice.invoiceId() + " cannot take payment "
                    + payment.ledgerReference() + ": " + refusal);
        });
        Allocation.InvoiceShare share = share(payment.amount(), invoice, feeTermsOfClient.apply(invoice.clientId()));
        Money left = payment.amount().minus(share.amount());
        return new Allocation(payment, List.of(share), Money.zero(left.currency()), left,
                left.isPositive() ? Allocation.Outcome.PARTLY_UNALLOCATED : Allocation.Outcome.ALLOCATED, null);
    }

    private static boolean inPaymentCurrency(InvoiceBook.Invoice invoice, IncomingPayment payment) {
        return invoice.amount().currency().equals(payment.amount().currency());
    }

    /** Whether the client has fee terms in the invoice's currency: a client whose record is gone or whose currency changed has not. */
    private static boolean inInvoiceCurrency(FeeTerms terms, InvoiceBook.Invoice invoice) {
        return terms != null && terms.fixed().currency().equals(invoice.amount().currency());
    }

    /** What the invoice takes of what is left of a payment: up to what it has outstanding, with the client's fee on it. */
    private static Allocation.InvoiceShare share(Money remaining, InvoiceBook.Invoice invoice, FeeTerms terms) {
        Money outstanding = invoice.outstanding();
        Money share = remaining.compareTo(outstanding) <= 0 ? remaining : outstanding;
        return new Allocation.InvoiceShare(invoice.invoiceId(), invoice.clientId(), share, terms.feeOn(share));
    }

    private static String first(String earlier, String later) {
        return earlier != null ? earlier : later;
    }
}
