package se.clientfunds.goaml;

/** A goAML report that cannot be written or does not validate: the message names the report and the cause. */
public class GoamlException extends RuntimeException {

    public GoamlException(String message, Throwable cause) {
        super(message, cause);
    }
}
