package se.clientfunds.files;

/** A file whose exact bytes were already imported (or are being imported) is refused, naming that earlier import. */
public class DuplicateFileException extends RuntimeException {

    public DuplicateFileException(String fileName, ImportedFile earlier) {
        super(fileName + " was already " + (earlier.status() == ImportedFile.Status.IMPORTED ? "imported" : "being imported")
                + " as import " + earlier.id() + " (" + earlier.fileName() + ", received " + earlier.receivedAt().withNano(0)
                + (earlier.jobExecutionId() == null ? "" : ", job execution " + earlier.jobExecutionId())
                + ", SHA-256 " + earlier.sha256() + ")");
    }
}
