package se.clientfunds.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import se.clientfunds.money.Money;
import se.clientfunds.reference.OcrReference;

/**
 * The allocation rules (DESIGN §2.3): a payment's references are tried in the order given; a valid OCR of an
 * invoice in the payment's currency takes up to what the invoice has outstanding. What is left is an overpayment or
 * a duplicate (owed back to the payer) when every reference led to an invoice, and stays in UNALLOCATED with the
 * reason otherwise, for an operator: money is never guessed onto an invoice.
 */
public final class PaymentAllocator {

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
            if (!invoice.amount().currency().equals(payment.amount().currency())) {
                problem = first(problem, "CURRENCY_MISMATCH: invoice " + invoice.invoiceId() + " is in "
                        + invoice.amount().currency().getCurrencyCode() + ", the payment in "
                        + payment.amount().currency().getCurrencyCode());
                allPaidAlready = false;
                continue;
            }
            // a client whose record is gone or whose currency changed since the invoice: not something to guess about
            FeeTerms terms = feeTermsOfClient.apply(invoice.clientId());
            if (terms == null || !terms.fixed().currency().equals(invoice.amount().currency())) {
                problem = first(problem, "CURRENCY_MISMATCH: invoice " + invoice.invoiceId() + " is in "
                        + invoice.amount().currency().getCurrencyCode() + " but client " + invoice.clientId()
                        + (terms == null ? " has no client record" : " is now in " + terms.fixed().currency().getCurrencyCode()));
                allPaidAlready = false;
                continue;
            }
            Money outstanding = invoice.outstanding();
            if (!outstanding.isPositive()) {
                continue;
            }
            allPaidAlready = false;
            Money share = remaining.compareTo(outstanding) <= 0 ? remaining : outstanding;
            Money fee = terms.feeOn(share);
            shares.add(new Allocation.InvoiceShare(invoice.invoiceId(), invoice.clientId(), share, fee));
            invoices.pay(invoice.invoiceId(), share);
            remaining = remaining.minus(share);
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

    private static String first(String earlier, String later) {
        return earlier != null ? earlier : later;
    }
}
