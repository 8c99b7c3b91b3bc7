package se.clientfunds.bank;

/** The bank file formats the pipeline reads; which one a file is comes from its content, never its name. */
public enum BankFileFormat {

    /** ISO 20022 bank-to-customer debit/credit notification: incoming payments. */
    CAMT_054(true),
    /** ISO 20022 bank-to-customer statement: balances and every booked entry. */
    CAMT_053(false),
    /** Bankgirot's fixed-width payment file: incoming bankgiro payments. */
    BGMAX(true),
    /** SWIFT MT940 customer statement. */
    MT940(false);

    private final boolean notification;

    BankFileFormat(boolean notification) {
        this.notification = notification;
    }

    /** Notifications carry payments to post; statements carry balances and entries to reconcile against. */
    public boolean isNotification() {
        return notification;
    }
}
