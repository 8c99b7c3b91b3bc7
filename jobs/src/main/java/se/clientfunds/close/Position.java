package se.clientfunds.close;

import java.time.LocalDate;
import java.util.Objects;

import se.clientfunds.ledger.AccountKind;
import se.clientfunds.money.Money;

/**
 * One account's position in one currency on a business date: opening (the previous closed day's closing), the day's
 * debits and credits, and the closing balance in the account's normal direction (assets debit − credit, liabilities
 * credit − debit).
 */
public record Position(LocalDate businessDate, String account, AccountKind kind, Money opening, Money debit, Money credit,
                       Money closing) {

    public Position {
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Money expected = kind.isAsset() ? opening.plus(debit).minus(credit) : opening.plus(credit).minus(debit);
        if (!expected.equals(closing)) {
            throw new IllegalArgumentException("position of " + account + " on " + businessDate + ": opening " + opening
                    + ", debit " + debit + ", credit " + credit + " give " + expected + ", not the closing " + closing);
        }
    }

    public String currency() {
        return closing.currency().getCurrencyCode();
    }
}
