package se.clientfunds.camt;

/** Writing a camt file failed, or what was written would not be a consistent file; the message names the file's id. */
public class CamtWriteException extends RuntimeException {

    public CamtWriteException(String message) {
        super(message);
    }

    public CamtWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
