package se.clientfunds.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Screening as an analyst would judge it: variants of a listed name match and say why; other names do not. */
class NameMatcherTest {

    private static final double THRESHOLD = 0.90;

    private final NameMatcher matcher = new NameMatcher(List.of(
            NameMatcher.ListedName.of("90001", "EU.9001.01", "Ivar Petrovich Testovsky"),
            NameMatcher.ListedName.of("90001", "EU.9001.01", "Ивар Тестовский"),
            NameMatcher.ListedName.of("90002", "EU.9002.02", "Golden Star Trading LLC"),
            NameMatcher.ListedName.of("90003", "EU.9003.03", "Mohammed Ali Haddad")));

    @Test
    void anExactHitIsTheSameTokensInAnyOrder() {
        // when
        NameMatcher.Match match = matcher.best("TESTOVSKIJ, Ivar", THRESHOLD).orElseThrow();
        // then
        assertThat(match.exact()).isTrue();
        assertThat(match.score()).isEqualTo(1.0);
        assertThat(match.listed().alias()).isEqualTo("Ивар Тестовский");
        assertThat(match.explanation()).isEqualTo("exact hit on alias \"Ивар Тестовский\" of EU.9001.01 (entity 90001):"
                + " testovskij, ivar");
        assertThat(matcher.exactHits("Golden Star Trading Ltd")).extracting(NameMatcher.ListedName::entityId)
                .containsExactly("90002");
    }

    @Test
    void aMissingMiddleNameATypoAndAnotherSpellingMatchBelowExact() {
        // when
        NameMatcher.Match noMiddle = matcher.best("Mohammed Haddad", THRESHOLD).orElseThrow();
        NameMatcher.Match typo = matcher.best("Ivar Petrovich Testowsky", THRESHOLD).orElseThrow();
        NameMatcher.Match spelling = matcher.best("Muhammad Ali Hadad", THRESHOLD).orElseThrow();
        // then
        assertThat(noMiddle.exact()).isFalse();
        assertThat(noMiddle.score()).isGreaterThanOrEqualTo(THRESHOLD).isLessThan(1.0);
        assertThat(noMiddle.explanation()).isEqualTo("score 0.93 on alias \"Mohammed Ali Haddad\" of EU.9003.03"
                + " (entity 90003): mohammed, haddad; not in the name: ali");
        assertThat(typo.explanation()).startsWith("score 0.9").contains("testowsky~testovsky 0.9");
        assertThat(spelling.listed().entityId()).isEqualTo("90003");
        assertThat(spelling.unpaired()).isEmpty();
    }

    @Test
    void namesThatOnlyShareAWordOrAFirstNameDoNotMatch() {
        assertThat(matcher.matches("Nordic Star Trading AB", THRESHOLD)).isEmpty();
        assertThat(matcher.matches("Ivar Karlsson", THRESHOLD)).isEmpty();
        assertThat(matcher.matches("Testovsky", THRESHOLD)).isEmpty();
        assertThat(matcher.matches("Mohammed", THRESHOLD)).isEmpty();
        assertThat(matcher.matches("AB", THRESHOLD)).isEmpty();
        // one token shared, the others different: below the threshold, but scored
        assertThat(NameMatcher.score(NameNormaliser.tokens("Anna Testovsky"), NameMatcher.ListedName.of("1", "1",
                "Ivar Testovsky"))).isNull();
    }

    @Test
    void theFirstLetterGuardAllowsForTransliteration() {
        assertThat(NameMatcher.beginAlike("yuri", "iouri")).isTrue();
        assertThat(NameMatcher.beginAlike("chaykovskiy", "tchaikovsky")).isFalse();
        assertThat(NameMatcher.beginAlike("mohammed", "muhammad")).isTrue();
        assertThat(NameMatcher.skeleton("mohammed")).isEqualTo(NameMatcher.skeleton("muhammad"));
        assertThat(NameMatcher.skeleton("testovskij")).isEqualTo("tstvsk");
        assertThat(NameMatcher.beginAlike("karl", "marl")).isFalse();
    }

    @Test
    void theLabelledSetIsFoundWithFewFalsePositives() {
        // given
        LabelledNames.Set set = LabelledNames.generate(2_000, 2_000, 20_000, 13);
        NameMatcher listMatcher = new NameMatcher(set.list());
        // when
        int found = 0;
        int falsePositives = 0;
        Map<LabelledNames.Kind, Integer> missedByKind = new EnumMap<>(LabelledNames.Kind.class);
        for (LabelledNames.Labelled name : set.names()) {
            List<NameMatcher.Match> matches = listMatcher.matches(name.name(), THRESHOLD);
            if (name.listed()) {
                if (matches.stream().anyMatch(match -> match.listed().entityId().equals(name.entityId()))) {
                    found++;
                } else {
                    missedByKind.merge(name.kind(), 1, Integer::sum);
                }
            } else if (!matches.isEmpty()) {
                falsePositives++;
            }
        }
        // then
        long listed = set.names().stream().filter(LabelledNames.Labelled::listed).count();
        double recall = (double) found / listed;
        double falsePositiveRate = (double) falsePositives / (set.names().size() - listed);
        assertThat(recall).as("recall (missed: %s)", missedByKind).isGreaterThanOrEqualTo(0.98);
        assertThat(falsePositiveRate).as("false-positive rate").isLessThanOrEqualTo(0.001);
    }
}
