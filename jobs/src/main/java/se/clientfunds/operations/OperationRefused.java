package se.clientfunds.operations;

/** An operator asked for something that makes no sense for the execution or day as it stands; the message says why. */
public class OperationRefused extends RuntimeException {

    public OperationRefused(String message) {
        super(message);
    }
}
