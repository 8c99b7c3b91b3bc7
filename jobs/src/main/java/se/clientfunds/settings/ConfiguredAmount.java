package se.clientfunds.settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import se.clientfunds.money.Money;

/** An amount as configuration gives it: a decimal in its currency, per currency code. */
public final class ConfiguredAmount {

    private ConfiguredAmount() {
    }

    /**
     * The amount; YAML may hand over {@code 100000.00} as the number 100000.0 (an unquoted 10000000.00 as 1.0E7), so the
     * scale is the currency's. Refused with a message that the caller prefixes with the key.
     */
    public static Money parse(String currency, String text) {
        Currency unit;
        try {
            unit = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + currency + "' is not a currency code");
        }
        if (text == null || !text.trim().matches("[0-9]+(\\.[0-9]+)?(E[0-9]+)?")) {
            throw new IllegalArgumentException("must be a positive decimal like 100000.00, is '" + text + "'");
        }
        try {
            BigDecimal decimal = new BigDecimal(text.trim()).stripTrailingZeros().setScale(Money.minorDigits(unit),
                    RoundingMode.UNNECESSARY);
            return new Money(decimal.movePointRight(decimal.scale()).longValueExact(), unit);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' has more decimals than " + currency + " or is too large");
        }
    }
}
