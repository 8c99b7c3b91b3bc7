package se.clientfunds.close;

/** BANK ≠ CLIENT + UNALLOCATED + DEBTOR_CREDIT + PLATFORM_FEES in some currency: the day must not close. */
public class InvariantBrokenException extends RuntimeException {

    public InvariantBrokenException(String message) {
        super(message);
    }
}
