package se.clientfunds.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import se.clientfunds.money.CurrencyCodes;
import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;
import se.clientfunds.reference.OcrReference;

/**
 * Checks the fields of one row, collecting a {@link RowProblem} for every field that fails instead of stopping
 * at the first; each check returns the typed value, or null when the field has a problem.
 */
final class RowChecks {

    static final int MAX_ID_LENGTH = 64;
    /** The widths of the columns the extracts' text is kept in: names, a refund's payment reference, who approved. */
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_PAYMENT_REFERENCE_LENGTH = 140;
    static final int MAX_OPERATOR_LENGTH = 100;

    private static final Pattern PERCENT = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern ORG_NUMBER = Pattern.compile("\\d{6}-?\\d{4}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_PERCENT_DECIMALS = 4;
    /** 18 digits always fit in a long. */
    private static final int MAX_PLAIN_AMOUNT_DIGITS = 18;
    /** A minus, 18 digits (a long's worth of minor units) and a dot, with room to spare. */
    private static final int MAX_AMOUNT_LENGTH = 24;
    /** Only codes that parsed are cached, so this holds at most the ISO 4217 list. */
    private static final ConcurrentMap<String, Currency> KNOWN_CURRENCIES = new ConcurrentHashMap<>();
    private static final Set<String> COUNTRIES = Set.copyOf(Arrays.asList(Locale.getISOCountries()));

    private final ExtractKind kind;
    private final ExtractRow row;
    private final List<RowProblem> problems = new ArrayList<>(2);

    RowChecks(ExtractKind kind, ExtractRow row) {
        if (row.size() != kind.columnCount()) {
            throw new IllegalArgumentException(kind.fileName() + " line " + row.line() + " has " + row.size()
                    + " fields, expected " + kind.columnCount());
        }
        this.kind = kind;
        this.row = row;
    }

    /** For record constructors: a non-null value, else an exception naming the field. */
    static <T> T require(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    /** For record constructors: an id as {@link #id(int)} accepts it, else an exception naming field and value. */
    static String requireId(String field, String value) {
        require(field, value);
        if (value.isEmpty() || value.length() > MAX_ID_LENGTH || hasControlCharacter(value)) {
            throw new IllegalArgumentException(field + " '" + value + "' must be 1 to " + MAX_ID_LENGTH
                    + " characters without control characters");
        }
        return value;
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** For record constructors: text that is not blank, else an exception naming the field. */
    static String requireText(String field, String value) {
        if (require(field, value).isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }

    static long requireLine(long line) {
        if (line < 1) {
            throw new IllegalArgumentException("line " + line + " must be 1 or more");
        }
        return line;
    }

    List<RowProblem> problems() {
        return problems;
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    long line() {
        return row.line();
    }

    String raw(int column) {
        return row.field(column);
    }

    void problem(int column, String reason) {
        problems.add(new RowProblem(row.line(), kind.columns().get(column), row.field(column), reason));
    }

    /** A row id: not empty, at most 64 characters, no control characters. */
    String id(int column) {
        String value = row.field(column);
        if (value.isEmpty()) {
            problem(column, "must not be empty");
            return null;
        }
        return fitting(column, value, MAX_ID_LENGTH) == null ? null : withoutControlCharacters(column, value);
    }

    /** Free text that must not be blank, at most {@code maxLength} characters (its column's width). */
    String text(int column, int maxLength) {
        String value = row.field(column);
        if (value.isBlank()) {
            problem(column, "must not be empty");
            return null;
        }
        return fitting(column, withoutControlCharacters(column, value), maxLength);
    }

    /** Free text that may be empty, at most {@code maxLength} characters (its column's width). */
    String optionalText(int column, int maxLength) {
        return fitting(column, withoutControlCharacters(column, row.field(column)), maxLength);
    }

    private String fitting(int column, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            problem(column, "must have at most " + maxLength + " characters, has " + value.length());
            return null;
        }
        return value;
    }

    private String withoutControlCharacters(int column, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                problem(column, "must not contain control characters, has U+"
                        + String.format("%04X", (int) value.charAt(i)) + " at position " + (i + 1));
                return null;
            }
        }
        return value;
    }

    Currency currency(int column) {
        String value = row.field(column);
        Currency known = KNOWN_CURRENCIES.get(value);
        if (known != null) {
            return known;
        }
        try {
            Currency currency = CurrencyCodes.parse(value);
            KNOWN_CURRENCIES.put(value, currency);
            return currency;
        } catch (IllegalArgumentException e) {
            problem(column, e.getMessage());
            return null;
        }
    }

    /**
     * An amount with exactly the currency's minor digits; when the currency itself is unusable only the
     * decimal form is checked, so the row still reports every problem it has.
     */
    Money money(int column, Currency currency, Sign sign) {
        String value = row.field(column);
        if (value.length() > MAX_AMOUNT_LENGTH) {
            // refused by its length before any parsing: no amount has that many digits
            problem(column, "amount is " + value.length() + " characters long; an amount has at most " + MAX_AMOUNT_LENGTH);
            return null;
        }
        if (currency == null) {
            if (!Money.isDecimalText(value)) {
                problem(column, "amount '" + value + "' is not a decimal number with a dot");
            } else {
                checkSign(column, new BigDecimal(value).signum(), sign);
            }
            return null;
        }
        Money money = plainAmount(value, currency);
        if (money == null) {
            try {
                money = Money.parse(value, currency);
            } catch (IllegalArgumentException e) {
                problem(column, e.getMessage());
                return null;
            }
        }
        return checkSign(column, Long.signum(money.minorUnits()), sign) ? money : null;
    }

    /**
     * The common case, digits with exactly the currency's minor digits, parsed without {@link Money#parse}'s regex
     * and BigDecimal (which cost more than the rest of a row); null for anything else, left to {@link Money#parse}.
     */
    private static Money plainAmount(String value, Currency currency) {
        int minorDigits = Money.minorDigits(currency);
        int length = value.length();
        int dot = minorDigits == 0 ? length : length - minorDigits - 1;
        int digitCount = minorDigits == 0 ? length : length - 1;
        if (dot < 1 || digitCount > MAX_PLAIN_AMOUNT_DIGITS || (minorDigits > 0 && value.charAt(dot) != '.')) {
            return null;
        }
        long minorUnits = 0;
        for (int i = 0; i < length; i++) {
            if (i == dot) {
                continue;
            }
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            minorUnits = minorUnits * 10 + (c - '0');
        }
        return new Money(minorUnits, currency);
    }

    private boolean checkSign(int column, int signum, Sign sign) {
        if (sign == Sign.POSITIVE && signum <= 0) {
            problem(column, "amount '" + row.field(column) + "' must be more than zero");
            return false;
        }
        if (sign == Sign.NOT_NEGATIVE && signum < 0) {
            problem(column, "amount '" + row.field(column) + "' must not be negative");
            return false;
        }
        return true;
    }

    LocalDate date(int column) {
        String value = row.field(column);
        if (!isIsoDateShape(value)) {
            problem(column, "date '" + value + "' is not an ISO date yyyy-MM-dd");
            return null;
        }
        try {
            return LocalDate.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
        } catch (DateTimeException e) {
            problem(column, "date '" + value + "' does not exist");
            return null;
        }
    }

    /** Four, two and two digits separated by hyphens, checked by hand as dates come twice in every invoice row. */
    private static boolean isIsoDateShape(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String value, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (value.charAt(i) - '0');
        }
        return n;
    }

    Iban iban(int column) {
        String value = row.field(column);
        String reason = Iban.problem(value);
        if (reason != null) {
            problem(column, reason);
            return null;
        }
        return new Iban(value);
    }

    OcrReference ocr(int column) {
        String value = row.field(column);
        String reason = OcrReference.problem(value);
        if (reason != null) {
            problem(column, reason);
            return null;
        }
        return new OcrReference(value);
    }

    /** An ISO 3166 alpha-2 country code in upper case. */
    String country(int column) {
        String value = row.field(column);
        if (!COUNTRIES.contains(value)) {
            problem(column, "country '" + value + "' is not an ISO 3166 alpha-2 country code");
            return null;
        }
        return value;
    }

    <E extends Enum<E>> E oneOf(int column, Class<E> type) {
        String value = row.field(column);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problem(column, "'" + value + "' must be one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    /** A Swedish organisation number, NNNNNN-NNNN or ten digits with a Luhn check digit, returned as NNNNNN-NNNN. */
    String organisationNumber(int column) {
        String value = row.field(column);
        if (!ORG_NUMBER.matcher(value).matches()) {
            problem(column, "organisation number '" + value + "' is not NNNNNN-NNNN or ten digits");
            return null;
        }
        String digits = value.replace("-", "");
        if (!OcrReference.isValid(digits)) {
            problem(column, "organisation number '" + value + "' has a wrong check digit");
            return null;
        }
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    /** A percentage from 0 to 100 with at most four decimals, kept exactly as written. */
    BigDecimal percent(int column) {
        String value = row.field(column);
        if (!PERCENT.matcher(value).matches()) {
            problem(column, "percent '" + value + "' is not a non-negative decimal number with a dot");
            return null;
        }
        BigDecimal percent = new BigDecimal(value);
        if (percent.scale() > MAX_PERCENT_DECIMALS) {
            problem(column, "percent '" + value + "' has more than " + MAX_PERCENT_DECIMALS + " decimals");
            return null;
        }
        if (percent.compareTo(HUNDRED) > 0) {
            problem(column, "percent '" + value + "' is more than 100");
            return null;
        }
        return percent;
    }

    enum Sign {
        POSITIVE,
        NOT_NEGATIVE
    }
}
