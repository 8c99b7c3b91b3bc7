package se.clientfunds.camt;

import java.util.Currency;
import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * Control totals of a notification or statement ({@code TxsSummry}): number and sum of credit and of
 * debit entries. Sums are positive amounts; the direction is given by which sum they are.
 */
public record EntryTotals(long creditCount, Money creditSum, long debitCount, Money debitSum) {

    public EntryTotals {
        Objects.requireNonNull(creditSum, "creditSum");
        Objects.requireNonNull(debitSum, "debitSum");
        if (creditCount < 0 || debitCount < 0) {
            throw new IllegalArgumentException("entry counts must not be negative, are " + creditCount + " and " + debitCount);
        }
        if (creditSum.isNegative() || debitSum.isNegative()) {
            throw new IllegalArgumentException("entry sums must not be negative, are " + creditSum + " and " + debitSum);
        }
        if (!creditSum.currency().equals(debitSum.currency())) {
            throw new IllegalArgumentException("credit sum " + creditSum + " and debit sum " + debitSum + " differ in currency");
        }
    }

    /** Totals with no entries, to add entries to. */
    public static EntryTotals empty(Currency currency) {
        return new EntryTotals(0, Money.zero(currency), 0, Money.zero(currency));
    }

    /** These totals with one more entry counted. */
    public EntryTotals plus(CamtEntry entry) {
        return entry.creditDebit() == CreditDebit.CRDT
                ? new EntryTotals(creditCount + 1, creditSum.plus(entry.amount()), debitCount, debitSum)
                : new EntryTotals(creditCount, creditSum, debitCount + 1, debitSum.plus(entry.amount()));
    }

    /** Credits minus debits: what the entries do to the balance. */
    public Money net() {
        return creditSum.minus(debitSum);
    }
}
