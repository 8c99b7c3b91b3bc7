package se.clientfunds.database;

import se.clientfunds.outcome.InputError;

/**
 * Another process holds the settlement home's embedded database: a second command on the same home is refused
 * rather than queued, so two processes never run jobs on one home behind each other's back.
 */
public class HomeInUseException extends InputError {

    public HomeInUseException(String message) {
        super(message);
    }
}
