package se.clientfunds.reports;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import se.clientfunds.settings.SettlementHome;
import se.clientfunds.settings.SettlementProperties;

/**
 * The versions of each day's reports (table {@code report_version}): what each version shows (the reconciliation run
 * and the operator actions up to an id, fixed when the version is first written, so that writing it again gives the
 * same bytes), and its manifest's place in the chain: the manifest written before it, its SHA-256 and, with
 * {@code settlement.reports.manifest-key}, an HMAC-SHA256 of it, recorded when written.
 */
@Repository
public class ReportVersions {

    /**
     * One version of a day's reports.
     *
     * @param runId              the id every report of it carries: the first execution of its reportsJob instance
     * @param reconciliationRun  the reconciliation run of the day it shows
     * @param operatorActionUpto the operator actions it shows are those up to this id
     * @param previous           the manifest written before this one's first manifest, empty for the first of all or
     *                           before its manifest was first written
     * @param manifestSha256     its manifest's SHA-256 as recorded, null before the manifest is written
     */
    public record Version(LocalDate businessDate, int version, long runId, int reconciliationRun, long operatorActionUpto,
                          String reason, String reasonCode, Optional<ReportChain.Link> previous, String manifestSha256,
                          long breakEventUpto, long importUpto, String safeguardingMethod, long alertUpto, long alertEventUpto) {
    }

    /** Why a version was written, as the reports word it: the first, a late statement, a safeguarding action, rewritten. */
    public enum ReasonCode { FIRST, LATE_STATEMENT, SAFEGUARDING_ACTION, REWRITTEN }

    private final JdbcTemplate jdbc;
    private final ReportChain chain;
    private final String manifestKey;
    private final LocalDate manifestKeySince;
    private final String safeguardingMethod;

    ReportVersions(JdbcTemplate jdbc, SettlementHome home, SettlementProperties properties) {
        this.jdbc = jdbc;
        this.chain = new ReportChain(home.reports());
        this.manifestKey = properties.reports().manifestKey();
        this.manifestKeySince = properties.reports().manifestKeySince();
        this.safeguardingMethod = properties.safeguarding().method();
    }

    public ReportChain chain() {
        return chain;
    }

    /**
     * Books from before versions were recorded: their report folders' manifests are recorded as they are (version 1 of
     * each day, chained as their files say), so verify checks them and the next manifest chains to the last of them.
     * Done once, when nothing is recorded yet and the folders hold manifests.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void adoptManifestsWrittenBeforeVersions() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM report_version", Integer.class) > 0) {
            return;
        }
        List<LocalDate> days = chain.daysWithManifest();
        long seq = 0;
        long actions = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM operator_action", Long.class);
        for (LocalDate day : days) {
            java.nio.file.Path manifest = chain.folder(day).resolve(ReportChain.MANIFEST);
            Optional<ReportChain.Link> previous = chain.linkNamedBy(day, 1);
            Long run = jdbc.queryForObject("SELECT MIN(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                    + " WHERE i.JOB_NAME = 'reportsJob' AND p.PARAMETER_NAME = 'businessDate' AND p.PARAMETER_VALUE = ?", Long.class,
                    day.toString());
            String sha256 = se.clientfunds.files.Sha256.of(manifest);
            jdbc.update("INSERT INTO report_version (business_date, version, job_execution_id, reconciliation_run, operator_action_upto,"
                    + " reason, reason_code, manifest_sha256, previous_date, previous_version, previous_sha256, written_at, chain_seq,"
                    + " safeguarding_method) VALUES (?, 1, ?, 1, ?, 'written before versions were recorded', 'FIRST', ?, ?, ?, ?,"
                    + " CURRENT_TIMESTAMP(6), ?, ?)", Date.valueOf(day), run == null ? 0 : run, actions, sha256,
                    previous.map(link -> Date.valueOf(link.businessDate())).orElse(null), previous.map(ReportChain.Link::version).orElse(null),
                    previous.map(ReportChain.Link::sha256).orElse(null), ++seq, safeguardingMethod);
        }
    }

    public Optional<Version> latest(LocalDate day) {
        return jdbc.query(SELECT + " WHERE business_date = ? ORDER BY version DESC LIMIT 1", MAPPER, Date.valueOf(day))
                .stream().findFirst();
    }

    /** The latest version of the day whose manifest was written. */
    public Optional<Version> latestWritten(LocalDate day) {
        return jdbc.query(SELECT + " WHERE business_date = ? AND manifest_sha256 IS NOT NULL ORDER BY version DESC LIMIT 1", MAPPER,
                Date.valueOf(day)).stream().findFirst();
    }

    public Optional<Version> get(LocalDate day, int version) {
        return jdbc.query(SELECT + " WHERE business_date = ? AND version = ?", MAPPER, Date.valueOf(day), version).stream().findFirst();
    }

    /**
     * The version, recorded the first time it is asked for with what it shows now (the latest reconciliation run of the
     * day, the operator actions recorded so far); a restart or a regeneration finds it as it was recorded.
     */
    public Version open(LocalDate day, int version, long runId, String reason, ReasonCode code) {
        Optional<Version> existing = get(day, version);
        if (existing.isPresent()) {
            return existing.get();
        }
        Integer run = jdbc.queryForObject("SELECT MAX(run_no) FROM reconciliation_run WHERE business_date = ?", Integer.class,
                Date.valueOf(day));
        long actions = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM operator_action", Long.class);
        long events = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM reconciliation_break_event", Long.class);
        long imports = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM imported_file", Long.class);
        long alerts = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM aml_alert", Long.class);
        long alertEvents = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM aml_alert_event", Long.class);
        jdbc.update("INSERT INTO report_version (business_date, version, job_execution_id, reconciliation_run, operator_action_upto,"
                + " reason, reason_code, break_event_upto, import_upto, safeguarding_method, alert_upto, alert_event_upto)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Date.valueOf(day), version, runId, run == null ? 1 : run, actions, se.clientfunds.jobs.ColumnText.fit(reason, 500),
                (version == 1 ? ReasonCode.FIRST : code).name(), events, imports, safeguardingMethod, alerts, alertEvents);
        return get(day, version).orElseThrow();
    }

    /**
     * Writes the version's manifest. The first time, it chains to the manifest written last (the head) and names the
     * version it supersedes; every later time to the same manifests as the first, so the same files give the same
     * bytes. {@code filings} are the goAML filings made on the day, which it lists too. Records the SHA-256 (and its
     * HMAC) when written; returns the SHA-256.
     */
    public String writeManifest(Version version, List<ReportChain.Filed> filings) {
        Optional<ReportChain.Link> previous = previousOf(version);
        String sha256 = writeManifest(version, previous, chain, filings);
        // its place in the chain: after every manifest written before it (a row lock keeps two writers apart)
        Long seq = jdbc.queryForObject("SELECT chain_seq FROM report_version WHERE business_date = ? AND version = ?", Long.class,
                Date.valueOf(version.businessDate()), version.version());
        if (seq == null) {
            seq = jdbc.queryForObject("SELECT COALESCE(MAX(chain_seq), 0) + 1 FROM report_version FOR UPDATE", Long.class);
        }
        jdbc.update("UPDATE report_version SET manifest_sha256 = ?, manifest_hmac = ?, written_at = CURRENT_TIMESTAMP(6),"
                + " previous_date = ?, previous_version = ?, previous_sha256 = ?, chain_seq = ? WHERE business_date = ? AND version = ?",
                sha256, hmac(version.businessDate(), version.version(), sha256).orElse(null),
                previous.map(link -> Date.valueOf(link.businessDate())).orElse(null), previous.map(ReportChain.Link::version).orElse(null),
                previous.map(ReportChain.Link::sha256).orElse(null), seq, Date.valueOf(version.businessDate()), version.version());
        return sha256;
    }

    /** Locks the chain's records until the caller's transaction ends, so two writers never chain to the same manifest. */
    public void lockChain() {
        jdbc.queryForList("SELECT business_date FROM report_version FOR UPDATE", Date.class);
    }

    /** Notes the previous manifest audit.pdf named when rendered, so the manifest names the same one or audit.pdf is redone. */
    public void auditNamed(Version version, Optional<ReportChain.Link> previous) {
        jdbc.update("UPDATE report_version SET audit_previous_sha256 = ? WHERE business_date = ? AND version = ?",
                previous.map(ReportChain.Link::sha256).orElse(null), Date.valueOf(version.businessDate()), version.version());
    }

    /** Whether audit.pdf was rendered naming another previous manifest than the one the manifest will chain to. */
    public boolean auditNamesAnotherPrevious(Version version) {
        if (version.manifestSha256() != null) {
            return false;
        }
        String named = jdbc.queryForObject("SELECT audit_previous_sha256 FROM report_version WHERE business_date = ? AND version = ?",
                String.class, Date.valueOf(version.businessDate()), version.version());
        return !java.util.Objects.equals(named, head().map(ReportChain.Link::sha256).orElse(null));
    }

    /**
     * Writes the manifest a version's files in {@code target} give, with the links it was first written with (for a
     * version whose manifest was written already), without recording anything: to see whether the version renders to
     * what was recorded.
     */
    public String manifestAsRecorded(Version version, ReportChain target, List<ReportChain.Filed> filings) {
        if (version.manifestSha256() == null) {
            throw new IllegalStateException("the manifest of the reports of " + version.businessDate() + " version "
                    + version.version() + " was never written");
        }
        return writeManifest(version, version.previous(), target, filings);
    }

    private String writeManifest(Version version, Optional<ReportChain.Link> previous, ReportChain target,
                                 List<ReportChain.Filed> filings) {
        Optional<ReportChain.Supersedes> supersedes = Optional.empty();
        if (version.version() > 1) {
            Version before = get(version.businessDate(), version.version() - 1).orElseThrow(() -> new IllegalStateException(
                    "version " + version.version() + " of the reports of " + version.businessDate() + " has no version before it"));
            // what the version before held, as its manifest lists it (not as its folder may look now)
            supersedes = Optional.of(new ReportChain.Supersedes(before.version(), before.manifestSha256(), version.reason(),
                    chain.listed(version.businessDate(), before.version())));
        }
        return target.writeManifest(version.businessDate(), version.version(), previous, supersedes, filings);
    }

    /**
     * Candidate days whose latest version may be behind: its manifest not written, a later reconciliation run of the day,
     * or a safeguarding action about the day recorded after it (oldest first; {@link ReportPublication} decides).
     */
    public List<LocalDate> daysWithLaterChanges() {
        return jdbc.queryForList("SELECT v.business_date FROM report_version v WHERE v.version = (SELECT MAX(l.version)"
                + " FROM report_version l WHERE l.business_date = v.business_date) AND (v.manifest_sha256 IS NULL"
                + " OR v.reconciliation_run < (SELECT MAX(r.run_no) FROM reconciliation_run r WHERE r.business_date = v.business_date)"
                + " OR EXISTS (SELECT 1 FROM safeguarding_action a WHERE a.business_date = v.business_date"
                + "   AND a.operator_action_id > v.operator_action_upto)) ORDER BY v.business_date", Date.class)
                .stream().map(Date::toLocalDate).toList();
    }

    /** The manifest written last, if any. */
    public Optional<ReportChain.Link> head() {
        return jdbc.query("SELECT business_date, version, manifest_sha256 FROM report_version WHERE manifest_sha256 IS NOT NULL"
                + " ORDER BY chain_seq DESC LIMIT 1", (rs, row) -> new ReportChain.Link(rs.getDate(1).toLocalDate(), rs.getInt(2),
                rs.getString(3))).stream().findFirst();
    }

    /**
     * Every manifest as recorded when written, in chain order, with whether its HMAC checks: null when there is no key,
     * or for manifests written before the first one that was keyed; false when it does not match, or when one written
     * after the first keyed manifest has none (a keyed hash cannot be taken away unnoticed).
     */
    public List<ReportChain.Recorded> recorded() {
        boolean[] keyedSeen = {false};
        return jdbc.query("SELECT business_date, version, manifest_sha256, manifest_hmac FROM report_version"
                + " WHERE manifest_sha256 IS NOT NULL ORDER BY chain_seq", (rs, row) -> {
                    LocalDate day = rs.getDate(1).toLocalDate();
                    String stored = rs.getString(4);
                    Optional<String> expected = hmac(day, rs.getInt(2), rs.getString(3));
                    Boolean valid;
                    if (expected.isEmpty()) {
                        valid = null;
                    } else if (stored == null) {
                        // keyed from a date kept in the settings, or from the first keyed manifest on: none may lack it
                        boolean required = keyedSeen[0] || manifestKeySince != null && !day.isBefore(manifestKeySince);
                        valid = required ? Boolean.FALSE : null;
                    } else {
                        keyedSeen[0] = true;
                        valid = expected.get().equals(stored);
                    }
                    return new ReportChain.Recorded(day, rs.getInt(2), rs.getString(3), valid);
                });
    }

    /** The previous manifest's SHA-256 as the version's manifest names it (for audit.pdf), if it was written already. */
    public Optional<ReportChain.Link> previousOf(Version version) {
        return version.manifestSha256() != null ? version.previous() : head();
    }

    private Optional<String> hmac(LocalDate day, int version, String sha256) {
        if (manifestKey == null || manifestKey.isBlank()) {
            return Optional.empty();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(manifestKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] tag = mac.doFinal((day + "|" + version + "|" + sha256).getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(tag));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute HMAC-SHA256 of the manifest of " + day + ": " + e.getMessage(), e);
        }
    }

    private static final String SELECT = "SELECT business_date, version, job_execution_id, reconciliation_run, operator_action_upto,"
            + " reason, previous_date, previous_version, previous_sha256, manifest_sha256, reason_code, break_event_upto, import_upto,"
            + " safeguarding_method, alert_upto, alert_event_upto FROM report_version";

    private static final RowMapper<Version> MAPPER = (rs, row) -> {
        Optional<ReportChain.Link> previous = rs.getDate(7) == null ? Optional.empty()
                : Optional.of(new ReportChain.Link(rs.getDate(7).toLocalDate(), rs.getInt(8), rs.getString(9)));
        return new Version(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getLong(3), rs.getInt(4), rs.getLong(5), rs.getString(6),
                rs.getString(11), previous, rs.getString(10), rs.getLong(12), rs.getLong(13), rs.getString(14), rs.getLong(15),
                rs.getLong(16));
    };
}
