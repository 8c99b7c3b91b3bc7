package se.clientfunds.report.positions;

import java.util.Objects;

import se.clientfunds.report.Amount;

/**
 * One account's position (with the client's name for a CLIENT account, else empty) for the day in one currency: opening + the day's postings = closing. Balances are signed
 * on the account's normal side (debit for BANK, credit for the liabilities); debit and credit are the day's turnover.
 */
public record PositionLine(String account, String name, AccountKind kind, String currency, Amount opening, Amount debit,
        Amount credit, Amount closing) {

    /** An account without a name of its own (every kind but CLIENT). */
    public PositionLine(String account, AccountKind kind, String currency, Amount opening, Amount debit, Amount credit,
                        Amount closing) {
        this(account, "", kind, currency, opening, debit, credit, closing);
    }

    public PositionLine {
        Objects.requireNonNull(account, "account is null");
        name = name == null ? "" : name;
        Objects.requireNonNull(kind, "kind of " + account + " is null");
        Objects.requireNonNull(currency, "currency of " + account + " is null");
        if (!kind.names(account)) {
            throw new IllegalArgumentException("account '" + account + "' is not of kind " + kind);
        }
        requireCurrency("opening", opening, account, currency);
        requireCurrency("debit", debit, account, currency);
        requireCurrency("credit", credit, account, currency);
        requireCurrency("closing", closing, account, currency);
        if (debit.isNegative()) {
            throw new IllegalArgumentException("debit " + debit + " of " + account + " is negative");
        }
        if (credit.isNegative()) {
            throw new IllegalArgumentException("credit " + credit + " of " + account + " is negative");
        }
        Amount expected = kind.isAsset() ? opening.plus(debit).minus(credit) : opening.plus(credit).minus(debit);
        if (!expected.equals(closing)) {
            throw new IllegalArgumentException("closing " + closing + " of " + account + " is not opening " + opening
                    + " with debit " + debit + " and credit " + credit + " (" + expected + ")");
        }
    }

    static void requireCurrency(String field, Amount amount, String owner, String currency) {
        Objects.requireNonNull(amount, field + " of " + owner + " is null");
        if (!amount.currency().equals(currency)) {
            throw new IllegalArgumentException(field + " " + amount + " of " + owner + " is not in " + currency);
        }
    }
}
