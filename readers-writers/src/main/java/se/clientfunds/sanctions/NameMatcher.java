package se.clientfunds.sanctions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Screens a name against the names on a sanctions list, the way an analyst can follow: both are normalised
 * ({@link NameNormaliser}), then each token of the name is paired with its most similar listed token (Jaro-Winkler),
 * greedily and at most once each, the best pairs first. A pair counts only when the tokens are similar enough and
 * begin alike (the same first letter, allowing for transliteration: C/K/Q, I/J/Y, V/W, S/Z, PH/F, or the same
 * consonant skeleton: Mohammed and Muhammad). The score is the pairs' mean similarity, lowered for every token left
 * unpaired on either side (a missing middle name costs a little, a different surname a lot); a name of several
 * tokens must pair at least two. An <em>exact</em> hit has the same normalised tokens as a listed alias, in any order.
 *
 * <p>Only listed names that share a token, a four-letter prefix (as written or folded) or a consonant skeleton with
 * the name are compared
 * (a blocking index), so a million names are not each compared with every entry.
 */
public final class NameMatcher {

    /** A pair of tokens below this similarity is not a pair. */
    static final double TOKEN_FLOOR = 0.84;
    /** What an unpaired token weighs against the paired ones (a paired token weighs 1). */
    static final double UNPAIRED_WEIGHT = 0.15;

    /** What a pair of tokens that are one once transliteration differences are folded away is worth. */
    static final double FOLDED_SAME = 0.95;
    /**
     * How much the tokens as written count beside their folded forms: folding alone would take Malar for Melur and Weber
     * for Vabour (measured on the labelled set: a fifth of the written similarity keeps those apart, and the
     * transliterations together).
     */
    static final double WRITTEN_WEIGHT = 0.2;
    /** What the similarity of two tokens' folded forms is worth otherwise, times their Jaro-Winkler. */
    static final double FOLDED_FACTOR = 0.90;
    /** A name that pairs only one token that counts (a company's one distinctive word) needs it this alike. */
    static final double SINGLE_PAIR_FLOOR = 0.95;

    /**
     * Words many company names share: they do not make two names one (Nordic Trading is not Golden Star Trading), so
     * a pair of them is not counted, only their absence from either name a little.
     */
    static final java.util.Set<String> GENERIC_WORDS = java.util.Set.of("trading", "trade", "holding", "holdings", "group",
            "international", "general", "import", "export", "shipping", "logistics", "industries", "industry",
            "investment", "investments", "petroleum", "minerals", "services", "company", "enterprise", "enterprises",
            "bank", "capital", "the", "and", "of", "for", "och", "und", "der", "die");

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /**
     * One name a listed entity goes by.
     *
     * @param entityId  the publisher's id of the entity (EU: its logicalId)
     * @param reference how analysts know the entity (EU: its reference number), or the id when it has none
     * @param alias     the name as published
     */
    public record ListedName(String entityId, String reference, String alias, List<String> tokens) {

        public ListedName {
            tokens = List.copyOf(tokens);
        }

        /** The listed name with its tokens normalised. */
        public static ListedName of(String entityId, String reference, String alias) {
            return new ListedName(entityId, reference, alias, NameNormaliser.tokens(alias));
        }
    }

    /** A token of the name screened and the listed token it was paired with. */
    public record TokenPair(String token, String listedToken, double similarity) {
    }

    /**
     * A listed name the screened name matches, with why: the pairs, and the tokens left unpaired on each side.
     *
     * @param score  1.0 for an exact hit, otherwise below it
     * @param exact  the same normalised tokens as the alias, in any order
     */
    public record Match(ListedName listed, double score, boolean exact, List<TokenPair> pairs, List<String> unpaired,
                        List<String> unpairedListed) {

        /** The score with two decimals, rounded down, as analysts read it (0.899 is not shown as 0.90). */
        public String scoreText() {
            return String.format(Locale.ROOT, "%.2f", Math.floor(score * 100) / 100);
        }

        /** Which alias and which tokens: what an analyst needs to judge the alert. */
        public String explanation() {
            StringBuilder text = new StringBuilder();
            text.append(exact ? "exact hit" : "score " + scoreText()).append(" on alias \"").append(listed.alias())
                    .append("\" of ").append(listed.reference()).append(" (entity ").append(listed.entityId()).append("): ");
            List<String> parts = new ArrayList<>();
            for (TokenPair pair : pairs) {
                parts.add(pair.token().equals(pair.listedToken()) ? pair.token()
                        : pair.token() + "~" + pair.listedToken() + String.format(Locale.ROOT, " %.2f", pair.similarity()));
            }
            text.append(String.join(", ", parts));
            if (!unpaired.isEmpty()) {
                text.append("; not on the list: ").append(String.join(" ", unpaired));
            }
            if (!unpairedListed.isEmpty()) {
                text.append("; not in the name: ").append(String.join(" ", unpairedListed));
            }
            return text.toString();
        }
    }

    /** A token with what comparing it needs, worked out once. */
    private record Token(String text, String folded, String skeleton, char firstSound, boolean generic) {

        static Token of(String text) {
            return new Token(text, NameMatcher.folded(text), NameMatcher.skeleton(text), NameMatcher.firstSound(text),
                    GENERIC_WORDS.contains(text));
        }

        static Token[] all(List<String> texts) {
            Token[] tokens = new Token[texts.size()];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = of(texts.get(i));
            }
            return tokens;
        }

        /** The first-letter guard: the same first sound, or the same consonant skeleton. */
        boolean beginsLike(Token other) {
            return firstSound == other.firstSound || skeleton.equals(other.skeleton);
        }
    }

    private final List<ListedName> listed;
    private final Token[][] listedTokens;
    private final Map<String, int[]> index = new HashMap<>();
    private final Map<String, List<Integer>> exactIndex = new HashMap<>();

    public NameMatcher(Collection<ListedName> names) {
        this.listed = List.copyOf(names);
        this.listedTokens = new Token[listed.size()][];
        Map<String, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < listed.size(); i++) {
            List<String> tokens = listed.get(i).tokens();
            listedTokens[i] = Token.all(tokens);
            if (tokens.isEmpty()) {
                continue;
            }
            exactIndex.computeIfAbsent(exactKey(tokens), key -> new ArrayList<>()).add(i);
            boolean allGeneric = tokens.stream().allMatch(GENERIC_WORDS::contains);
            for (Token token : listedTokens[i]) {
                // a generic word finds no one: "Trading" alone would bring every trading company to compare
                if (token.generic() && !allGeneric) {
                    continue;
                }
                List<Integer> bucket = buckets.computeIfAbsent(token.folded(), k -> new ArrayList<>());
                if (bucket.isEmpty() || bucket.get(bucket.size() - 1) != i) {
                    bucket.add(i);
                }
            }
        }
        buckets.forEach((key, bucket) -> index.put(key, bucket.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** How many listed names the matcher holds. */
    public int size() {
        return listed.size();
    }

    /**
     * The listed entities the name matches at or above the threshold, the best alias of each, best first (ties by the
     * entity's reference, so the order is always the same).
     */
    public List<Match> matches(String name, double threshold) {
        List<String> texts = NameNormaliser.tokens(name);
        if (texts.isEmpty()) {
            return List.of();
        }
        Token[] tokens = Token.all(texts);
        String exactKey = exactKey(texts);
        Map<String, Match> bestPerEntity = new HashMap<>();
        for (int candidate : candidates(tokens)) {
            ListedName entry = listed.get(candidate);
            Match match = exactKey.equals(exactKey(entry.tokens())) ? exact(texts, entry)
                    : score(tokens, listedTokens[candidate], entry);
            if (match == null || match.score() < threshold) {
                continue;
            }
            bestPerEntity.merge(entry.entityId(), match, (a, b) -> b.score() > a.score() ? b : a);
        }
        if (bestPerEntity.isEmpty()) {
            return List.of();
        }
        return bestPerEntity.values().stream()
                .sorted(Comparator.comparingDouble(Match::score).reversed().thenComparing(match -> match.listed().reference())
                        .thenComparing(match -> match.listed().alias()))
                .toList();
    }

    /** The listed names sharing a folded token with the name, each once, in list order. */
    private int[] candidates(Token[] tokens) {
        int[][] found = new int[tokens.length][];
        int total = 0;
        for (int i = 0; i < tokens.length; i++) {
            found[i] = index.getOrDefault(tokens[i].folded(), NONE);
            total += found[i].length;
        }
        if (total == 0) {
            return NONE;
        }
        int[] all = new int[total];
        int at = 0;
        for (int[] bucket : found) {
            System.arraycopy(bucket, 0, all, at, bucket.length);
            at += bucket.length;
        }
        java.util.Arrays.sort(all);
        int unique = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[unique++] = all[i];
            }
        }
        return java.util.Arrays.copyOf(all, unique);
    }

    private static final int[] NONE = new int[0];

    /** The listed names with exactly the name's normalised tokens (any order): the baseline of a hash look-up. */
    public List<ListedName> exactHits(String name) {
        List<String> tokens = NameNormaliser.tokens(name);
        if (tokens.isEmpty()) {
            return List.of();
        }
        return exactIndex.getOrDefault(exactKey(tokens), List.of()).stream().map(listed::get).toList();
    }

    /** The best match at or above the threshold, if any. */
    public Optional<Match> best(String name, double threshold) {
        return matches(name, threshold).stream().findFirst();
    }

    private static Match exact(List<String> tokens, ListedName entry) {
        List<TokenPair> pairs = tokens.stream().map(token -> new TokenPair(token, token, 1.0)).toList();
        return new Match(entry, 1.0, true, pairs, List.of(), List.of());
    }

    /** The greedy best-pair score of the name's tokens against a listed name, or null when it cannot match. */
    static Match score(List<String> tokens, ListedName entry) {
        return score(Token.all(tokens), Token.all(entry.tokens()), entry);
    }

    private static Match score(Token[] tokens, Token[] listedTokens, ListedName entry) {
        int pairsAtMost = tokens.length * listedTokens.length;
        double[] similarities = new double[pairsAtMost];
        int[] pairQ = new int[pairsAtMost];
        int[] pairL = new int[pairsAtMost];
        int found = 0;
        for (int q = 0; q < tokens.length; q++) {
            for (int l = 0; l < listedTokens.length; l++) {
                if (!tokens[q].beginsLike(listedTokens[l])) {
                    continue;
                }
                double similarity = similarity(tokens[q], listedTokens[l]);
                if (similarity >= TOKEN_FLOOR) {
                    similarities[found] = similarity;
                    pairQ[found] = q;
                    pairL[found] = l;
                    found++;
                }
            }
        }
        if (found == 0) {
            return null;
        }
        Integer[] order = new Integer[found];
        for (int i = 0; i < found; i++) {
            order[i] = i;
        }
        // best pairs first; ties in the name's then the list's token order, so the pairing never depends on chance
        java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -similarities[i])
                .thenComparingInt(i -> pairQ[i]).thenComparingInt(i -> pairL[i]));
        boolean[] usedToken = new boolean[tokens.length];
        boolean[] usedListed = new boolean[listedTokens.length];
        // generic words are left out of the pairs that count, unless the names hold nothing else
        boolean distinctive = distinctiveCount(tokens, true) > 0 && distinctiveCount(listedTokens, true) > 0;
        List<TokenPair> pairs = new ArrayList<>();
        int counted = 0;
        double sum = 0;
        for (int i : order) {
            if (usedToken[pairQ[i]] || usedListed[pairL[i]]) {
                continue;
            }
            usedToken[pairQ[i]] = true;
            usedListed[pairL[i]] = true;
            pairs.add(new TokenPair(tokens[pairQ[i]].text(), listedTokens[pairL[i]].text(), similarities[i]));
            if (!distinctive || !listedTokens[pairL[i]].generic()) {
                counted++;
                sum += similarities[i];
            }
        }
        int needed = Math.min(2, Math.min(distinctiveCount(tokens, distinctive), distinctiveCount(listedTokens, distinctive)));
        if (counted < Math.max(1, needed) || counted == 1 && sum < SINGLE_PAIR_FLOOR) {
            return null;
        }
        List<String> unpaired = new ArrayList<>();
        for (int q = 0; q < tokens.length; q++) {
            if (!usedToken[q]) {
                unpaired.add(tokens[q].text());
            }
        }
        List<String> unpairedListed = new ArrayList<>();
        for (int l = 0; l < listedTokens.length; l++) {
            if (!usedListed[l]) {
                unpairedListed.add(listedTokens[l].text());
            }
        }
        double score = sum / (counted + UNPAIRED_WEIGHT * (unpaired.size() + unpairedListed.size()));
        // in the name's token order, as an analyst reads the name
        List<String> texts = java.util.Arrays.stream(tokens).map(Token::text).toList();
        pairs.sort(Comparator.comparingInt(pair -> texts.indexOf(pair.token())));
        // a perfect score from different tokens is impossible; below 1.0 stays below the exact hits
        return new Match(entry, Math.min(score, 0.9999), false, List.copyOf(pairs), List.copyOf(unpaired),
                List.copyOf(unpairedListed));
    }

    private static int distinctiveCount(Token[] tokens, boolean distinctive) {
        int count = 0;
        for (Token token : tokens) {
            if (!distinctive || !token.generic()) {
                count++;
            }
        }
        return count;
    }

    /**
     * Jaro-Winkler of the tokens as written, or, when higher, a blend of it with the similarity of their folded forms
     * ({@link #folded}): Dosh and Dush, Shev and Shew, Testovskij and Testowsky.
     */
    private static double similarity(Token token, Token listedToken) {
        if (token.text().equals(listedToken.text())) {
            return 1.0;
        }
        double written = JARO_WINKLER.apply(token.text(), listedToken.text());
        double folded = token.folded().equals(listedToken.folded()) ? FOLDED_SAME
                : FOLDED_FACTOR * JARO_WINKLER.apply(token.folded(), listedToken.folded());
        return Math.max(written, WRITTEN_WEIGHT * written + (1 - WRITTEN_WEIGHT) * folded);
    }

    /** The similarity of two tokens (see {@link #similarity(Token, Token)}), for tests. */
    static double similarity(String token, String listedToken) {
        return similarity(Token.of(token), Token.of(listedToken));
    }

    /**
     * The token with what transliterations write differently made one: every run of vowels (and j, y) one vowel,
     * sch/sh as s, ch/c/q as k, kh as h, ph as f, w and b as v, z as s, doubled letters single.
     */
    static String folded(String token) {
        String text = token.replace("sch", "s").replace("sh", "s").replace("ch", "k").replace("kh", "h").replace("ph", "f")
                .replace("ck", "k");
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = switch (text.charAt(i)) {
                case 'a', 'e', 'i', 'o', 'u', 'y', 'j' -> 'a';
                case 'c', 'q' -> 'k';
                case 'w', 'b', 'f' -> 'v';
                case 'z' -> 's';
                default -> text.charAt(i);
            };
            if (folded.isEmpty() || folded.charAt(folded.length() - 1) != c) {
                folded.append(c);
            }
        }
        return folded.toString();
    }

    /** The first-letter guard: the same first sound, or the same consonant skeleton. */
    static boolean beginAlike(String token, String listedToken) {
        return Token.of(token).beginsLike(Token.of(listedToken));
    }

    /** The first letter, with letters that transliterations exchange taken as one. */
    static char firstSound(String token) {
        if (token.startsWith("ph")) {
            return 'f';
        }
        char first = token.charAt(0);
        return switch (first) {
            case 'c', 'q' -> 'k';
            case 'j', 'y' -> 'i';
            case 'w', 'b' -> 'v';
            case 'z' -> 's';
            default -> first;
        };
    }

    /**
     * The consonants in order, with letters transliterations exchange taken as one and doubles as single: mohammed and
     * muhammad are both {@code mhmd}, testovskij and testovsky both {@code tstvsk}.
     */
    static String skeleton(String token) {
        StringBuilder skeleton = new StringBuilder(token.length());
        String text = token.replace("ph", "f").replace("kh", "h").replace("ch", "k").replace("sh", "s");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char sound = switch (c) {
                case 'a', 'e', 'i', 'o', 'u', 'y', 'j', 'h' -> i == 0 && c != 'h' ? 'a' : 0;
                case 'c', 'q' -> 'k';
                case 'w' -> 'v';
                case 'z' -> 's';
                default -> c;
            };
            if (sound != 0 && (skeleton.isEmpty() || skeleton.charAt(skeleton.length() - 1) != sound)) {
                skeleton.append(sound);
            }
        }
        return skeleton.toString();
    }

    /** A token's key in the blocking index: its folded form, so that transliterations of it share one. */
    private static String blockingKey(String token) {
        return folded(token);
    }

    private static String exactKey(List<String> tokens) {
        return String.join(" ", tokens.stream().sorted().toList());
    }
}
