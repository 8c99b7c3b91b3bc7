package se.clientfunds.reference;

import java.util.regex.Pattern;
import java.util.Map;

/**
 * An International Bank Account Number, validated by country length and the ISO 13616 mod-97 checksum.
 * Stored in electronic form: upper case, no spaces.
 */
public record Iban(String value) {

    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("SE", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("FI", 18),
            Map.entry("NO", 15), Map.entry("GB", 22), Map.entry("NL", 18), Map.entry("FR", 27),
            Map.entry("BE", 16), Map.entry("AT", 20), Map.entry("CH", 21), Map.entry("ES", 24),
            Map.entry("IT", 27), Map.entry("PL", 28), Map.entry("IE", 22), Map.entry("LU", 20),
            Map.entry("EE", 20), Map.entry("LV", 21), Map.entry("LT", 20), Map.entry("PT", 25),
            Map.entry("IS", 26), Map.entry("CZ", 24), Map.entry("SK", 24), Map.entry("HU", 28),
            Map.entry("SI", 19), Map.entry("HR", 21), Map.entry("RO", 24), Map.entry("BG", 22),
            Map.entry("GR", 27), Map.entry("CY", 28), Map.entry("MT", 31), Map.entry("LI", 21));

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

    public Iban {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Parses an IBAN, accepting the printed form with spaces. */
    public static Iban parse(String text) {
        return new Iban(text == null ? null : text.replace(" ", ""));
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /** Why the text is not a valid electronic-form IBAN, or {@code null} when it is. */
    public static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "IBAN is empty";
        }
        if (!SHAPE.matcher(value).matches()) {
            return "IBAN '" + value + "' is not two letters, two check digits and 11 to 30 letters or digits";
        }
        Integer expected = LENGTHS.get(value.substring(0, 2));
        if (expected != null && expected != value.length()) {
            return "IBAN '" + value + "' must have " + expected + " characters for " + value.substring(0, 2)
                    + ", has " + value.length();
        }
        if (mod97(value.substring(4) + value.substring(0, 4)) != 1) {
            return "IBAN '" + value + "' has a wrong checksum";
        }
        return null;
    }

    /** Builds a valid IBAN from a country code and a national account number by computing the check digits. */
    public static Iban of(String countryCode, String bban) {
        int check = 98 - mod97(bban + countryCode + "00");
        return new Iban(countryCode + (check < 10 ? "0" : "") + check + bban);
    }

    public String countryCode() {
        return value.substring(0, 2);
    }

    private static int mod97(String rearranged) {
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            int n = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = n >= 10 ? (remainder * 100 + n) % 97 : (remainder * 10 + n) % 97;
        }
        return remainder;
    }

    @Override
    public String toString() {
        return value;
    }
}
