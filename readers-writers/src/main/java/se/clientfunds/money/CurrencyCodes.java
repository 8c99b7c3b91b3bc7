package se.clientfunds.money;

import java.util.regex.Pattern;
import java.util.Currency;

/** Strict parsing of ISO 4217 alphabetic currency codes. */
public final class CurrencyCodes {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private CurrencyCodes() {
    }

    /** Returns the currency for an upper-case three-letter ISO 4217 code, or refuses it with the value in the message. */
    public static Currency parse(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("currency '" + code + "' is not a three-letter ISO 4217 code");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency '" + code + "' is not an ISO 4217 currency", e);
        }
        // XAU, XXX, XTS and the like have no minor unit: they are not money anybody pays an invoice in
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency '" + code + "' is not a currency of payment");
        }
        return currency;
    }
}
