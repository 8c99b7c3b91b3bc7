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
                          String reason, String reasonCode, Optional<ReportChain.Link> previous, String manifestSha256) {
    }

    /** Why a version was written, as the reports word it: the first, a late statement, a safeguarding action, rewritten. */
    public enum ReasonCode { FIRST, LATE_STATEMENT, SAFEGUARDING_ACTION, REWRITTEN }

    private final JdbcTemplate jdbc;
    private final ReportChain chain;
    private final String manifestKey;

    ReportVersions(JdbcTemplate jdbc, SettlementHome home, SettlementProperties properties) {
        this.jdbc = jdbc;
        this.chain = new ReportChain(home.reports());
        this.manifestKey = properties.reports().manifestKey();
    }

    public ReportChain chain() {
        return chain;
    }

    public Optional<Version> latest(LocalDate day) {
        return jdbc.query(SELECT + " WHERE business_date = ? ORDER BY version DESC LIMIT 1", MAPPER, Date.valueOf(day))
                .stream().findFirst();
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
        jdbc.update("INSERT INTO report_version (business_date, version, job_execution_id, reconciliation_run, operator_action_upto,"
                + " reason, reason_code) VALUES (?, ?, ?, ?, ?, ?, ?)", Date.valueOf(day), version, runId, run == null ? 1 : run, actions,
                se.clientfunds.jobs.ColumnText.fit(reason, 500), (version == 1 ? ReasonCode.FIRST : code).name());
        return get(day, version).orElseThrow();
    }

    /**
     * Writes the version's manifest. The first time, it chains to the manifest written last (the head) and names the
     * version it supersedes; every later time to the same manifests as the first, so the same files give the same
     * bytes. Records the SHA-256 (and its HMAC) when written; returns the SHA-256.
     */
    public String writeManifest(Version version) {
        Optional<ReportChain.Link> previous = version.manifestSha256() != null ? version.previous() : head();
        String sha256 = writeManifest(version, previous, chain);
        jdbc.update("UPDATE report_version SET manifest_sha256 = ?, manifest_hmac = ?, written_at = CURRENT_TIMESTAMP(6),"
                + " previous_date = ?, previous_version = ?, previous_sha256 = ? WHERE business_date = ? AND version = ?",
                sha256, hmac(version.businessDate(), version.version(), sha256).orElse(null),
                previous.map(link -> Date.valueOf(link.businessDate())).orElse(null), previous.map(ReportChain.Link::version).orElse(null),
                previous.map(ReportChain.Link::sha256).orElse(null), Date.valueOf(version.businessDate()), version.version());
        return sha256;
    }

    /**
     * Writes the manifest a version's files in {@code target} give, with the links it was first written with (for a
     * version whose manifest was written already), without recording anything: to see whether the version renders to
     * what was recorded.
     */
    public String manifestAsRecorded(Version version, ReportChain target) {
        if (version.manifestSha256() == null) {
            throw new IllegalStateException("the manifest of the reports of " + version.businessDate() + " version "
                    + version.version() + " was never written");
        }
        return writeManifest(version, version.previous(), target);
    }

    private String writeManifest(Version version, Optional<ReportChain.Link> previous, ReportChain target) {
        Optional<ReportChain.Supersedes> supersedes = Optional.empty();
        if (version.version() > 1) {
            Version before = get(version.businessDate(), version.version() - 1).orElseThrow(() -> new IllegalStateException(
                    "version " + version.version() + " of the reports of " + version.businessDate() + " has no version before it"));
            // what the version before held, as its manifest lists it (not as its folder may look now)
            supersedes = Optional.of(new ReportChain.Supersedes(before.version(), before.manifestSha256(), version.reason(),
                    chain.listed(version.businessDate(), before.version())));
        }
        return target.writeManifest(version.businessDate(), version.version(), previous, supersedes);
    }

    /** The manifest written last, if any. */
    public Optional<ReportChain.Link> head() {
        return jdbc.query("SELECT business_date, version, manifest_sha256 FROM report_version WHERE manifest_sha256 IS NOT NULL"
                + " ORDER BY seq DESC LIMIT 1", (rs, row) -> new ReportChain.Link(rs.getDate(1).toLocalDate(), rs.getInt(2),
                rs.getString(3))).stream().findFirst();
    }

    /** Every manifest as recorded when written, with whether its HMAC checks (null when there is no key or no HMAC). */
    public List<ReportChain.Recorded> recorded() {
        return jdbc.query("SELECT business_date, version, manifest_sha256, manifest_hmac FROM report_version"
                + " WHERE manifest_sha256 IS NOT NULL ORDER BY seq", (rs, row) -> {
                    LocalDate day = rs.getDate(1).toLocalDate();
                    String stored = rs.getString(4);
                    Optional<String> expected = hmac(day, rs.getInt(2), rs.getString(3));
                    Boolean valid = stored == null || expected.isEmpty() ? null : expected.get().equals(stored);
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
            + " reason, previous_date, previous_version, previous_sha256, manifest_sha256, reason_code FROM report_version";

    private static final RowMapper<Version> MAPPER = (rs, row) -> {
        Optional<ReportChain.Link> previous = rs.getDate(7) == null ? Optional.empty()
                : Optional.of(new ReportChain.Link(rs.getDate(7).toLocalDate(), rs.getInt(8), rs.getString(9)));
        return new Version(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getLong(3), rs.getInt(4), rs.getLong(5), rs.getString(6),
                rs.getString(11), previous, rs.getString(10));
    };
}
