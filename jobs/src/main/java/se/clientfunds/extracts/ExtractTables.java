package se.clientfunds.extracts;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import se.clientfunds.database.TableStatistics;
import se.clientfunds.extract.ExtractKind;

/** The tables an extract is loaded into, and the claims on refund ids ({@code accepted_refund}). */
@Repository
class ExtractTables {

    private final JdbcTemplate jdbc;

    ExtractTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Refreshes the optimizer's statistics of the extract tables once an import has completed. */
    TableStatistics statistics() {
        return new TableStatistics(jdbc, "client", "invoice", "refund");
    }

    /** The rows an import of the kind loaded so far. */
    long loadedRows(ExtractKind kind, long importId) {
        String table = switch (kind) {
            case CLIENTS -> "client";
            case INVOICES -> "invoice";
            case REFUNDS -> "refund";
        };
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE import_id = ?", Long.class, importId);
    }

    /** The refund ids claimed by the refunds files imported so far. */
    Set<String> claimedRefundIds() {
        return new HashSet<>(jdbc.queryForList("SELECT refund_id FROM accepted_refund", String.class));
    }

    /**
     * Claims the ids of the refunds the import loaded.
     *
     * @throws org.springframework.dao.DuplicateKeyException when another file claimed one of them first
     */
    void claimRefunds(long importId) {
        jdbc.update("INSERT INTO accepted_refund (refund_id, import_id) SELECT refund_id, import_id FROM refund"
                + " WHERE import_id = ?", importId);
    }
}
