package se.clientfunds.ledger;

/** The database refused a posting: an unbalanced entry, a closed business day, or an edit of the journal. */
public class LedgerRefusedException extends RuntimeException {

    public LedgerRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
