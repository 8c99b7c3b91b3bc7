package se.clientfunds.testing;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties every table between tests. TRUNCATE does not fire the ledger's append-only triggers, which is why only
 * tests do it; in production the application's database user should not hold the DROP privilege TRUNCATE needs.
 */
public final class DatabaseReset {

    private static final List<String> TABLES = List.of("journal_line", "journal_entry", "journal_batch", "business_day", "imported_file",
            "client", "invoice", "refund", "accepted_refund", "bank_section", "bank_entry", "bank_transaction",
            "accepted_bank_reference", "payment_allocation", "invoice_allocation", "refund_payment", "payout",
            "outbox_file", "account_position", "operator_action", "reconciliation_item", "reconciliation_match",
            "reconciliation_break", "reconciliation_day", "safeguarding", "reconciliation_run", "reconciliation_break_event",
            "reconciliation_open_break", "report_version", "safeguarding_resource", "safeguarding_action", "job_start",
            "sanctions_list", "sanctions_entity", "sanctions_alias", "aml_alert", "aml_alert_payment", "aml_alert_event", "aml_filing",
            "payment_hold", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
            "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE");

    private DatabaseReset() {
    }

    public static void emptyAllTables(JdbcTemplate jdbc) {
        jdbc.execute("SET FOREIGN_KEY_CHECKS = 0");
        try {
            for (String table : TABLES) {
                jdbc.execute("TRUNCATE TABLE " + table);
            }
        } finally {
            jdbc.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
    }
}
