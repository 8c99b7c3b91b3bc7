package se.clientfunds.operations;

/** What an operator named does not exist (a job execution, a schedule): refused, and the API answers 404. */
public class NotFound extends OperationRefused {

    public NotFound(String message) {
        super(message);
    }
}
