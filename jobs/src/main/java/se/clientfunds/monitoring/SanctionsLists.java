package se.clientfunds.monitoring;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import se.clientfunds.sanctions.NameMatcher;
import se.clientfunds.sanctions.NameNormaliser;
import se.clientfunds.sanctions.SanctionsList;

/** The imported sanctions lists: stored whole as the publisher sent them, and the list in force read back for screening. */
@Repository
public class SanctionsLists {

    /** A list as imported: its import, when its publisher generated it, and how much it holds. */
    public record ImportedList(long importId, String fileName, LocalDateTime generatedAtUtc, String generationText,
                               int entities, int aliases) {

        /** How an analyst knows the list: its file and its generation time as published. */
        public String label() {
            return fileName + " (EU list generated " + generationText + ", import " + importId + ")";
        }
    }

    private final JdbcTemplate jdbc;

    public SanctionsLists(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest list imported, by its publisher's generation time: the one screening uses. */
    public Optional<ImportedList> inForce() {
        return jdbc.query("SELECT l.import_id, f.file_name, l.generated_at, l.generation_text, l.entity_count, l.alias_count"
                + " FROM sanctions_list l JOIN imported_file f ON f.id = l.import_id AND f.status = 'IMPORTED'"
                + " ORDER BY l.generated_at DESC, l.import_id DESC LIMIT 1", (rs, row) -> map(rs)).stream().findFirst();
    }

    /** A list by its import id (one an alert names), if it was imported. */
    public Optional<ImportedList> byImport(long importId) {
        return jdbc.query("SELECT l.import_id, f.file_name, l.generated_at, l.generation_text, l.entity_count, l.alias_count"
                + " FROM sanctions_list l JOIN imported_file f ON f.id = l.import_id WHERE l.import_id = ?",
                (rs, row) -> map(rs), importId).stream().findFirst();
    }

    private static ImportedList map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ImportedList(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(), rs.getString(4),
                rs.getInt(5), rs.getInt(6));
    }

    /** Stores a validated list under its import, every entity and alias with its normalised form, in the caller's transaction. */
    public int store(long importId, SanctionsList list) {
        jdbc.update("INSERT INTO sanctions_list (import_id, source, generated_at, generation_text, global_file_id, entity_count,"
                + " alias_count) VALUES (?, 'EU', ?, ?, ?, ?, ?)", importId,
                Timestamp.valueOf(list.generationDate().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()),
                list.generationDate().toString(), list.globalFileId().isEmpty() ? null : list.globalFileId(),
                list.entities().size(), list.entities().stream().mapToInt(entity -> entity.aliases().size()).sum());
        List<Object[]> entities = new ArrayList<>();
        List<Object[]> aliases = new ArrayList<>();
        for (SanctionsList.Entity entity : list.entities()) {
            entities.add(new Object[] {importId, entity.logicalId(), reference(entity), entity.type().name(),
                    fit(entity.birthdates().stream().map(b -> b.date() != null ? b.date().toString() : String.valueOf(b.year()))
                            .collect(Collectors.joining(" ")), 1000),
                    fit(String.join(" ", entity.citizenships()), 500)});
            int number = 1;
            for (SanctionsList.NameAlias alias : entity.aliases()) {
                aliases.add(new Object[] {importId, entity.logicalId(), number++, alias.wholeName(),
                        alias.language().isEmpty() ? null : alias.language(), alias.strong() ? 1 : 0,
                        // (a name that normalises to nothing, only a legal form, is kept as published and never matches)
                        NameNormaliser.normalised(alias.wholeName()).length() > 1000
                                ? NameNormaliser.normalised(alias.wholeName()).substring(0, 1000)
                                : NameNormaliser.normalised(alias.wholeName())});
            }
        }
        jdbc.batchUpdate("INSERT INTO sanctions_entity (import_id, logical_id, reference, subject_type, birthdates, citizenships)"
                + " VALUES (?, ?, ?, ?, ?, ?)", entities);
        jdbc.batchUpdate("INSERT INTO sanctions_alias (import_id, logical_id, alias_no, whole_name, language, strong, normalised)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", aliases);
        return entities.size();
    }

    /** Every name on the list, for screening against it. */
    public NameMatcher matcher(long importId) {
        List<NameMatcher.ListedName> names = jdbc.query("SELECT a.logical_id, e.reference, a.whole_name FROM sanctions_alias a"
                + " JOIN sanctions_entity e ON e.import_id = a.import_id AND e.logical_id = a.logical_id"
                + " WHERE a.import_id = ? ORDER BY a.logical_id, a.alias_no",
                (rs, row) -> NameMatcher.ListedName.of(rs.getString(1), rs.getString(2), rs.getString(3)), importId);
        return new NameMatcher(names);
    }

    private static String reference(SanctionsList.Entity entity) {
        return entity.euReferenceNumber().isEmpty() ? "EU logicalId " + entity.logicalId() : entity.euReferenceNumber();
    }

    private static String fit(String text, int length) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }
}
