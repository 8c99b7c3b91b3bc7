package se.clientfunds.sanctions;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.camt.SafeXml;

/**
 * Reads the EU consolidated financial sanctions list (the "xmlFullSanctionsList_1_1" export) whole, with the same
 * refusal of DTDs and entities as the bank files, and validates it before anything uses it: the {@code export} root in
 * its namespace with its {@code generationDate}; each {@code sanctionEntity} with a unique {@code logicalId}, a subject
 * type, at least one {@code nameAlias} with a {@code wholeName}, and well-formed birth dates and country codes. A
 * refusal names the file, the entity (its logicalId and line) and the field. Elements the pipeline does not use
 * (regulations, addresses, remarks) are passed over.
 */
public final class EuSanctionsListReader {

    /** The namespace of the EU's export. */
    public static final String NAMESPACE = "http://eu.europa.ec/fpi/fsd/export";

    /** More entities than any list the EU has published holds many times over: a guard against a runaway file. */
    static final int MAX_ENTITIES = 200_000;

    /** The longest id and reference taken (the EU's are a few characters), and the longest name. */
    static final int MAX_ID = 64;
    static final int MAX_NAME = 1000;

    private EuSanctionsListReader() {
    }

    private static void requireLength(String value, int max, String fileName, String where, String field) {
        if (value.length() > max) {
            throw new SanctionsListException(fileName, where, field + " is " + value.length() + " characters long, more than the "
                    + max + " taken: '" + value.substring(0, 40) + "...'");
        }
    }

    /** Whether the start of a file (its first few kilobytes, as text) is an EU sanctions list: what import detection asks. */
    public static boolean recognises(String start) {
        return start.contains("<export") && start.contains(NAMESPACE);
    }

    /** Whether the file is an EU sanctions list, told by its first few kilobytes (never by its name). */
    public static boolean recognises(java.nio.file.Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] start = in.readNBytes(4096);
            return recognises(new String(start, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            // unreadable: whatever import the file is given to says why
            return false;
        }
    }

    /** Reads and validates the whole list. */
    public static SanctionsList read(InputStream in, String fileName) {
        XMLStreamReader xml;
        try {
            xml = SafeXml.openAtRoot(in, fileName);
        } catch (BankFileException e) {
            throw new SanctionsListException(fileName, e.location(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2), e);
        }
        try {
            return export(xml, fileName);
        } catch (XMLStreamException e) {
            throw new SanctionsListException(fileName, "", SafeXml.describe(e), e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the reading's own outcome is what counts
            }
        }
    }

    private static SanctionsList export(XMLStreamReader xml, String fileName) throws XMLStreamException {
        if (!NAMESPACE.equals(xml.getNamespaceURI()) || !"export".equals(xml.getLocalName())) {
            throw new SanctionsListException(fileName, "root element", "not an EU consolidated sanctions list: the root is {"
                    + (xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI()) + "}" + xml.getLocalName() + ", not {"
                    + NAMESPACE + "}export");
        }
        String generated = attribute(xml, "generationDate");
        if (generated.isEmpty()) {
            throw new SanctionsListException(fileName, "export", "generationDate is missing: a list says when it was generated");
        }
        OffsetDateTime generationDate;
        try {
            generationDate = OffsetDateTime.parse(generated);
        } catch (DateTimeParseException e) {
            throw new SanctionsListException(fileName, "export", "generationDate '" + generated + "' is not a date and time with"
                    + " its offset, such as 2026-01-05T21:24:35.826+01:00");
        }
        String globalFileId = attribute(xml, "globalFileId");
        List<SanctionsList.Entity> entities = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("sanctionEntity".equals(xml.getLocalName()) && NAMESPACE.equals(xml.getNamespaceURI())) {
                    int line = xml.getLocation().getLineNumber();
                    SanctionsList.Entity entity = entity(xml, fileName, line);
                    Integer before = seen.putIfAbsent(entity.logicalId(), line);
                    if (before != null) {
                        throw new SanctionsListException(fileName, where(entity.logicalId(), line), "logicalId " + entity.logicalId()
                                + " is also the entity's at line " + before + ": each entity is listed once");
                    }
                    if (entities.size() == MAX_ENTITIES) {
                        throw new SanctionsListException(fileName, where(entity.logicalId(), line), "more than " + MAX_ENTITIES
                                + " entities: not a sanctions list this pipeline takes");
                    }
                    entities.add(entity);
                } else {
                    skip(xml);
                }
            }
        }
        if (entities.isEmpty()) {
            throw new SanctionsListException(fileName, "export", "the list holds no sanctionEntity: a published list is never"
                    + " empty, and an empty one would clear every hold");
        }
        return new SanctionsList(generationDate, globalFileId, entities);
    }

    private static SanctionsList.Entity entity(XMLStreamReader xml, String fileName, int line) throws XMLStreamException {
        String logicalId = attribute(xml, "logicalId");
        if (logicalId.isEmpty()) {
            throw new SanctionsListException(fileName, "sanctionEntity at line " + line, "logicalId is missing");
        }
        String where = where(logicalId, line);
        requireLength(logicalId, MAX_ID, fileName, where, "logicalId");
        String reference = attribute(xml, "euReferenceNumber");
        requireLength(reference, MAX_ID, fileName, where, "euReferenceNumber");
        SanctionsList.SubjectType type = null;
        List<SanctionsList.NameAlias> aliases = new ArrayList<>();
        List<SanctionsList.Birthdate> birthdates = new ArrayList<>();
        List<String> citizenships = new ArrayList<>();
        List<SanctionsList.Identification> identifications = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "subjectType" -> type = subjectType(attribute(xml, "code"), fileName, where);
                case "nameAlias" -> {
                    String whole = attribute(xml, "wholeName").strip().replaceAll("\\s+", " ");
                    requireLength(whole, MAX_NAME, fileName, where, "nameAlias/@wholeName");
                    if (!whole.isEmpty()) {
                        aliases.add(new SanctionsList.NameAlias(whole, attribute(xml, "nameLanguage"),
                                "true".equals(attribute(xml, "strong"))));
                    }
                }
                case "birthdate" -> birthdates.add(birthdate(xml, fileName, where));
                case "citizenship" -> {
                    String country = country(attribute(xml, "countryIso2Code"), fileName, where, "citizenship/@countryIso2Code");
                    if (country != null) {
                        citizenships.add(country);
                    }
                }
                case "identification" -> {
                    String number = attribute(xml, "number").strip();
                    if (!number.isEmpty()) {
                        identifications.add(new SanctionsList.Identification(number, attribute(xml, "identificationTypeCode"),
                                country(attribute(xml, "countryIso2Code"), fileName, where, "identification/@countryIso2Code")));
                    }
                }
                default -> {
                    // regulations, addresses, remarks: not used here
                }
            }
            skip(xml);
        }
        if (type == null) {
            throw new SanctionsListException(fileName, where, "subjectType is missing: a person or an enterprise");
        }
        if (aliases.isEmpty()) {
            throw new SanctionsListException(fileName, where, "no nameAlias with a wholeName: an entity without a name cannot be"
                    + " screened against");
        }
        return new SanctionsList.Entity(logicalId, reference, type, aliases, birthdates, citizenships, identifications);
    }

    private static SanctionsList.SubjectType subjectType(String code, String fileName, String where) {
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "person" -> SanctionsList.SubjectType.PERSON;
            case "enterprise" -> SanctionsList.SubjectType.ENTERPRISE;
            default -> throw new SanctionsListException(fileName, where, "subjectType/@code '" + code + "' is not person or"
                    + " enterprise");
        };
    }

    private static SanctionsList.Birthdate birthdate(XMLStreamReader xml, String fileName, String where) {
        String date = attribute(xml, "birthdate");
        String year = attribute(xml, "year");
        try {
            if (!date.isEmpty()) {
                return new SanctionsList.Birthdate(LocalDate.parse(date), null);
            }
            if (!year.isEmpty()) {
                return new SanctionsList.Birthdate(null, Integer.parseInt(year));
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new SanctionsListException(fileName, where, "birthdate '" + (date.isEmpty() ? year : date) + "' is not a date"
                    + " (yyyy-MM-dd) or a year");
        }
        throw new SanctionsListException(fileName, where, "birthdate gives neither a date nor a year");
    }

    /** An ISO alpha-2 country code; the EU writes {@code 00} (or nothing) for unknown, which is no country. */
    private static String country(String code, String fileName, String where, String field) {
        if (code.isEmpty() || "00".equals(code)) {
            return null;
        }
        if (!code.matches("[A-Z]{2}")) {
            throw new SanctionsListException(fileName, where, field + " '" + code + "' is not an ISO 3166 alpha-2 code");
        }
        return code;
    }

    private static String where(String logicalId, int line) {
        return "sanctionEntity logicalId=" + logicalId + " (line " + line + ")";
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    /** Passes over the element the reader stands on, with all it holds. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
