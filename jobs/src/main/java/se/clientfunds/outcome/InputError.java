package se.clientfunds.outcome;

/**
 * The operator asked for something that cannot be as the books stand (a date that is not a banking day, a day not yet
 * reconciled, a break resolved twice, a home in use): nothing was changed, and the message says what and, where it
 * helps, what to do instead. Exit 2 on the command line.
 */
public class InputError extends RuntimeException {

    public InputError(String message) {
        super(message);
    }

    public InputError(String message, Throwable cause) {
        super(message, cause);
    }
}
