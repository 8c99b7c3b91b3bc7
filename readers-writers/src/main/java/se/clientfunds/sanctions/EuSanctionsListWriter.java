package se.clientfunds.sanctions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a sanctions list in the EU consolidated list's export shape ({@code export/sanctionEntity} with
 * {@code subjectType}, {@code nameAlias}, {@code citizenship}, {@code birthdate}, {@code identification}), for our own
 * test and demo lists: what {@link EuSanctionsListReader} reads back.
 */
public final class EuSanctionsListWriter {

    private EuSanctionsListWriter() {
    }

    public static void write(SanctionsList list, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(list, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static void write(SanctionsList list, OutputStream out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeComment(" Made-up names in the EU's export shape: no real person's data. ");
            xml.writeCharacters("\n");
            xml.writeStartElement("export");
            xml.writeDefaultNamespace(EuSanctionsListReader.NAMESPACE);
            xml.writeAttribute("generationDate", list.generationDate().toString());
            xml.writeAttribute("globalFileId", list.globalFileId());
            int logical = 1;
            for (SanctionsList.Entity entity : list.entities()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("sanctionEntity");
                xml.writeAttribute("euReferenceNumber", entity.euReferenceNumber());
                xml.writeAttribute("logicalId", entity.logicalId());
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("subjectType");
                xml.writeAttribute("code", entity.type() == SanctionsList.SubjectType.PERSON ? "person" : "enterprise");
                xml.writeAttribute("classificationCode", entity.type() == SanctionsList.SubjectType.PERSON ? "P" : "E");
                for (SanctionsList.NameAlias alias : entity.aliases()) {
                    xml.writeCharacters("\n    ");
                    xml.writeEmptyElement("nameAlias");
                    xml.writeAttribute("wholeName", alias.wholeName());
                    xml.writeAttribute("nameLanguage", alias.language());
                    xml.writeAttribute("strong", String.valueOf(alias.strong()));
                    xml.writeAttribute("logicalId", entity.logicalId() + "-" + logical++);
                }
                for (String country : entity.citizenships()) {
                    xml.writeCharacters("\n    ");
                    xml.writeEmptyElement("citizenship");
                    xml.writeAttribute("countryIso2Code", country);
                }
                for (SanctionsList.Birthdate birthdate : entity.birthdates()) {
                    xml.writeCharacters("\n    ");
                    xml.writeEmptyElement("birthdate");
                    xml.writeAttribute("birthdate", birthdate.date() == null ? "" : birthdate.date().toString());
                    xml.writeAttribute("year", birthdate.date() == null ? String.valueOf(birthdate.year())
                            : String.valueOf(birthdate.date().getYear()));
                }
                for (SanctionsList.Identification identification : entity.identifications()) {
                    xml.writeCharacters("\n    ");
                    xml.writeEmptyElement("identification");
                    xml.writeAttribute("number", identification.number());
                    xml.writeAttribute("identificationTypeCode", identification.typeCode());
                    xml.writeAttribute("countryIso2Code", identification.countryIso2() == null ? "" : identification.countryIso2());
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.writeCharacters("\n");
            xml.close();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("cannot write the sanctions list", e));
        }
    }
}
