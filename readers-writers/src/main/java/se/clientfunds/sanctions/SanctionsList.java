package se.clientfunds.sanctions;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One published sanctions list: when its publisher generated it, its file id, and every entity on it.
 *
 * @param generationDate when the publisher generated the list (the {@code export} element's {@code generationDate})
 * @param globalFileId   the publisher's id of this file, empty when it gives none
 */
public record SanctionsList(OffsetDateTime generationDate, String globalFileId, List<Entity> entities) {

    public SanctionsList {
        entities = List.copyOf(entities);
    }

    /** Whether a sanctioned entity is a natural person or an enterprise (an organisation, a vessel...). */
    public enum SubjectType { PERSON, ENTERPRISE }

    /**
     * A sanctioned person or enterprise.
     *
     * @param logicalId          the publisher's stable id of the entity
     * @param euReferenceNumber  the EU reference ({@code EU.27.28}), empty when it gives none
     * @param aliases            every name it is listed under, at least one
     * @param birthdates         a person's known birth dates (a whole date, or a year only)
     * @param citizenships       ISO 3166 alpha-2 codes
     * @param identifications    passports, national ids and other documents
     */
    public record Entity(String logicalId, String euReferenceNumber, SubjectType type, List<NameAlias> aliases,
                         List<Birthdate> birthdates, List<String> citizenships, List<Identification> identifications) {

        public Entity {
            aliases = List.copyOf(aliases);
            birthdates = List.copyOf(birthdates);
            citizenships = List.copyOf(citizenships);
            identifications = List.copyOf(identifications);
        }
    }

    /** A name an entity is listed under, whole as published; {@code strong} is the publisher's mark of a reliable name. */
    public record NameAlias(String wholeName, String language, boolean strong) {
    }

    /** A birth date: the whole date when known, else the year only ({@code date} null). */
    public record Birthdate(LocalDate date, Integer year) {
    }

    /** An identity document: its number, its kind ({@code passport}, {@code id}...) and the issuing country, if given. */
    public record Identification(String number, String typeCode, String countryIso2) {
    }
}
