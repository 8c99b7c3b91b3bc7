package se.clientfunds.bank;

/** A bank file that cannot be read as what it claims to be, naming the file, where in it, and what is wrong. */
public class BankFileException extends RuntimeException {

    private final String fileName;
    private final String location;

    public BankFileException(String fileName, String location, String reason) {
        this(fileName, location, reason, null);
    }

    public BankFileException(String fileName, String location, String reason, Throwable cause) {
        super(fileName + (location == null || location.isEmpty() ? "" : " " + location) + ": " + reason, cause);
        this.fileName = fileName;
        this.location = location;
    }

    public String fileName() {
        return fileName;
    }

    public String location() {
        return location;
    }
}
