package se.clientfunds.files;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;


/** The register of input files by SHA-256: refuses a file already imported, records what became of each. */
@Repository
public class ImportedFiles {

    /** The kind recorded for a file that is not recognisably any extract. */
    public static final String UNRECOGNISED = "UNRECOGNISED";

    private final JdbcTemplate jdbc;

    public ImportedFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The accepted (importing or imported) file with these bytes, if any. */
    public Optional<ImportedFile> accepted(String sha256) {
        return jdbc.query("SELECT * FROM imported_file WHERE accepted_sha256 = ?", ImportedFiles::map, sha256)
                .stream().findFirst();
    }

    /**
     * Registers a file as being imported and returns its import id, or refuses it when the same bytes were
     * already accepted. The database's unique key settles a race between two processes.
     */
    public long register(Path file, String kind, String sha256, long sizeBytes, LocalDate businessDate, Long jobExecutionId) {
        accepted(sha256).ifPresent(earlier -> {
            throw new DuplicateFileException(file.getFileName().toString(), earlier);
        });
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.update(connection -> {
                var statement = connection.prepareStatement("INSERT INTO imported_file"
                        + " (file_name, kind, sha256, accepted_sha256, size_bytes, status, business_date, job_execution_id)"
                        + " VALUES (?, ?, ?, ?, ?, 'IMPORTING', ?, ?)", new String[] {"id"});
                statement.setString(1, file.getFileName().toString());
                statement.setString(2, kind);
                statement.setString(3, sha256);
                statement.setString(4, sha256);
                statement.setLong(5, sizeBytes);
                statement.setDate(6, businessDate == null ? null : Date.valueOf(businessDate));
                statement.setObject(7, jobExecutionId);
                return statement;
            }, keys);
        } catch (DuplicateKeyException e) {
            throw new DuplicateFileException(file.getFileName().toString(), accepted(sha256).orElseThrow(() -> e));
        }
        return keys.getKey().longValue();
    }

    /** The id of the newest completed import, 0 when there is none: imports are numbered in the order they were registered. */
    public long lastImported() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM imported_file WHERE status = 'IMPORTED'", Long.class);
    }

    public void markImported(long importId, long recordCount) {
        jdbc.update("UPDATE imported_file SET status = 'IMPORTED', record_count = ?, completed_at = CURRENT_TIMESTAMP(6)"
                + " WHERE id = ? AND status = 'IMPORTING'", recordCount, importId);
    }

    /** Marks the file rejected: its bytes may be sent again once the cause is fixed. */
    public void markRejected(long importId, String reason) {
        jdbc.update("UPDATE imported_file SET status = 'REJECTED', accepted_sha256 = NULL, reason = ?, completed_at = CURRENT_TIMESTAMP(6)"
                + " WHERE id = ?", fitted(reason), importId);
    }

    /**
     * Gives up the import of these bytes that an operator abandoned: the bytes may be imported afresh, and the
     * payments it had claimed are free for that new attempt (the ledger still posts each payment only once).
     */
    public void abandon(String sha256, String reason) {
        for (Long importId : jdbc.queryForList("SELECT id FROM imported_file WHERE accepted_sha256 = ? AND status = 'IMPORTING'",
                Long.class, sha256)) {
            jdbc.update("DELETE FROM accepted_bank_reference WHERE import_id = ?", importId);
            jdbc.update("DELETE FROM accepted_refund WHERE import_id = ?", importId);
            markRejected(importId, reason);
        }
    }

    /** The import of these bytes registered by an earlier execution of the same job instance, if any. */
    public Optional<Long> registeredByJobInstance(String sha256, long jobInstanceId) {
        return jdbc.queryForList("SELECT f.id FROM imported_file f JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = f.job_execution_id"
                + " WHERE f.accepted_sha256 = ? AND f.status = 'IMPORTING' AND e.JOB_INSTANCE_ID = ?", Long.class, sha256,
                jobInstanceId).stream().findFirst();
    }

    /** Keeps something the operator should know about an import beside it (for an imported file, in {@code reason}). */
    public void note(long importId, String note) {
        jdbc.update("UPDATE imported_file SET reason = ? WHERE id = ?", fitted(note), importId);
    }

    /** Records a file refused before it could be registered (unreadable, unknown kind): for the audit trail. */
    public void recordRefused(Path file, String kind, String sha256, long sizeBytes, LocalDate businessDate, String reason) {
        jdbc.update("INSERT INTO imported_file (file_name, kind, sha256, size_bytes, status, business_date, reason, completed_at)"
                + " VALUES (?, ?, ?, ?, 'REJECTED', ?, ?, CURRENT_TIMESTAMP(6))", file.getFileName().toString(),
                kind == null ? UNRECOGNISED : kind, sha256, sizeBytes,
                businessDate == null ? null : Date.valueOf(businessDate), fitted(reason));
    }

    /** How often these bytes were rejected before: a file sent again after a rejection is a new attempt. */
    public long rejectedCount(String sha256) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM imported_file WHERE sha256 = ? AND status = 'REJECTED'", Long.class,
                sha256);
    }

    private static String fitted(String reason) {
        return reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason;
    }

    private static ImportedFile map(ResultSet rs, int row) throws SQLException {
        return new ImportedFile(rs.getLong("id"), rs.getString("file_name"), rs.getString("kind"), rs.getString("sha256"),
                rs.getLong("size_bytes"), ImportedFile.Status.valueOf(rs.getString("status")),
                (Long) rs.getObject("job_execution_id", Long.class), (Long) rs.getObject("record_count", Long.class),
                rs.getString("reason"), rs.getTimestamp("received_at").toLocalDateTime());
    }
}
