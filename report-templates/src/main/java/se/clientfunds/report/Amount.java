package se.clientfunds.report;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in minor units (öre, cent) of an ISO 4217 currency with a minor unit, as every report's records
 * carry it: exact, never a {@code double}. {@link #toDecimal()} gives the major-unit value with the currency's own
 * number of decimals, {@link #toString()} that value and the currency ({@code 1234.50 SEK}).
 */
public record Amount(long minor, String currency) {

    public Amount {
        Objects.requireNonNull(currency, "currency is null");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency '" + currency + "' is not a three-letter ISO 4217 code");
        }
        Currency iso;
        try {
            iso = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code", e);
        }
        // XAU, XXX and the like have no minor unit, so an amount in minor units of them means nothing
        if (iso.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency '" + currency + "' has no minor unit");
        }
    }

    public static Amount of(long minor, String currency) {
        return new Amount(minor, currency);
    }

    /** Checks that {@code amount}, named {@code field} in messages, is present and in {@code currency}. */
    public static Amount require(String field, Amount amount, String currency) {
        if (amount == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (!amount.currency.equals(currency)) {
            throw new IllegalArgumentException(field + " is in " + amount.currency + ", expected " + currency);
        }
        return amount;
    }

    /** Digits after the decimal point in the currency: 2 for SEK and EUR, 0 for JPY, 3 for KWD. */
    public int fractionDigits() {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** The amount in major units, exact: {@code minor / 10^fractionDigits}, e.g. 123450 SEK as 1234.50. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, fractionDigits());
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public Amount plus(Amount other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Amount(Math.addExact(minor, other.minor), currency);
    }

    public Amount minus(Amount other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot subtract " + other.currency + " from " + currency);
        }
        return new Amount(Math.subtractExact(minor, other.minor), currency);
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency;
    }
}
