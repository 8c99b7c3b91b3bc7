package se.clientfunds.generator;

/** The bank simulator cannot execute a payment order file or rewrite a statement; the message names the file. */
public class BankSimulationException extends RuntimeException {

    public BankSimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
