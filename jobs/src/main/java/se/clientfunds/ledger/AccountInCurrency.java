package se.clientfunds.ledger;

import java.util.Comparator;
import java.util.Objects;

/**
 * A ledger account in one currency: what a balance is kept for. The account is its name as the journal holds it (a
 * correction entered by hand may name one this release would not make) and its kind. Ordered by the account's name,
 * then the currency.
 */
public record AccountInCurrency(String account, AccountKind kind, String currency) implements Comparable<AccountInCurrency> {

    private static final Comparator<AccountInCurrency> ORDER = Comparator
            .comparing(AccountInCurrency::account).thenComparing(AccountInCurrency::currency)
            .thenComparing(AccountInCurrency::kind);

    public AccountInCurrency {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
    }

    public AccountInCurrency(LedgerAccount account, String currency) {
        this(account.name(), account.kind(), currency);
    }

    @Override
    public int compareTo(AccountInCurrency other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return account + " " + currency;
    }
}
