package se.clientfunds.sanctions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;

import com.ibm.icu.text.Transliterator;

/**
 * A labelled set for measuring screening: a made-up sanctions list (names built from syllables, no real person's),
 * names that are the same entity written another way (transliterated into Cyrillic, Greek or Arabic script, spelt with
 * another transliteration, in another order, without the middle name, with one typo after the first letter), and
 * names that are not on it (common Swedish and German people, and companies sharing a word such as "Trading" with a
 * listed one). The same seed gives the same set.
 */
public final class LabelledNames {

    /** How a labelled name was made. */
    public enum Kind { TRANSLITERATED, RESPELT, SWAPPED, NO_MIDDLE_NAME, TYPO, NOT_LISTED_PERSON, NOT_LISTED_COMPANY }

    /**
     * A name with the entity it is (null for a name that is on no list).
     */
    public record Labelled(String name, Kind kind, String entityId) {
        public boolean listed() {
            return entityId != null;
        }
    }

    /** The list and the names to screen against it. */
    public record Set(List<NameMatcher.ListedName> list, List<Labelled> names) {

        /** The list as the EU would publish it (a company is an enterprise, everyone else a person). */
        public SanctionsList asEuList(java.time.OffsetDateTime generated, String globalFileId) {
            List<SanctionsList.Entity> entities = new ArrayList<>();
            for (NameMatcher.ListedName name : list) {
                boolean company = name.alias().endsWith(" LLC") || name.alias().endsWith(" Ltd");
                entities.add(new SanctionsList.Entity(name.entityId(), name.reference(), company
                        ? SanctionsList.SubjectType.ENTERPRISE : SanctionsList.SubjectType.PERSON,
                        List.of(new SanctionsList.NameAlias(name.alias(), "EN", true)), List.of(), List.of(), List.of()));
            }
            return new SanctionsList(generated, globalFileId, entities);
        }
    }

    private static final String[] ONSETS = {"b", "d", "g", "k", "l", "m", "n", "r", "s", "t", "v", "z", "kh", "sh", "dr",
            "gr", "tar", "vel", "mir", "dor"};
    private static final String[] VOWELS = {"a", "o", "u", "e", "i", "ai", "ou"};
    private static final String[] CODAS = {"", "n", "r", "sh", "k", "v", "z", "m", "t"};
    private static final String[] LAST_ENDINGS = {"ov", "enko", "ski", "adze", "yan", "ani", "ek", "ovic", "bayev", "uri"};
    private static final String[] COMPANY_WORDS = {"Trading", "Holding", "Import Export", "Shipping", "Logistics",
            "Industries", "General Trading", "Investment", "Petroleum", "Minerals"};

    private static final String[] SWEDISH_FIRST = {"Anna", "Eva", "Maria", "Karin", "Sara", "Kristina", "Lena", "Emma",
            "Kerstin", "Ingrid", "Marie", "Malin", "Jenny", "Annika", "Linda", "Åsa", "Sofia", "Elin", "Ida", "Johanna",
            "Lars", "Mikael", "Anders", "Johan", "Erik", "Per", "Karl", "Peter", "Jan", "Thomas", "Daniel", "Fredrik",
            "Hans", "Bengt", "Mats", "Magnus", "Andreas", "Stefan", "Jonas", "Mattias", "Björn", "Göran", "Håkan", "Nils"};
    private static final String[] SWEDISH_LAST = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
            "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson",
            "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström", "Lindqvist", "Lindgren", "Berg",
            "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson",
            "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Håkansson"};
    private static final String[] GERMAN_FIRST = {"Ursula", "Monika", "Petra", "Sabine", "Andrea", "Claudia", "Susanne",
            "Stefanie", "Katrin", "Birgit", "Jürgen", "Klaus", "Wolfgang", "Michael", "Thomas", "Andreas", "Stefan",
            "Frank", "Dieter", "Uwe", "Günter", "Horst", "Matthias", "Markus", "Sebastian", "Tobias", "Jörg", "Helmut"};
    private static final String[] GERMAN_LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
            "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
            "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König"};
    private static final String[] SWEDISH_COMPANY_FIRST = {"Nordic", "Svea", "Norrland", "Göta", "Baltic", "Skandia",
            "Väst", "Öresund", "Mälar", "Dala", "Kust", "Fjäll"};

    private LabelledNames() {
    }

    /**
     * A list of {@code listSize} entities (about a fifth of them companies), {@code variants} names of listed
     * entities written another way, and {@code notListed} names that are on no list.
     */
    public static Set generate(int listSize, int variants, int notListed, long seed) {
        Random random = new Random(seed);
        List<NameMatcher.ListedName> list = new ArrayList<>();
        List<String[]> persons = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int i = 0; list.size() < listSize; i++) {
            String id = String.valueOf(500000 + i);
            String reference = "EU.TST." + (i + 1);
            if (random.nextInt(5) == 0) {
                String name = capital(word(random, 2)) + " " + COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)]
                        + (random.nextBoolean() ? " LLC" : " Ltd");
                if (taken.add(NameNormaliser.normalised(name))) {
                    list.add(NameMatcher.ListedName.of(id, reference, name));
                }
                continue;
            }
            String first = capital(word(random, 1 + random.nextInt(2)));
            String middle = random.nextInt(3) == 0 ? capital(word(random, 2)) : null;
            String last = capital(word(random, 1 + random.nextInt(2)) + LAST_ENDINGS[random.nextInt(LAST_ENDINGS.length)]);
            String whole = first + (middle == null ? "" : " " + middle) + " " + last;
            if (!taken.add(NameNormaliser.normalised(whole))) {
                continue;
            }
            list.add(NameMatcher.ListedName.of(id, reference, whole));
            persons.add(new String[] {id, first, middle, last});
        }
        List<Labelled> names = new ArrayList<>();
        Kind[] personKinds = {Kind.TRANSLITERATED, Kind.RESPELT, Kind.SWAPPED, Kind.NO_MIDDLE_NAME, Kind.TYPO};
        while (names.size() < variants) {
            String[] person = persons.get(random.nextInt(persons.size()));
            Kind kind = personKinds[random.nextInt(personKinds.length)];
            String first = person[1];
            String middle = person[2];
            String last = person[3];
            String name = switch (kind) {
                case TRANSLITERATED -> script(random.nextInt(3)).transliterate(join(first, middle, last));
                case RESPELT -> respelt(random, join(first, middle, last));
                case SWAPPED -> random.nextBoolean() ? last + ", " + join(first, middle, null) : join(last, first, middle);
                case NO_MIDDLE_NAME -> middle == null ? null : first + " " + last;
                case TYPO -> typo(random, first, middle, last);
                default -> throw new IllegalStateException(kind.name());
            };
            if (name != null) {
                names.add(new Labelled(name, kind, person[0]));
            }
        }
        Predicate<String> listedExactly = name -> taken.contains(NameNormaliser.normalised(name));
        for (int n = 0; n < notListed; n++) {
            String name;
            Kind kind;
            do {
                int pick = random.nextInt(10);
                if (pick < 4) {
                    name = pick(random, SWEDISH_FIRST) + " " + (random.nextInt(4) == 0 ? pick(random, SWEDISH_FIRST) + " " : "")
                            + pick(random, SWEDISH_LAST);
                    kind = Kind.NOT_LISTED_PERSON;
                } else if (pick < 7) {
                    name = pick(random, GERMAN_FIRST) + " " + pick(random, GERMAN_LAST);
                    kind = Kind.NOT_LISTED_PERSON;
                } else {
                    String word = random.nextBoolean() ? pick(random, SWEDISH_COMPANY_FIRST) : pick(random, SWEDISH_LAST);
                    name = word + " " + COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)] + (random.nextBoolean() ? " AB" : " GmbH");
                    kind = Kind.NOT_LISTED_COMPANY;
                }
            } while (listedExactly.test(name));
            names.add(new Labelled(name, kind, null));
        }
        return new Set(List.copyOf(list), List.copyOf(names));
    }

    private static String word(Random random, int syllables) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)])
                    .append(CODAS[random.nextInt(CODAS.length)]);
        }
        return word.toString();
    }

    private static String capital(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static String join(String a, String b, String c) {
        StringBuilder text = new StringBuilder(a);
        for (String part : new String[] {b, c}) {
            if (part != null) {
                text.append(' ').append(part);
            }
        }
        return text.toString();
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static final Transliterator[] SCRIPTS = {Transliterator.getInstance("Latin-Cyrillic"),
            Transliterator.getInstance("Latin-Greek"), Transliterator.getInstance("Latin-Arabic")};

    private static Transliterator script(int which) {
        return SCRIPTS[which];
    }

    /** Spellings that transliterations of the same sounds use, one for the other. */
    private static final String[][] RESPELLINGS = {{"ov", "off"}, {"kh", "h"}, {"sh", "sch"}, {"ou", "u"}, {"ai", "ay"},
            {"v", "w"}, {"ski", "sky"}, {"z", "s"}, {"ev", "yev"}, {"k", "c"}, {"enko", "enco"}, {"i", "y"}};

    /** Another transliteration of the same sounds, as different registers write them: one or two spellings changed. */
    private static String respelt(Random random, String name) {
        String respelt = name;
        int changes = 1 + random.nextInt(2);
        for (int tries = 0; changes > 0 && tries < 20; tries++) {
            String[] respelling = RESPELLINGS[random.nextInt(RESPELLINGS.length)];
            String changed = respelt.replace(respelling[0], respelling[1]);
            if (!changed.equals(respelt)) {
                respelt = changed;
                changes--;
            }
        }
        return respelt;
    }

    /** One letter changed, left out or doubled in one token, never the first letter. */
    private static String typo(Random random, String first, String middle, String last) {
        String[] tokens = middle == null ? new String[] {first, last} : new String[] {first, middle, last};
        int which = random.nextInt(tokens.length);
        String token = tokens[which];
        if (token.length() < 4) {
            which = tokens.length - 1;
            token = tokens[which];
        }
        int at = 1 + random.nextInt(token.length() - 1);
        tokens[which] = switch (random.nextInt(3)) {
            case 0 -> token.substring(0, at) + (char) ('a' + random.nextInt(26)) + token.substring(at + 1);
            case 1 -> token.substring(0, at) + token.substring(at + 1);
            default -> token.substring(0, at) + token.charAt(at) + token.substring(at);
        };
        return String.join(" ", tokens);
    }
}
