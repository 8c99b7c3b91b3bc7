package se.clientfunds.payouts;

import static se.clientfunds.jobs.ColumnText.fit;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.clientfunds.files.Sha256;
import se.clientfunds.ledger.JournalEntry;
import se.clientfunds.ledger.JournalLine;
import se.clientfunds.ledger.Ledger;
import se.clientfunds.ledger.LedgerAccount;
import se.clientfunds.ledger.LedgerEvent;
import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * Decides every approved refund not decided before: pays it (DEBTOR_CREDIT to BANK on the business date, recorded
 * for the day's pain.001 file), refuses it with the reason, or leaves it waiting for its payment. All in the caller's
 * transaction, so a refund is paid once.
 */
@Component
class RefundPayments {

    /** What a run decided, for the day's summary. */
    record Result(int paid, int refused, List<String> refusals, int waiting) {
    }

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final RefundCheck check = new RefundCheck();

    RefundPayments(JdbcTemplate jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    Result decide(LocalDate businessDate) {
        List<Object[]> refunds = jdbc.query("SELECT r.refund_id, r.payment_ref, r.amount_minor, r.currency, r.to_account,"
                + " r.to_name, r.approved_by FROM current_refund r"
                + " WHERE NOT EXISTS (SELECT 1 FROM refund_payment p WHERE p.refund_id = r.refund_id) ORDER BY r.refund_id",
                (rs, row) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)});
        int paid = 0;
        int refused = 0;
        int waiting = 0;
        List<String> refusals = new ArrayList<>();
        for (Object[] row : refunds) {
            String refundId = (String) row[0];
            String paymentRef = (String) row[1];
            Money amount = Money.ofMinor((Long) row[2], (String) row[3]);
            RefundCheck.ApprovedRefund refund = new RefundCheck.ApprovedRefund(refundId, paymentRef, amount, (String) row[4]);
            List<RefundCheck.RefundablePayment> payments = jdbc.query("SELECT a.account_iban, a.bank_reference, a.currency,"
                    + " a.to_debtor_credit_minor - COALESCE((SELECT SUM(p.amount_minor) FROM refund_payment p"
                    + "   WHERE p.account_iban = a.account_iban AND p.bank_reference = a.bank_reference AND p.status = 'PAID'), 0)"
                    + " FROM payment_allocation a WHERE a.bank_reference = ? AND (? IS NULL OR a.account_iban = ?)",
                    (rs, n) -> new RefundCheck.RefundablePayment(rs.getString(1), rs.getString(2),
                            Money.ofMinor(rs.getLong(4), rs.getString(3))), bankReferenceOf(paymentRef), ibanOf(paymentRef),
                    ibanOf(paymentRef));
            RefundDecision decision = check.check(refund, payments);
            switch (decision.verdict()) {
                case WAIT -> waiting++;
                case REFUSE -> {
                    refused++;
                    refusals.add(decision.reason());
                    record(refundId, businessDate, "REFUSED", null, bankReferenceOf(paymentRef), amount, row, null, null, decision.reason());
                }
                case PAY -> {
                    RefundCheck.RefundablePayment payment = payments.get(0);
                    String endToEndId = endToEndId(refundId);
                    record(refundId, businessDate, "PAID", payment.accountIban(), bankReferenceOf(paymentRef), amount, row, endToEndId,
                            batchId(businessDate, payment.accountIban()), null);
                    ledger.post(JournalEntry.of(businessDate, LedgerEvent.REFUND_PAID, refundId, "refund of " + payment.accountIban()
                                    + "/" + paymentRef + " approved by " + row[6],
                            JournalLine.debit(LedgerAccount.DEBTOR_CREDIT, amount),
                            JournalLine.credit(LedgerAccount.bank(payment.accountIban()), amount)));
                    paid++;
                }
            }
        }
        return new Result(paid, refused, refusals, waiting);
    }

    private void record(String refundId, LocalDate businessDate, String status, String accountIban, String paymentRef,
                        Money amount, Object[] row, String endToEndId, String batch, String reason) {
        jdbc.update("INSERT INTO refund_payment (refund_id, business_date, status, account_iban, bank_reference, currency,"
                + " amount_minor, to_account, to_name, approved_by, end_to_end_id, payment_batch, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", refundId, Date.valueOf(businessDate), status, accountIban,
                paymentRef, amount.currency().getCurrencyCode(), amount.minorUnits(), fit((String) row[4], 34), row[5], row[6],
                endToEndId, batch, reason == null ? null : fit(reason, 500));
    }

    /** The refund id, which support made unique, is the end-to-end id the bank returns; pain.001 allows 35 characters. */
    static String endToEndId(String refundId) {
        return refundId.length() <= 35 ? refundId : "RF-" + Sha256.ofText(refundId).substring(0, 32);
    }

    /** One refund batch per business date and paying account. */
    static String batchId(LocalDate businessDate, String accountIban) {
        return "RF-" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + accountIban.substring(accountIban.length() - 10);
    }

    /** A payment is named by its bank reference, or as {@code <iban>/<bank reference>} when that is ambiguous. */
    static String bankReferenceOf(String paymentRef) {
        int slash = paymentRef.indexOf('/');
        return slash > 0 && Iban.isValid(paymentRef.substring(0, slash)) ? paymentRef.substring(slash + 1) : paymentRef;
    }

    static String ibanOf(String paymentRef) {
        int slash = paymentRef.indexOf('/');
        return slash > 0 && Iban.isValid(paymentRef.substring(0, slash)) ? paymentRef.substring(0, slash) : null;
    }

}
