package se.clientfunds.bank.camt;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

import se.clientfunds.money.CurrencyCodes;
import se.clientfunds.money.Money;

/**
 * ISO 20022 amounts to {@link Money}. Banks write {@code 100}, {@code 100.5}, {@code 8.850} or {@code .55} for the
 * same kind of amount (all valid {@code xs:decimal}), so the text is read as a decimal and converted exactly to minor
 * units; digits beyond the currency's minor unit are allowed only when they are zeros, because anything else would
 * have to be rounded.
 */
final class CamtAmounts {

    /**
     * ISO amounts have at most 18 digits ({@code totalDigits}) and 5 of them after the dot: text longer than 18 digits
     * and a dot is refused by its length, before anything tries to read a number of thousands of digits.
     */
    static final int MAX_DIGITS = 18;

    // ISO amounts are never signed: the sign travels in CdtDbtInd; xs:decimal allows "5." and ".55"
    private static final Pattern UNSIGNED_DECIMAL = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");
    private static final int SHOWN_CHARS = 24;

    private CamtAmounts() {
    }

    /** The currency of an {@code Ccy} attribute, or an {@link IllegalArgumentException} naming the value. */
    static Currency currency(String code) {
        return CurrencyCodes.parse(code);
    }

    /** The text itself when it is an unsigned decimal number; the message of the exception names the text. */
    static String requireDecimal(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("amount is empty");
        }
        if (text.length() > MAX_DIGITS + 1) {
            throw new IllegalArgumentException("amount '" + (text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "…")
                    + "' has " + text.length()
                    + " characters; an ISO 20022 amount has at most " + MAX_DIGITS + " digits");
        }
        if (!UNSIGNED_DECIMAL.matcher(text).matches()) {
            if (text.startsWith("-")) {
                throw new IllegalArgumentException("amount '" + text + "' is negative; the direction belongs in CdtDbtInd");
            }
            throw new IllegalArgumentException("amount '" + text + "' is not a decimal number with a dot");
        }
        return text;
    }

    /** Exact conversion of unsigned decimal text; the message of the exception names the text. */
    static Money money(String text, Currency currency) {
        BigDecimal decimal = new BigDecimal(requireDecimal(text));
        int digits = Money.minorDigits(currency);
        if (decimal.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException("amount '" + text + "' has more than " + digits + " decimal"
                    + (digits == 1 ? "" : "s") + " for " + currency.getCurrencyCode());
        }
        try {
            return new Money(decimal.setScale(digits).unscaledValue().longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount '" + text + "' is too large", e);
        }
    }
}
