package se.clientfunds.sanctions;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.ibm.icu.text.Transliterator;

/**
 * Brings a name to the form screening compares: any script transliterated to Latin (Cyrillic, Greek, Arabic...),
 * diacritics removed, lower case, punctuation as spaces, legal-form words (AB, Ltd, GmbH...) left out where legal forms
 * stand (at the end, or AB in front: "Åsa" is a first name, "ASA" at the end a Norwegian company), and the tokens in
 * their order. {@code Ивар Тестовский}, {@code IVAR TESTOVSKIJ} and {@code Testovskij, Ivar} give the same tokens,
 * the last in another order (token order is for the matcher to weigh, not for the normaliser to hide).
 */
public final class NameNormaliser {

    /** Words of legal form in the names of enterprises, in the languages of our payers, taken off the end of a name. */
    static final Set<String> LEGAL_FORMS = Set.of("ab", "hb", "kb", "aktiebolag", "handelsbolag", "kommanditbolag", "publ",
            "ltd", "limited", "plc", "llc", "llp", "inc", "incorporated", "corp", "corporation", "co", "company",
            "gmbh", "ag", "kg", "ug", "ohg", "ev", "mbh", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "oyj", "as", "asa",
            "aps", "sp", "zoo", "ooo", "ao", "zao", "oao", "pao", "jsc", "pjsc", "tov", "too", "fze", "fzco", "lp");

    /** Legal forms written in front of the name ("AB Volvo", "OOO Romashka", "PAO Example"). */
    static final Set<String> LEADING_LEGAL_FORMS = Set.of("ab", "ooo", "ao", "zao", "oao", "pao", "jsc", "pjsc", "tov", "too");

    private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private NameNormaliser() {
    }

    /** The name's tokens, normalised; empty when nothing of a name is left (only a legal form, or punctuation). */
    public static List<String> tokens(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        // most names are in Latin script already: the transliterator (slow) is only for those that are not
        String plain = plainLatin(name);
        if (plain == null) {
            String latin;
            synchronized (TO_LATIN) {
                // (an ICU transliterator is not safe for concurrent use)
                latin = TO_LATIN.transliterate(Normalizer.normalize(name, Normalizer.Form.NFKC));
            }
            plain = withoutMarks(latin);
        }
        plain = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        List<String> tokens = new ArrayList<>();
        for (String token : plain.split(" ")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        // "Example GmbH & Co. KG", "AB Volvo (publ)": the legal forms at the end, then one in front
        while (!tokens.isEmpty() && LEGAL_FORMS.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        while (tokens.size() > 1 && LEADING_LEGAL_FORMS.contains(tokens.get(0))) {
            tokens.remove(0);
        }
        return List.copyOf(tokens);
    }

    /** The name in ASCII letters when it is in Latin script (diacritics off, ß as ss, ø as o...), else null. */
    private static String plainLatin(String name) {
        String stripped = withoutMarks(Normalizer.normalize(name, Normalizer.Form.NFKC));
        StringBuilder ascii = new StringBuilder(stripped.length() + 4);
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c < 0x80) {
                ascii.append(c);
                continue;
            }
            String letter = switch (c) {
                case 'ß' -> "ss";
                case 'æ' -> "ae";
                case 'Æ' -> "AE";
                case 'ø', 'Ø' -> "o";
                case 'œ' -> "oe";
                case 'Œ' -> "OE";
                case 'ł', 'Ł' -> "l";
                case 'đ', 'Đ', 'ð', 'Ð' -> "d";
                case 'þ', 'Þ' -> "th";
                case 'ı' -> "i";
                default -> null;
            };
            if (letter == null && Character.isLetterOrDigit(c)) {
                // a letter of another script (or one this list does not know): the transliterator's
                return null;
            }
            ascii.append(letter == null ? " " : letter);
        }
        return ascii.toString();
    }

    private static String withoutMarks(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    }

    /** The tokens joined by single spaces: the key of an exact normalised match. */
    public static String normalised(String name) {
        return String.join(" ", tokens(name));
    }
}
