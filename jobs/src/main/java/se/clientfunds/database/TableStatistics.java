package se.clientfunds.database;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refreshes the optimizer's statistics of the tables a job has just filled in bulk, once the job has completed.
 * InnoDB recalculates them on its own while a big load is still running, and may keep figures from the middle of it:
 * after a million invoices arrived in one import, the index on the import id was counted as one row per import, and
 * the allocation's look-up of invoices by OCR scanned the whole import for every chunk (minutes instead of a second).
 * {@code ANALYZE TABLE} samples a few pages per index (milliseconds) and commits on its own, so it runs after the
 * job, outside any step's transaction. A failure is logged and does not fail the job: the rows are written either way.
 */
public final class TableStatistics implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

    private final JdbcTemplate jdbc;
    private final List<String> tables;

    /** @param tables the tables to refresh, named by the job's code (never by input) */
    public TableStatistics(JdbcTemplate jdbc, String... tables) {
        if (tables.length == 0) {
            throw new IllegalArgumentException("no tables named");
        }
        for (String table : tables) {
            if (!table.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not a table name: " + table);
            }
        }
        this.jdbc = jdbc;
        this.tables = List.of(tables);
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        if (jobExecution.getStatus() == BatchStatus.COMPLETED) {
            refresh();
        }
    }

    /** {@code ANALYZE TABLE} of the tables; logged, never thrown, when the database refuses. */
    public void refresh() {
        try {
            jdbc.query("ANALYZE TABLE " + String.join(", ", tables), rs -> {
                // one row per table; a table the server could not analyse says so in Msg_type/Msg_text
                if ("error".equalsIgnoreCase(rs.getString("Msg_type"))) {
                    log.warn("statistics of {} not refreshed: {}", rs.getString("Table"), rs.getString("Msg_text"));
                }
            });
        } catch (DataAccessException e) {
            log.warn("statistics of {} not refreshed: {}", tables, e.getMostSpecificCause().getMessage());
        }
    }
}
