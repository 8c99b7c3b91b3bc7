package se.clientfunds.files;

/** What the import jobs keep in their job execution context, and the exit code of an import that was refused. */
public final class ImportContext {

    /** The exit code of an import job that refused its file (the job itself completed). */
    public static final String REJECTED = "REJECTED";
    /** The id of the file's row in {@code imported_file}. */
    public static final String IMPORT_ID = "importId";
    /** What the file is, as stored in {@code imported_file.kind}. */
    public static final String KIND = "kind";
    /** How the file is described to an operator ({@code invoices}, {@code camt.054.001.08}). */
    public static final String LABEL = "label";
    /** Rows (or entries) the file holds, once validated. */
    public static final String ROWS = "rows";
    /** Something the operator should know about an imported file (duplicate payments not posted again). */
    public static final String NOTE = "note";
    /** What was tolerated in a bank file that was read all the same (its verdict's warnings), in one line. */
    public static final String WARNINGS = "warnings";
    /** Why the file was refused. */
    public static final String REASON = "reason";

    private ImportContext() {
    }
}
