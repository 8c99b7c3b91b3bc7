package se.clientfunds.generator;

/**
 * The kinds of trouble the demo data generator plants in otherwise clean files, each with the treatment the
 * pipeline is expected to give it, so tests and demos can check that every one was caught.
 */
public enum AnomalyType {

    /** The payment's OCR reference fails the Luhn check, so it cannot match any invoice. */
    INVALID_OCR("UNALLOCATED"),
    /** The OCR reference is well formed but no invoice carries it. */
    UNKNOWN_OCR("UNALLOCATED"),
    /** Less than the invoice amount was paid. */
    UNDERPAYMENT("PARTIALLY_PAID"),
    /** More than the invoice amount was paid; the excess is owed back to the payer. */
    OVERPAYMENT("DEBTOR_CREDIT"),
    /** An invoice that an earlier payment settled in full is paid again. */
    DUPLICATE_PAYMENT("DEBTOR_CREDIT"),
    /** The bank charged a fee that appears on the statement only, not in any file the books are posted from. */
    BANK_FEE_ON_STATEMENT_ONLY("MISSING_IN_BOOKS"),
    /** A payment notified in camt.054 that the statement (camt.053) does not show. */
    PAYMENT_MISSING_FROM_STATEMENT("MISSING_IN_BANK");

    private final String expected;

    AnomalyType(String expected) {
        this.expected = expected;
    }

    /** The treatment the pipeline should give it, as the word written to {@code truth.json}. */
    public String expected() {
        return expected;
    }
}
