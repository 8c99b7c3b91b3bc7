package se.clientfunds.bankfiles;

import java.util.List;

import se.clientfunds.bank.BankFileVerdict;

/**
 * A payment posts under a reference of the bank's own and moves money: one that has neither an AcctSvcrRef, a BGC
 * serial number nor an EndToEndId (staged under its place in the file instead), or one of zero, refuses the file.
 */
final class UnpostablePaymentRule {

    /** A staged payment without a reference of the bank's, or of zero. */
    record Unpostable(String location, long amountMinor) {
    }

    List<BankFileVerdict.Problem> problems(List<Unpostable> payments) {
        return payments.stream().map(payment -> new BankFileVerdict.Problem(payment.location(), payment.amountMinor() == 0
                ? "a payment of zero" : "a payment with no bank reference (AcctSvcrRef, BGC serial number or EndToEndId)")).toList();
    }
}
