package se.clientfunds.ledger;

import java.util.Objects;

import se.clientfunds.money.Money;

/** One side of a journal entry: an account debited or credited with a positive amount. */
public record JournalLine(LedgerAccount account, Side side, Money amount) {

    public enum Side { DEBIT, CREDIT }

    public JournalLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a journal line on " + account + " needs a positive amount, got " + amount);
        }
    }

    public static JournalLine debit(LedgerAccount account, Money amount) {
        return new JournalLine(account, Side.DEBIT, amount);
    }

    public static JournalLine credit(LedgerAccount account, Money amount) {
        return new JournalLine(account, Side.CREDIT, amount);
    }

    /** Debits count positive, credits negative: the lines of a balanced entry sum to zero per currency. */
    long signedMinorUnits() {
        return side == Side.DEBIT ? amount.minorUnits() : -amount.minorUnits();
    }
}
