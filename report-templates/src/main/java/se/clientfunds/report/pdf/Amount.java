package se.clientfunds.report.pdf;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money in minor units (öre, cent) of an ISO 4217 currency, as the reports print it.
 * Never a {@code double}: {@link #decimal()} is exact.
 */
public record Amount(long minor, String currency) {

    public Amount {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency '" + currency + "' is not a three-letter ISO 4217 code");
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code", e);
        }
    }

    public static Amount of(long minor, String currency) {
        return new Amount(minor, currency);
    }

    /** Digits after the decimal point in the currency (2 for SEK and EUR, 0 for JPY). */
    public int fractionDigits() {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** The exact decimal value, e.g. 123450 SEK as 1234.50. */
    public BigDecimal decimal() {
        return BigDecimal.valueOf(minor, fractionDigits());
    }

    public boolean isZero() {
        return minor == 0;
    }

    public Amount plus(Amount other) {
        return new Amount(Math.addExact(minor, sameCurrency(other).minor), currency);
    }

    public Amount minus(Amount other) {
        return new Amount(Math.subtractExact(minor, sameCurrency(other).minor), currency);
    }

    private Amount sameCurrency(Amount other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency " + other.currency + " of " + other.minor + " does not match " + currency);
        }
        return other;
    }

    /** Checks that {@code amount}, named {@code field} in messages, is present and in {@code currency}. */
    static Amount require(String field, Amount amount, String currency) {
        if (amount == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (!amount.currency.equals(currency)) {
            throw new IllegalArgumentException(field + " is in " + amount.currency + ", expected " + currency);
        }
        return amount;
    }
}
