package se.clientfunds.bank.mt940;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

import se.clientfunds.bank.BankBalance;
import se.clientfunds.bank.BankFileException;
import se.clientfunds.money.CurrencyCodes;
import se.clientfunds.money.Money;

/** Strict readers of the value syntax MT940 fields share: amounts with a decimal comma, YYMMDD dates, balances. */
final class Mt940Values {

    private Mt940Values() {
    }

    /**
     * An amount as SWIFT writes it: digits, a decimal comma, at most the currency's minor digits ({@code 1234,5},
     * {@code 100,}, {@code 00,12}). Digits without a comma ({@code 500}, as Knab writes) are a whole amount: that
     * reading is unambiguous. Leading zeros do not count towards SWIFT's 15 characters: Rabobank pads to 16.
     * Decimals past the currency's are read when they are zeros. A dot, a sign, a second comma or letters are refused.
     */
    static Money amount(String text, Currency currency) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("amount is missing");
        }
        int comma = text.indexOf(',');
        String whole = comma < 0 ? text : text.substring(0, comma);
        String fraction = comma < 0 ? "" : text.substring(comma + 1);
        if (whole.isEmpty() || !digits(whole) || !digits(fraction) || significant(text).length() > 15) {
            throw new IllegalArgumentException("amount '" + text + "' is not up to 15 digits with a decimal comma");
        }
        int minorDigits = Money.minorDigits(currency);
        if (fraction.length() > minorDigits) {
            // decimals past the currency's are refused unless they are zeros (1,500 SEK is 1.50)
            if (!fraction.substring(minorDigits).chars().allMatch(c -> c == '0')) {
                throw new IllegalArgumentException("amount '" + text + "' has more than " + minorDigits + " decimals for "
                        + currency.getCurrencyCode());
            }
            fraction = fraction.substring(0, minorDigits);
        }
        BigDecimal decimal = new BigDecimal(whole + (fraction.isEmpty() ? "" : "." + fraction));
        try {
            return new Money(decimal.movePointRight(minorDigits).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount '" + text + "' is too large", e);
        }
    }

    /** A YYMMDD date; years 80-99 are the 1900s, 00-79 the 2000s. */
    static LocalDate date(String yymmdd) {
        if (yymmdd.length() != 6 || !digits(yymmdd)) {
            throw new IllegalArgumentException("date '" + yymmdd + "' is not YYMMDD");
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        try {
            return LocalDate.of(yy < 80 ? 2000 + yy : 1900 + yy, Integer.parseInt(yymmdd.substring(2, 4)),
                    Integer.parseInt(yymmdd.substring(4, 6)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("date '" + yymmdd + "' is not a date", e);
        }
    }

    /**
     * A {@code :61:} value date, YYMMDD: a day past the end of its month but not past the 31st (German banks' 30
     * February, of their 30-day-month interest convention) is the month's last day; anything else is {@link #date}'s.
     */
    static LocalDate valueDate(String yymmdd) {
        try {
            return date(yymmdd);
        } catch (IllegalArgumentException e) {
            if (yymmdd.length() != 6 || !digits(yymmdd)) {
                throw e;
            }
            int month = Integer.parseInt(yymmdd.substring(2, 4));
            int day = Integer.parseInt(yymmdd.substring(4, 6));
            if (month < 1 || month > 12 || day < 29 || day > 31) {
                throw e;
            }
            LocalDate first = date(yymmdd.substring(0, 4) + "01");
            return first.withDayOfMonth(first.lengthOfMonth());
        }
    }

    /**
     * The entry (booking) date of a {@code :61:} line, MMDD without a year: the year is the value date's, or the one
     * before or after it when that puts the entry closer to the value date (booked 31 Dec, value 2 Jan).
     */
    static LocalDate entryDate(String mmdd, LocalDate valueDate) {
        if (mmdd.length() != 4 || !digits(mmdd)) {
            throw new IllegalArgumentException("entry date '" + mmdd + "' is not MMDD");
        }
        int month = Integer.parseInt(mmdd.substring(0, 2));
        int day = Integer.parseInt(mmdd.substring(2));
        LocalDate best = null;
        for (int year = valueDate.getYear() - 1; year <= valueDate.getYear() + 1; year++) {
            try {
                LocalDate candidate = LocalDate.of(year, month, day);
                if (best == null || Math.abs(ChronoUnit.DAYS.between(valueDate, candidate))
                        < Math.abs(ChronoUnit.DAYS.between(valueDate, best))) {
                    best = candidate;
                }
            } catch (DateTimeException e) {
                // 29 February in a year without it: another year may have it
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("entry date '" + mmdd + "' is not a date");
        }
        return best;
    }

    /** A balance field ({@code :60F:}, {@code :62M:}, {@code :64:}...): D/C mark, YYMMDD, currency, amount; signed. */
    static BankBalance balance(String type, Mt940Field field, String fileName) {
        String value = field.value();
        try {
            if (value.length() < 11) {
                throw new IllegalArgumentException("is not mark, YYMMDD, currency and amount");
            }
            char mark = value.charAt(0);
            if (mark != 'C' && mark != 'D') {
                throw new IllegalArgumentException("mark '" + mark + "' is not C or D");
            }
            LocalDate date = date(value.substring(1, 7));
            Currency currency = CurrencyCodes.parse(value.substring(7, 10));
            Money amount = amount(value.substring(10), currency);
            return new BankBalance(type, mark == 'D' ? amount.negate() : amount, date);
        } catch (IllegalArgumentException e) {
            throw new BankFileException(fileName, "line " + field.line(), field.quoted() + ": " + e.getMessage(), e);
        }
    }

    private static String significant(String amount) {
        int start = 0;
        while (start < amount.length() - 1 && amount.charAt(start) == '0' && amount.charAt(start + 1) != ',') {
            start++;
        }
        return amount.substring(start);
    }

    static boolean digits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
