package se.clientfunds.ledger;

import java.util.Comparator;
import java.util.Objects;

/** A ledger account in one currency: what a balance is kept for. Ordered by the account's name, then the currency. */
public record AccountInCurrency(LedgerAccount account, String currency) implements Comparable<AccountInCurrency> {

    private static final Comparator<AccountInCurrency> ORDER = Comparator
            .comparing((AccountInCurrency a) -> a.account().name()).thenComparing(AccountInCurrency::currency);

    public AccountInCurrency {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
    }

    @Override
    public int compareTo(AccountInCurrency other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return account.name() + " " + currency;
    }
}
