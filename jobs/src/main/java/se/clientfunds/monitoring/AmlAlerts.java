package se.clientfunds.monitoring;

import static se.clientfunds.jobs.ColumnText.fit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The alerts table: raising an alert once, whatever restarts happen, and what analysts do with it. */
@Repository
public class AmlAlerts {

    private final JdbcTemplate jdbc;

    public AmlAlerts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Raises the alert, or finds the one raised before with the same rule, subject, business date and evidence (a
     * restarted run); returns its id. The payments it rests on are attached once.
     */
    public long raise(NewAlert alert, Long jobExecutionId) {
        String subject = fit(alert.subject(), 200);
        String evidenceKey = fit(alert.evidenceKey(), 300);
        jdbc.update("INSERT IGNORE INTO aml_alert (rule, severity, business_date, subject_kind, subject, evidence_key,"
                + " amount_minor, currency, explanation, sanctions_list, job_execution_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", alert.rule().name(), alert.severity().name(),
                Date.valueOf(alert.businessDate()), alert.subjectKind().name(), subject, evidenceKey,
                alert.amount() == null ? null : alert.amount().minorUnits(),
                alert.amount() == null ? null : alert.amount().currency().getCurrencyCode(), fit(alert.explanation(), 2000),
                alert.sanctionsList(), jobExecutionId);
        long id = jdbc.queryForObject("SELECT id FROM aml_alert WHERE rule = ? AND subject_kind = ? AND subject = ?"
                + " AND business_date = ? AND evidence_key = ?", Long.class, alert.rule().name(), alert.subjectKind().name(),
                subject, Date.valueOf(alert.businessDate()), evidenceKey);
        for (String payment : alert.payments()) {
            int slash = payment.indexOf('/');
            jdbc.update("INSERT IGNORE INTO aml_alert_payment (alert_id, account_iban, bank_reference) VALUES (?, ?, ?)", id,
                    payment.substring(0, slash), payment.substring(slash + 1));
        }
        return id;
    }

    /**
     * Whether a sanctions match of this subject on this evidence was raised already, on any day and against any list:
     * screening the same party again (a new list, a client extract sent again) raises nothing new about the same match.
     */
    public boolean sanctionsMatchRaised(NewAlert.SubjectKind kind, String subject, String evidenceKey) {
        return !jdbc.queryForList("SELECT 1 FROM aml_alert WHERE rule = 'SANCTIONS_MATCH' AND subject_kind = ? AND subject = ?"
                + " AND evidence_key = ? LIMIT 1", Integer.class, kind.name(), fit(subject, 200), fit(evidenceKey, 300)).isEmpty();
    }

    /** Whether an exact hit (severity HIGH) of this subject on this evidence was raised already, on any day. */
    public boolean exactSanctionsMatchRaised(NewAlert.SubjectKind kind, String subject, String evidenceKey) {
        return !jdbc.queryForList("SELECT 1 FROM aml_alert WHERE rule = 'SANCTIONS_MATCH' AND subject_kind = ? AND subject = ?"
                + " AND evidence_key = ? AND severity = 'HIGH' LIMIT 1", Integer.class, kind.name(), fit(subject, 200),
                fit(evidenceKey, 300)).isEmpty();
    }

    /** How many alerts each rule raised on the day, by rule. */
    public Map<String, Long> countByRule(LocalDate day) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT rule, COUNT(*) FROM aml_alert WHERE business_date = ? GROUP BY rule ORDER BY rule", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, Date.valueOf(day));
        return counts;
    }
}
