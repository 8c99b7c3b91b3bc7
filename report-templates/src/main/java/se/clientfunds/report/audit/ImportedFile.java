package se.clientfunds.report.audit;

/**
 * An input file the day saw, imported or not.
 *
 * @param kind         the file format, e.g. {@code CAMT053} or {@code BGMAX}
 * @param sizeBytes    the file's size in bytes
 * @param status       what became of it, e.g. {@code IMPORTED}, {@code DUPLICATE}, {@code REJECTED}
 * @param importedRows records imported from it, 0 when it was refused
 */
public record ImportedFile(String name, String kind, String sha256, long sizeBytes, String status, long importedRows) {

    public ImportedFile {
        Fields.text("name", name, "an input file");
        String of = "input file " + name;
        Fields.text("kind", kind, of);
        sha256 = Fields.sha256(sha256, of);
        Fields.notNegative("sizeBytes", sizeBytes, of);
        Fields.text("status", status, of);
        Fields.notNegative("importedRows", importedRows, of);
    }
}
