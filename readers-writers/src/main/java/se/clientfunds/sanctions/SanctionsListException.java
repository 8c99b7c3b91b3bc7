package se.clientfunds.sanctions;

/** A sanctions list that cannot be taken, naming the file, where in it (the entity and field) and what is wrong. */
public class SanctionsListException extends RuntimeException {

    public SanctionsListException(String fileName, String location, String reason) {
        this(fileName, location, reason, null);
    }

    public SanctionsListException(String fileName, String location, String reason, Throwable cause) {
        super(fileName + (location == null || location.isEmpty() ? "" : " " + location) + ": " + reason, cause);
    }
}
