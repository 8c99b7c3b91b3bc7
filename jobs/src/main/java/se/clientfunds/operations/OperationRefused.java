package se.clientfunds.operations;

import se.clientfunds.outcome.InputError;

/** An operator asked for something that makes no sense for the execution or day as it stands; the message says why. */
public class OperationRefused extends InputError {

    public OperationRefused(String message) {
        super(message);
    }
}
