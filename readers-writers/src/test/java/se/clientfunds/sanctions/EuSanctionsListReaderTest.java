package se.clientfunds.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** The EU consolidated sanctions list as published: read whole, and refused naming the entity and field when broken. */
class EuSanctionsListReaderTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<export xmlns=\""
            + EuSanctionsListReader.NAMESPACE + "\" generationDate=\"2026-01-05T21:24:35.826+01:00\" globalFileId=\"1\">\n";
    private static final String PERSON = "<sanctionEntity logicalId=\"7\"><subjectType code=\"person\"/>"
            + "<nameAlias wholeName=\"Ivar Testovsky\" strong=\"true\"/></sanctionEntity>\n";

    @Test
    void theListIsReadWithItsNamesDatesCountriesAndDocuments() throws IOException {
        SanctionsList list;
        try (InputStream in = getClass().getResourceAsStream("/sanctions/eu-list-demo.xml")) {
            list = EuSanctionsListReader.read(in, "eu-list-demo.xml");
        }
        assertThat(list.generationDate()).isEqualTo(OffsetDateTime.parse("2026-01-05T21:24:35.826+01:00"));
        assertThat(list.globalFileId()).isEqualTo("900001");
        assertThat(list.entities()).extracting(SanctionsList.Entity::logicalId).containsExactly("90001", "90002", "90003");

        SanctionsList.Entity ivar = list.entities().get(0);
        assertThat(ivar.type()).isEqualTo(SanctionsList.SubjectType.PERSON);
        assertThat(ivar.euReferenceNumber()).isEqualTo("EU.9001.01");
        // (the whole name with its spaces made single, as published otherwise, Cyrillic kept for the matcher to transliterate)
        assertThat(ivar.aliases()).containsExactly(new SanctionsList.NameAlias("Ivar Testovsky", "EN", true),
                new SanctionsList.NameAlias("Ивар Тестовский", "RU", false));
        assertThat(ivar.birthdates()).containsExactly(new SanctionsList.Birthdate(LocalDate.of(1961, 2, 3), null));
        assertThat(ivar.citizenships()).containsExactly("RU");
        assertThat(ivar.identifications()).containsExactly(new SanctionsList.Identification("TST1234567", "passport", "RU"));

        SanctionsList.Entity company = list.entities().get(1);
        assertThat(company.type()).isEqualTo(SanctionsList.SubjectType.ENTERPRISE);
        assertThat(company.aliases()).extracting(SanctionsList.NameAlias::wholeName).containsExactly("Nordic Test Trading Ltd");

        SanctionsList.Entity olga = list.entities().get(2);
        assertThat(olga.euReferenceNumber()).isEmpty();
        assertThat(olga.birthdates()).containsExactly(new SanctionsList.Birthdate(null, 1975));
        // (00 is the EU's "unknown", not a country)
        assertThat(olga.citizenships()).isEmpty();
    }

    @Test
    void aListIsRecognisedByItsStart() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/sanctions/eu-list-demo.xml")) {
            assertThat(EuSanctionsListReader.recognises(new String(in.readNBytes(4096), StandardCharsets.UTF_8))).isTrue();
        }
        assertThat(EuSanctionsListReader.recognises("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
                + "camt.054.001.08\">")).isFalse();
    }

    @Test
    void aBrokenListIsRefusedNamingTheEntityAndTheField() {
        assertRefused(HEAD + "<sanctionEntity logicalId=\"7\"><subjectType code=\"person\"/><nameAlias wholeName=\" \"/>"
                + "</sanctionEntity></export>", "list.xml sanctionEntity logicalId=7 (line 3): no nameAlias with a wholeName: an"
                + " entity without a name cannot be screened against");
        assertRefused(HEAD + "<sanctionEntity logicalId=\"7\"><nameAlias wholeName=\"A B\"/></sanctionEntity></export>",
                "list.xml sanctionEntity logicalId=7 (line 3): subjectType is missing: a person or an enterprise");
        assertRefused(HEAD + "<sanctionEntity logicalId=\"7\"><subjectType code=\"vessel\"/><nameAlias wholeName=\"A B\"/>"
                + "</sanctionEntity></export>", "list.xml sanctionEntity logicalId=7 (line 3): subjectType/@code 'vessel' is"
                + " not person or enterprise");
        assertRefused(HEAD + "<sanctionEntity><subjectType code=\"person\"/><nameAlias wholeName=\"A B\"/></sanctionEntity>"
                + "</export>", "list.xml sanctionEntity at line 3: logicalId is missing");
        assertRefused(HEAD + PERSON + PERSON + "</export>", "list.xml sanctionEntity logicalId=7 (line 4): logicalId 7 is also"
                + " the entity's at line 3: each entity is listed once");
        assertRefused(HEAD + "<sanctionEntity logicalId=\"7\"><subjectType code=\"person\"/><nameAlias wholeName=\"A B\"/>"
                + "<birthdate birthdate=\"1961-02-30\"/></sanctionEntity></export>", "list.xml sanctionEntity logicalId=7"
                + " (line 3): birthdate '1961-02-30' is not a date (yyyy-MM-dd) or a year");
        assertRefused(HEAD + "<sanctionEntity logicalId=\"7\"><subjectType code=\"person\"/><nameAlias wholeName=\"A B\"/>"
                + "<citizenship countryIso2Code=\"Sweden\"/></sanctionEntity></export>", "list.xml sanctionEntity logicalId=7"
                + " (line 3): citizenship/@countryIso2Code 'Sweden' is not an ISO 3166 alpha-2 code");
        assertRefused(HEAD + "</export>", "list.xml export: the list holds no sanctionEntity: a published list is never empty,"
                + " and an empty one would clear every hold");
        assertRefused(HEAD.replace("2026-01-05T21:24:35.826+01:00", "yesterday") + PERSON + "</export>", "list.xml export:"
                + " generationDate 'yesterday' is not a date and time with its offset, such as 2026-01-05T21:24:35.826+01:00");
        assertRefused(HEAD.replace(" generationDate=\"2026-01-05T21:24:35.826+01:00\"", "") + PERSON + "</export>",
                "list.xml export: generationDate is missing: a list says when it was generated");
        assertRefused("<?xml version=\"1.0\"?><export xmlns=\"urn:other\"/>", "list.xml root element: not an EU consolidated"
                + " sanctions list: the root is {urn:other}export, not {" + EuSanctionsListReader.NAMESPACE + "}export");
    }

    @Test
    void xmlThatIsNotWellFormedOrCarriesADoctypeIsRefusedWithoutReadingIt() {
        assertThatThrownBy(() -> read(HEAD + PERSON)).isInstanceOf(SanctionsListException.class)
                .hasMessageStartingWith("list.xml: not well-formed XML at line ");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><!DOCTYPE export [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<export xmlns=\"" + EuSanctionsListReader.NAMESPACE + "\">&x;</export>"))
                .isInstanceOf(SanctionsListException.class).hasMessageStartingWith("list.xml prolog: DOCTYPE not allowed");
    }

    private static void assertRefused(String xml, String message) {
        assertThatThrownBy(() -> read(xml)).isInstanceOf(SanctionsListException.class).hasMessage(message);
    }

    private static SanctionsList read(String xml) {
        return EuSanctionsListReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "list.xml");
    }
}
