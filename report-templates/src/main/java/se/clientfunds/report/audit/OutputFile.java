package se.clientfunds.report.audit;

/** A file the day wrote (a report, an export, a payment file), with the SHA-256 of its bytes. */
public record OutputFile(String name, String sha256) {

    public OutputFile {
        Fields.text("name", name, "an output file");
        sha256 = Fields.sha256(sha256, "output file " + name);
    }
}
