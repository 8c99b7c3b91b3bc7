package se.clientfunds.allocation;

import static se.clientfunds.jobs.ColumnText.fit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.clientfunds.ledger.JournalEntry;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.ledger.LedgerEvent;
import se.clientfunds.ledger.OpenBusinessDay;
import se.clientfunds.money.Money;
import se.clientfunds.outcome.InputError;

/**
 * An operator's allocation by hand ({@code ./settle allocate PAYMENT_REF INVOICE_ID --reason TEXT}): what is left of
 * the payment in UNALLOCATED pays the invoice, up to what it has outstanding, with the client's fee; who did it and
 * why are recorded with the allocation and in the operator actions. It posts on the first business day not closed.
 */
@Service
public class ManualAllocation {


    /**
     * What the allocation did, or (when {@code proposal} is set) would do once a second person approves it: an amount
     * above {@code settlement.approvals.allocate-above} ({@code approvalAbove}, null when none applies) is proposed, not
     * posted.
     */
    public record Result(String payment, String invoiceId, String clientId, Money allocated, Money fee, Money stillUnallocated,
                         LocalDate bookingDate, Money approvalAbove, se.clientfunds.approvals.ApprovalRequests.Request proposal) {

        /** Whether it was posted (not only proposed). */
        public boolean done() {
            return proposal == null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final OpenBusinessDay openBusinessDay;
    private final TransactionTemplate transaction;
    private final se.clientfunds.approvals.ApprovalRequests approvals;
    private final se.clientfunds.monitoring.SanctionsLists sanctionsLists;

    public ManualAllocation(JdbcTemplate jdbc, Ledger ledger, OpenBusinessDay openBusinessDay,
                            PlatformTransactionManager transactionManager, se.clientfunds.approvals.ApprovalRequests approvals,
                            se.clientfunds.monitoring.SanctionsLists sanctionsLists) {
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.sanctionsLists = sanctionsLists;
        this.ledger = ledger;
        this.openBusinessDay = openBusinessDay;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * @param paymentReference the bank reference, or {@code <iban>/<bank reference>} when it is on several accounts
     * @throws IllegalArgumentException naming what does not fit: unknown payment or invoice, nothing unallocated,
     *                                  nothing outstanding, another currency, no reason given
     */
    public Result allocate(String paymentReference, String invoiceId, String operator, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InputError("an allocation by hand needs a reason (--reason TEXT)");
        }
        if (operator == null || operator.isBlank()) {
            throw new InputError("an allocation by hand needs the operator's name");
        }
        return transaction.execute(status -> allocateInTransaction(paymentReference.trim(), invoiceId.trim(), operator, reason.trim(),
                Mode.ALLOCATE, null));
    }

    /**
     * What allocating the payment to the invoice would do now (the share, the fee, what would be left, and whether it
     * needs a second person), without doing it; refused for the same reasons as the allocation itself.
     */
    public Result preview(String paymentReference, String invoiceId) {
        TransactionTemplate readOnly = new TransactionTemplate(transaction.getTransactionManager());
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> {
            status.setRollbackOnly();
            return allocateInTransaction(paymentReference.trim(), invoiceId.trim(), "preview", "preview", Mode.PREVIEW, null);
        });
    }

    /**
     * Allocates what a second person approved (called by the approval, in its transaction): refused when the share, the
     * client or the fee it would allocate now differ from those proposed.
     */
    public Result allocateApproved(se.clientfunds.approvals.ApprovalRequests.Request proposed, String approver, String reason) {
        return transaction.execute(status -> allocateInTransaction(proposed.payment(), proposed.invoiceId(), approver, reason,
                Mode.APPROVED, proposed));
    }

    private enum Mode { ALLOCATE, PREVIEW, APPROVED }

    /** A payment with money in UNALLOCATED, as its allocation left it. */
    private record WaitingPayment(String accountIban, String bankReference, Money unallocated, String outcome, LocalDate bookingDate,
                                  String references, String debtorName) {

        /** What is left of it in UNALLOCATED, as a payment to allocate. */
        IncomingPayment leftInUnallocated() {
            return new IncomingPayment(accountIban, bankReference, unallocated, bookingDate,
                    IncomingPayment.splitReferences(references), debtorName);
        }
    }

    /** An invoice with what has been paid on it, its debtor's country and its client's fee terms. */
    private record ChosenInvoice(InvoiceBook.Invoice invoice, String debtorCountry, FeeTerms clientTerms) {
    }

    private Result allocateInTransaction(String paymentReference, String invoiceId, String operator, String reason, Mode mode,
                                         se.clientfunds.approvals.ApprovalRequests.Request proposed) {
        // a preview only reads (what anyone may look at must not hold up the allocation job)
        String lock = mode == Mode.PREVIEW ? "" : " FOR UPDATE";
        int slash = paymentReference.indexOf('/');
        String payments = "SELECT account_iban, bank_reference, currency, unallocated_minor, outcome, booking_date, payment_references,"
                + " debtor_name FROM payment_allocation";
        RowMapper<WaitingPayment> waiting = (rs, row) -> new WaitingPayment(rs.getString(1), rs.getString(2),
                Money.ofMinor(rs.getLong(4), rs.getString(3)), rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7),
                rs.getString(8));
        List<WaitingPayment> found = slash > 0
                ? jdbc.query(payments + " WHERE account_iban = ? AND bank_reference = ?" + lock, waiting,
                        paymentReference.substring(0, slash), paymentReference.substring(slash + 1))
                : jdbc.query(payments + " WHERE bank_reference = ?" + lock, waiting, paymentReference);
        if (found.isEmpty()) {
            List<String> held = jdbc.queryForList("SELECT reason FROM payment_hold WHERE released_on IS NULL AND (bank_reference = ?"
                    + " OR CONCAT(account_iban, '/', bank_reference) = ?)", String.class, paymentReference, paymentReference);
            if (!held.isEmpty()) {
                throw new InputError("payment " + paymentReference + " is held: " + held.get(0));
            }
            throw new InputError("payment " + paymentReference + ": no allocated payment has that reference"
                    + " (see ./settle unallocated)");
        }
        if (found.size() > 1) {
            throw new InputError("payment " + paymentReference + " is on " + found.size()
                    + " accounts: name it as <iban>/" + paymentReference);
        }
        WaitingPayment payment = found.get(0);
        String iban = payment.accountIban();
        String bankReference = payment.bankReference();
        requireNoSanctionsHit(paymentReference, iban, bankReference);
        // held after its allocation found no invoice (a list that came into force later): compliance decides, two people
        List<String> held = jdbc.queryForList("SELECT reason FROM payment_hold WHERE released_on IS NULL AND account_iban = ?"
                + " AND bank_reference = ?", String.class, iban, bankReference);
        if (!held.isEmpty()) {
            throw new InputError("payment " + paymentReference + " is held: " + held.get(0));
        }
        Money unallocated = payment.unallocated();
        if ("DEDUCTION".equals(payment.outcome())) {
            throw new InputError("payment " + paymentReference + " is a deduction the bank made, not money to pay"
                    + " an invoice with; book it against its client with a correction");
        }
        if (!unallocated.isPositive()) {
            throw new InputError("payment " + paymentReference + " has nothing left in UNALLOCATED");
        }
        ChosenInvoice unpaid = invoice(invoiceId);
        String currency = unpaid.invoice().amount().currency().getCurrencyCode();
        // another currency is refused before the locking read of what the invoice has been paid, so such a refusal never
        // waits for the allocation job or another operator
        if (!unpaid.invoice().amount().currency().equals(unallocated.currency())) {
            throw new InputError(otherCurrency(invoiceId, currency, paymentReference, unallocated));
        }
        ChosenInvoice chosen = withPaid(unpaid, lock);
        InvoiceBook.Invoice invoice = chosen.invoice();
        String clientId = invoice.clientId();
        PaymentAllocator allocator = new PaymentAllocator(client -> chosen.clientTerms());
        IncomingPayment left = payment.leftInUnallocated();
        allocator.refusalByHand(left, invoice).ifPresent(refusal -> {
            throw new InputError(switch (refusal) {
                case OTHER_CURRENCY -> otherCurrency(invoiceId, currency, paymentReference, unallocated);
                case PAID_IN_FULL -> "invoice " + invoiceId + " is paid in full already";
                case CLIENT_NOT_IN_INVOICE_CURRENCY -> "invoice " + invoiceId + " is in " + currency + " but its client " + clientId
                        + " is now in " + chosen.clientTerms().fixed().currency().getCurrencyCode() + "; settle it with the client first";
            });
        });
        Allocation allocation = allocator.allocateByHand(left, invoice);
        Money share = allocation.toInvoices();
        Money fee = allocation.shares().get(0).fee();
        LocalDate bookingDate = openBusinessDay.current().date();
        String paymentId = left.ledgerReference();
        java.util.Optional<Money> limit = approvals.limitExceeded(se.clientfunds.approvals.ApprovalRequests.Kind.ALLOCATE, share);
        if (mode == Mode.PREVIEW) {
            return new Result(paymentId, invoiceId, clientId, share, fee, allocation.unallocated(), bookingDate, limit.orElse(null), null);
        }
        if (mode == Mode.APPROVED && !(share.equals(proposed.amount()) && fee.equals(proposed.fee())
                && clientId.equals(proposed.clientId()))) {
            throw new se.clientfunds.operations.OperationRefused("payment " + paymentId + " to invoice " + invoiceId + " would now"
                    + " allocate " + share + " to client " + clientId + " with a fee of " + fee + "; the proposal said " + proposed.amount()
                    + " to " + proposed.clientId() + " with " + proposed.fee() + ": reject it and propose again");
        }
        if (mode == Mode.ALLOCATE && limit.isPresent()) {
            // four eyes: proposed now, posted when a different person approves it
            se.clientfunds.approvals.ApprovalRequests.Request proposal = approvals.propose(
                    se.clientfunds.approvals.ApprovalRequests.Kind.ALLOCATE, null, paymentId, invoiceId, clientId, fee, share, limit.get(),
                    "allocate " + share + " of " + paymentId + " to invoice " + invoiceId, operator, reason);
            return new Result(paymentId, invoiceId, clientId, share, fee, allocation.unallocated(), bookingDate, limit.get(), proposal);
        }
        int number = jdbc.queryForObject("SELECT COALESCE(MAX(allocation_no), 0) + 1 FROM invoice_allocation"
                + " WHERE account_iban = ? AND bank_reference = ?", Integer.class, iban, bankReference);
        jdbc.update("INSERT INTO invoice_allocation (account_iban, bank_reference, allocation_no, invoice_id, client_id,"
                + " debtor_country, currency, amount_minor, fee_minor, allocated_on, allocated_by, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                iban, bankReference, number, invoiceId, clientId, chosen.debtorCountry(), currency, share.minorUnits(), fee.minorUnits(),
                Date.valueOf(bookingDate), operator, fit(reason, 500));
        Money stillUnallocated = allocation.unallocated();
        jdbc.update("UPDATE payment_allocation SET unallocated_minor = ?, to_invoices_minor = to_invoices_minor + ?,"
                // the original reason stays first: it says why what is left still waits
                + " outcome = ?, reason = LEFT(CONCAT_WS('; ', reason, ?), 500) WHERE account_iban = ? AND bank_reference = ?",
                stillUnallocated.minorUnits(), share.minorUnits(), allocation.outcome().name(),
                fit(share + " allocated by hand to " + invoiceId + " by " + operator + ": " + reason, 500), iban, bankReference);
        String eventReference = iban + "/" + bankReference + "/" + number;
        List<JournalEntry> entries = allocation.journalEntries(bookingDate, LedgerEvent.MANUAL_ALLOCATION, eventReference,
                fit(operator + ": " + reason, 500));
        ledger.post(entries);
        se.clientfunds.operations.OperatorActions.record(jdbc, new se.clientfunds.operations.OperatorActions.Entry(operator,
                "ALLOCATE", iban + "/" + bankReference + " -> " + invoiceId + " " + share, reason, bookingDate, null,
                "allocated " + share + ", fee " + fee + ", " + stillUnallocated + " left"));
        return new Result(paymentId, invoiceId, clientId, share, fee, stillUnallocated, bookingDate, limit.orElse(null), null);
    }

    private static String otherCurrency(String invoiceId, String currency, String paymentReference, Money unallocated) {
        return "invoice " + invoiceId + " is in " + currency + ", payment " + paymentReference + " in "
                + unallocated.currency().getCurrencyCode();
    }

    /** The invoice of a client with a record, nothing paid on it yet as far as this read says; not a locking read. */
    private ChosenInvoice invoice(String invoiceId) {
        List<ChosenInvoice> invoices = jdbc.query("SELECT i.client_id, i.ocr, i.currency, i.amount_minor, i.debtor_country,"
                + " c.fee_fixed_minor, c.fee_percent, c.currency AS client_currency FROM current_invoice i"
                + " JOIN current_client c ON c.client_id = i.client_id WHERE i.invoice_id = ?", (rs, row) -> new ChosenInvoice(
                        new InvoiceBook.Invoice(invoiceId, rs.getString(1), rs.getString(2), Money.ofMinor(rs.getLong(4), rs.getString(3)),
                                Money.ofMinor(0, rs.getString(3))), rs.getString(5),
                        new FeeTerms(Money.ofMinor(rs.getLong(6), rs.getString(8)), rs.getBigDecimal(7))), invoiceId);
        if (invoices.isEmpty()) {
            throw new InputError("invoice " + invoiceId + ": no imported invoice has that id");
        }
        return invoices.get(0);
    }

    /**
     * The invoice with what has been paid on it: a locking read (unless {@code lock} is empty), so that the allocation
     * job and other operators wait for this transaction before they read it, and the same outstanding amount is never
     * taken twice.
     */
    private ChosenInvoice withPaid(ChosenInvoice chosen, String lock) {
        String invoiceId = chosen.invoice().invoiceId();
        long paid = jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) FROM invoice_allocation WHERE invoice_id = ?"
                + lock, Long.class, invoiceId);
        InvoiceBook.Invoice invoice = chosen.invoice();
        return new ChosenInvoice(new InvoiceBook.Invoice(invoiceId, invoice.clientId(), invoice.ocr(), invoice.amount(),
                Money.ofMinor(paid, invoice.amount().currency().getCurrencyCode())), chosen.debtorCountry(), chosen.clientTerms());
    }

    /**
     * A payment left in UNALLOCATED before its payer's name came onto the sanctions list (or before any list was
     * imported) was never screened: an allocation by hand screens it against the list in force, and an exact hit is
     * refused, for compliance to decide.
     */
    private void requireNoSanctionsHit(String paymentReference, String iban, String bankReference) {
        var inForce = sanctionsLists.inForce();
        if (inForce.isEmpty()) {
            return;
        }
        String payer = jdbc.queryForObject("SELECT debtor_name FROM payment_allocation WHERE account_iban = ? AND bank_reference = ?",
                String.class, iban, bankReference);
        if (payer == null || payer.isBlank()) {
            return;
        }
        var hits = sanctionsLists.matcher(inForce.get().importId()).exactHits(payer);
        if (!hits.isEmpty()) {
            throw new InputError("payment " + paymentReference + ": its payer \"" + payer + "\" is an exact hit on "
                    + hits.get(0).reference() + " of the sanctions list in force (" + inForce.get().label() + "): it is not"
                    + " allocated by hand; compliance decides");
        }
    }
}
