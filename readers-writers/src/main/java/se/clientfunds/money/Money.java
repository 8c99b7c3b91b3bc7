package se.clientfunds.money;

import java.util.regex.Pattern;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money as an integer number of minor units (öre, cent) in an ISO 4217 currency.
 * Arithmetic is exact and refuses to mix currencies or to overflow.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money ofMinor(long minorUnits, String currencyCode) {
        return new Money(minorUnits, CurrencyCodes.parse(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses decimal text with a dot and exactly the currency's number of minor digits,
     * for example {@code 1250.00} in SEK; {@code 1250}, {@code 1250.5} and {@code 1,250.00} are refused.
     */
    public static Money parse(String text, Currency currency) {
        Objects.requireNonNull(currency, "currency");
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("amount is empty");
        }
        if (!isDecimalText(text)) {
            throw new IllegalArgumentException("amount '" + text + "' is not a decimal number with a dot");
        }
        BigDecimal decimal = new BigDecimal(text);
        int digits = minorDigits(currency);
        if (decimal.scale() != digits) {
            throw new IllegalArgumentException("amount '" + text + "' must have exactly " + digits
                    + " decimal" + (digits == 1 ? "" : "s") + " for " + currency.getCurrencyCode());
        }
        try {
            return new Money(decimal.movePointRight(digits).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount '" + text + "' is too large", e);
        }
    }

    /** Whether the text is a plain decimal number with a dot: an optional minus, digits, optional decimals. */
    public static boolean isDecimalText(String text) {
        return DECIMAL.matcher(text).matches();
    }

    /** The number of minor digits of a currency (2 for SEK and EUR, 0 for JPY). */
    public static int minorDigits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    /** The amount as a plain decimal with the currency's minor digits, for example {@code 1250.00}. */
    public String toDecimalString() {
        return BigDecimal.valueOf(minorUnits, minorDigits(currency)).toPlainString();
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(minorUnits, minorDigits(currency));
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency.getCurrencyCode() + " with "
                    + other.currency.getCurrencyCode());
        }
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency.getCurrencyCode();
    }
}
