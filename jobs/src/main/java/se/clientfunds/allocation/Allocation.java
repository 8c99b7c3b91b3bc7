package se.clientfunds.allocation;

import static se.clientfunds.jobs.ColumnText.fit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import se.clientfunds.ledger.JournalEntry;
import se.clientfunds.ledger.JournalLine;
import se.clientfunds.ledger.LedgerAccount;
import se.clientfunds.ledger.LedgerEvent;
import se.clientfunds.money.Money;

/**
 * What the allocation decided for one payment: the shares that paid invoices (each with its fee), the part owed
 * back to the payer (DEBTOR_CREDIT), and the part left in UNALLOCATED with the reason.
 */
public record Allocation(IncomingPayment payment, List<InvoiceShare> shares, Money toDebtorCredit, Money unallocated,
                         Outcome outcome, String reason) {


    /** How a payment ended, in words operators use. */
    public enum Outcome {
        /** Everything paid invoices. */
        ALLOCATED,
        /** Invoices were paid and the excess is owed back to the payer. */
        OVERPAID,
        /** Every invoice it names was already paid: all of it is owed back to the payer. */
        DUPLICATE,
        /** Part paid invoices; the rest waits in UNALLOCATED for an operator. */
        PARTLY_UNALLOCATED,
        /** Nothing could be matched: all of it waits in UNALLOCATED for an operator. */
        UNALLOCATED
    }

    /** The part of a payment that paid one invoice, and the client's fee charged on it. */
    public record InvoiceShare(String invoiceId, String clientId, Money amount, Money fee) {

        public InvoiceShare {
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(clientId, "clientId");
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("a share of invoice " + invoiceId + " needs a positive amount, got " + amount);
            }
            if (fee.isNegative() || fee.compareTo(amount) > 0) {
                throw new IllegalArgumentException("the fee on invoice " + invoiceId + " must be between 0 and " + amount
                        + ", got " + fee);
            }
        }
    }

    public Allocation {
        shares = List.copyOf(shares);
        Money total = toDebtorCredit.plus(unallocated);
        for (InvoiceShare share : shares) {
            total = total.plus(share.amount());
        }
        if (!total.equals(payment.amount())) {
            throw new IllegalStateException("allocation of " + payment.ledgerReference() + " accounts for " + total
                    + " of " + payment.amount());
        }
    }

    public Money toInvoices() {
        Money sum = Money.zero(payment.amount().currency());
        for (InvoiceShare share : shares) {
            sum = sum.plus(share.amount());
        }
        return sum;
    }

    /**
     * The postings: UNALLOCATED to each client and to DEBTOR_CREDIT as one entry, the fees as another (CLIENT to
     * PLATFORM_FEES). Nothing when everything stays in UNALLOCATED.
     */
    public List<JournalEntry> journalEntries(LocalDate bookingDate) {
        return journalEntries(bookingDate, LedgerEvent.PAYMENT_ALLOCATED, payment.ledgerReference(),
                outcome + (reason == null ? "" : ": " + fit(reason, 400)));
    }

    /**
     * The same postings as another event: an allocation by hand posts its share as {@code MANUAL_ALLOCATION}, under a
     * reference of its own and with the operator's reason, and its fee under that reference.
     */
    public List<JournalEntry> journalEntries(LocalDate bookingDate, LedgerEvent event, String eventReference, String description) {
        List<JournalEntry> entries = new ArrayList<>(2);
        Money moved = toInvoices().plus(toDebtorCredit);
        if (moved.isPositive()) {
            List<JournalLine> lines = new ArrayList<>();
            lines.add(JournalLine.debit(LedgerAccount.UNALLOCATED, moved));
            shares.forEach(share -> lines.add(JournalLine.credit(LedgerAccount.client(share.clientId()), share.amount())));
            if (toDebtorCredit.isPositive()) {
                lines.add(JournalLine.credit(LedgerAccount.DEBTOR_CREDIT, toDebtorCredit));
            }
            entries.add(new JournalEntry(bookingDate, event, eventReference, description, lines));
        }
        List<JournalLine> feeLines = new ArrayList<>();
        Money fees = Money.zero(payment.amount().currency());
        for (InvoiceShare share : shares) {
            if (share.fee().isPositive()) {
                feeLines.add(JournalLine.debit(LedgerAccount.client(share.clientId()), share.fee()));
                fees = fees.plus(share.fee());
            }
        }
        if (fees.isPositive()) {
            feeLines.add(JournalLine.credit(LedgerAccount.PLATFORM_FEES, fees));
            entries.add(new JournalEntry(bookingDate, LedgerEvent.FEE_CHARGED, eventReference, null, feeLines));
        }
        return entries;
    }

}
