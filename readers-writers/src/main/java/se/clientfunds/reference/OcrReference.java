package se.clientfunds.reference;

/**
 * A Swedish OCR payment reference: 2 to 25 digits whose last digit is a Luhn (mod 10) check digit.
 */
public record OcrReference(String value) {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 25;

    public OcrReference {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** True when the text is a well-formed OCR reference with a correct check digit. */
    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /** Why the text is not a valid OCR reference, or {@code null} when it is. */
    public static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "OCR reference is empty";
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            return "OCR reference '" + value + "' must have 2 to 25 digits, has " + value.length();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return "OCR reference '" + value + "' must contain only digits";
            }
        }
        if (luhnCheckDigit(value.substring(0, value.length() - 1)) != value.charAt(value.length() - 1) - '0') {
            return "OCR reference '" + value + "' has a wrong check digit";
        }
        return null;
    }

    /** Appends the Luhn check digit to a digit string: {@code withCheckDigit("1234")} is {@code "12344"}. */
    public static OcrReference withCheckDigit(String digitsWithoutCheck) {
        return new OcrReference(digitsWithoutCheck + luhnCheckDigit(digitsWithoutCheck));
    }

    /** True when the second-to-last digit is the reference's total length mod 10, as some payees require. */
    public boolean hasLengthDigit() {
        return value.length() >= 3 && value.charAt(value.length() - 2) - '0' == value.length() % 10;
    }

    static int luhnCheckDigit(String digits) {
        int sum = 0;
        boolean doubled = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
