package se.clientfunds.pain;

/**
 * Writing a pain.001 failed, or what was written does not match what its header declared; the message names the
 * message id and the batch.
 */
public class Pain001WriteException extends RuntimeException {

    public Pain001WriteException(String message) {
        super(message);
    }

    public Pain001WriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
