package se.clientfunds.report.positions;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in minor units (öre, cent) of an ISO 4217 currency, exact and never a floating-point number.
 * {@link #toDecimal()} gives the major-unit value with the currency's own number of decimals.
 */
public record Amount(long minor, String currency) {

    public Amount {
        Objects.requireNonNull(currency, "currency is null");
        Currency iso;
        try {
            iso = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code", e);
        }
        if (iso.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency '" + currency + "' has no minor unit");
        }
    }

    /** Number of decimals of the currency's minor unit: 2 for SEK and EUR, 0 for JPY. */
    public int minorDigits() {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** The amount in major units, exact: {@code minor / 10^minorDigits}. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, minorDigits());
    }

    public Amount plus(Amount other) {
        requireSameCurrency(other);
        return new Amount(Math.addExact(minor, other.minor), currency);
    }

    public Amount minus(Amount other) {
        requireSameCurrency(other);
        return new Amount(Math.subtractExact(minor, other.minor), currency);
    }

    public boolean isNegative() {
        return minor < 0;
    }

    private void requireSameCurrency(Amount other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency;
    }
}
