package se.clientfunds.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What we write in the EU's shape reads back as the same list. */
class EuSanctionsListWriterTest {

    @Test
    void aWrittenListReadsBackWhole() {
        // given
        SanctionsList list = new SanctionsList(OffsetDateTime.parse("2026-03-01T10:15:30.5+01:00"), "777", List.of(
                new SanctionsList.Entity("1", "EU.1.1", SanctionsList.SubjectType.PERSON,
                        List.of(new SanctionsList.NameAlias("Ivar Testovsky", "EN", true),
                                new SanctionsList.NameAlias("Ивар Тестовский", "RU", false)),
                        List.of(new SanctionsList.Birthdate(LocalDate.of(1961, 2, 3), null), new SanctionsList.Birthdate(null, 1962)),
                        List.of("RU"), List.of(new SanctionsList.Identification("TST1", "passport", "RU"))),
                new SanctionsList.Entity("2", "", SanctionsList.SubjectType.ENTERPRISE,
                        List.of(new SanctionsList.NameAlias("Golden <Star> & Trading", "", true)), List.of(), List.of(), List.of())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // when
        EuSanctionsListWriter.write(list, out);
        SanctionsList read = EuSanctionsListReader.read(new ByteArrayInputStream(out.toByteArray()), "written.xml");
        // then
        assertThat(read).isEqualTo(list);
        assertThat(EuSanctionsListReader.recognises(out.toString(java.nio.charset.StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void theLabelledListIsAListOfTheEusShape() {
        // given
        LabelledNames.Set set = LabelledNames.generate(50, 0, 0, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // when
        EuSanctionsListWriter.write(set.asEuList(OffsetDateTime.parse("2026-03-01T10:00:00Z"), "1"), out);
        SanctionsList read = EuSanctionsListReader.read(new ByteArrayInputStream(out.toByteArray()), "labelled.xml");
        // then
        assertThat(read.entities()).hasSize(50);
        assertThat(read.entities().get(0).aliases().get(0).wholeName()).isEqualTo(set.list().get(0).alias());
    }
}
