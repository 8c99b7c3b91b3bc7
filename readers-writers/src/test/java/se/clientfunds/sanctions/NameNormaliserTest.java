package se.clientfunds.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names in any script, case, punctuation and legal form come to one comparable form. */
class NameNormaliserTest {

    @Test
    void scriptsAreTransliteratedAndDiacriticsCaseAndPunctuationLeft() {
        assertThat(NameNormaliser.normalised("Ивар Тестовский")).isEqualTo("ivar testovskij");
        assertThat(NameNormaliser.normalised("IVAR  TESTOVSKIJ")).isEqualTo("ivar testovskij");
        assertThat(NameNormaliser.normalised("Åsa Bäckström")).isEqualTo("asa backstrom");
        assertThat(NameNormaliser.normalised("Jörg Müller-Lüdenscheidt")).isEqualTo("jorg muller ludenscheidt");
        assertThat(NameNormaliser.normalised("Ιωάννης Πέτρου")).isEqualTo("ioannes petrou");
        assertThat(NameNormaliser.tokens("Testovskij, Ivar")).containsExactly("testovskij", "ivar");
    }

    @Test
    void legalFormsAreNotPartOfTheName() {
        assertThat(NameNormaliser.normalised("Nordic Test Trading Ltd.")).isEqualTo("nordic test trading");
        assertThat(NameNormaliser.normalised("Westerlund Åkeri Aktiebolag")).isEqualTo("westerlund akeri");
        assertThat(NameNormaliser.normalised("Example GmbH & Co. KG")).isEqualTo("example");
        assertThat(NameNormaliser.normalised("AB Volvo (publ)")).isEqualTo("volvo");
        assertThat(NameNormaliser.normalised("Equinor ASA")).isEqualTo("equinor");
        // Russian and Ukrainian companies write the form in front, in Latin or Cyrillic script
        assertThat(NameNormaliser.normalised("OOO Romashka")).isEqualTo("romashka");
        assertThat(NameNormaliser.normalised("ООО «Ромашка»")).isEqualTo("romaska");
        assertThat(NameNormaliser.normalised("PAO Romashka")).isEqualTo(NameNormaliser.normalised("Romashka AO"));
        // but a word that is a legal form only where legal forms stand: Åsa and Co are names here
        assertThat(NameNormaliser.normalised("Åsa Co Andersson")).isEqualTo("asa co andersson");
        // and a name that is only a legal form or punctuation leaves nothing to compare
        assertThat(NameNormaliser.tokens("Ltd.")).isEmpty();
        assertThat(NameNormaliser.tokens(" -- ")).isEmpty();
        assertThat(NameNormaliser.tokens(null)).isEmpty();
    }
}
