package se.clientfunds.database;

/** JDBC driver settings shared by the embedded server and an external one. */
public final class DatabaseUrls {

    /**
     * Bulk protocol for batched inserts (one round trip per chunk), server-side prepared statements cached,
     * and LOAD DATA LOCAL INFILE allowed (the bank import's staging, {@link LoadDataRows}, and the benchmark's baseline).
     */
    public static final String BATCH_SETTINGS =
            "useBulkStmts=true&useBulkStmtsForInserts=true&useServerPrepStmts=true&cachePrepStmts=true&allowLocalInfile=true";

    private DatabaseUrls() {
    }
}
