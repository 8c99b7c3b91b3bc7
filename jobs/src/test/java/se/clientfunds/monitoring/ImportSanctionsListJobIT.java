package se.clientfunds.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.files.FileImports;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.sanctions.EuSanctionsListWriter;
import se.clientfunds.sanctions.SanctionsList;
import se.clientfunds.settings.SettlementHome;
import se.clientfunds.testing.DatabaseReset;
import se.clientfunds.testing.JobsTestApplication;
import se.clientfunds.testing.TestFolders;

/** A sanctions list through {@code settle import}: detected by content, validated whole, stored, refused twice. */
@SpringBootTest(classes = JobsTestApplication.class)
class ImportSanctionsListJobIT {

    private static final LocalDate DATE = LocalDate.of(2026, 3, 2);

    @Autowired
    FileImports imports;

    @Autowired
    SanctionsLists lists;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SettlementHome home;

    @TempDir
    Path dir;

    @BeforeEach
    void emptyDatabaseAndFolders() throws IOException {
        DatabaseReset.emptyAllTables(jdbc);
        TestFolders.empty(home.quarantine(), home.archive());
    }

    @Test
    void aListIsStoredWholeAndBecomesTheListInForce() throws Exception {
        // given
        Path file = write("list.xml", list("2026-03-01T18:00:00+01:00", person("7001", "EU.7001.01", "Ivar Testovsky", "Ивар Тестовский")));
        // when
        ImportOutcome outcome = imports.importFile(file, DATE);
        // then
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        assertThat(outcome.kind()).isEqualTo("EU sanctions list");
        assertThat(outcome.rows()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT normalised FROM sanctions_alias ORDER BY alias_no", String.class))
                .containsExactly("ivar testovsky", "ivar testovskij");
        SanctionsLists.ImportedList inForce = lists.inForce().orElseThrow();
        assertThat(inForce.generationText()).isEqualTo("2026-03-01T18:00+01:00");
        assertThat(inForce.generatedAtUtc()).isEqualTo("2026-03-01T17:00");
        assertThat(lists.matcher(inForce.importId()).exactHits("TESTOVSKY Ivar")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT kind FROM imported_file WHERE id = ?", String.class, inForce.importId()))
                .isEqualTo("SANCTIONS_LIST");
    }

    @Test
    void theSameListTwiceAndAnOlderListAreRefused() throws Exception {
        // given
        SanctionsList newer = list("2026-03-01T18:00:00+01:00", person("7001", "EU.7001.01", "Ivar Testovsky"));
        imports.importFile(write("list.xml", newer), DATE);
        // when
        ImportOutcome again = imports.importFile(write("again.xml", newer), DATE);
        ImportOutcome older = imports.importFile(write("older.xml", list("2026-02-01T18:00:00+01:00",
                person("7002", "EU.7002.01", "Olga Exempel"))), DATE);
        // then
        assertThat(again.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(again.message()).contains("again.xml").contains("already");
        assertThat(older.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(older.message()).isEqualTo("older.xml: the list was generated 2026-02-01T18:00+01:00, not after the list"
                + " in force, list.xml (EU list generated 2026-03-01T18:00+01:00, import " + lists.inForce().orElseThrow().importId()
                + "): an older list would screen against names since changed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sanctions_entity", Integer.class)).isEqualTo(1);
        assertThat(Files.readString(home.quarantine().resolve("older.xml.reason.txt"))).contains("not after the list in force");
    }

    @Test
    void aBrokenListIsQuarantinedNamingTheEntityAndFieldAndNothingIsStored() throws Exception {
        // given: the second entity has no name
        String broken = Files.readString(write("good.xml", list("2026-03-01T18:00:00+01:00",
                person("7001", "EU.7001.01", "Ivar Testovsky"), person("7002", "EU.7002.01", "Olga Exempel"))))
                .replace("wholeName=\"Olga Exempel\"", "wholeName=\"\"");
        Path file = dir.resolve("broken.xml");
        Files.writeString(file, broken, StandardCharsets.UTF_8);
        // when
        ImportOutcome outcome = imports.importFile(file, DATE);
        // then
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(outcome.message()).isEqualTo("broken.xml sanctionEntity logicalId=7002 (line 8): no nameAlias with a"
                + " wholeName: an entity without a name cannot be screened against");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sanctions_list", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sanctions_alias", Integer.class)).isZero();
        assertThat(Files.readString(home.quarantine().resolve("broken.xml.reason.txt")))
                .contains("Kind: EU sanctions list").contains("logicalId=7002");
    }

    @Test
    void aListWithADoctypeIsRefusedBeforeAnythingIsRead() throws Exception {
        // given
        Path file = dir.resolve("entities.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<!DOCTYPE export [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\" generationDate=\"2026-03-01T18:00:00+01:00\">&x;</export>\n",
                StandardCharsets.UTF_8);
        // when
        ImportOutcome outcome = imports.importFile(file, DATE);
        // then
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.REJECTED);
        assertThat(outcome.message()).isEqualTo("entities.xml prolog: DOCTYPE not allowed: <!DOCTYPE export [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\">]>");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sanctions_list", Integer.class)).isZero();
    }

    static SanctionsList list(String generated, SanctionsList.Entity... entities) {
        return new SanctionsList(OffsetDateTime.parse(generated), "1", List.of(entities));
    }

    static SanctionsList.Entity person(String id, String reference, String... names) {
        return new SanctionsList.Entity(id, reference, SanctionsList.SubjectType.PERSON,
                java.util.Arrays.stream(names).map(name -> new SanctionsList.NameAlias(name, "", true)).toList(), List.of(),
                List.of(), List.of());
    }

    private Path write(String name, SanctionsList list) {
        Path file = dir.resolve(name);
        EuSanctionsListWriter.write(list, file);
        return file;
    }
}
