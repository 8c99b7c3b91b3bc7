package se.clientfunds.ledger;

/** The five kinds of ledger account (DESIGN §2.3) and the side on which each normally carries its balance. */
public enum AccountKind {

    /** Money on a client-funds bank account, as our books see it. */
    BANK(true),
    /** Collected money owed to a client. */
    CLIENT(false),
    /** Received but not (yet) matched to an invoice. */
    UNALLOCATED(false),
    /** Overpayments and duplicates owed back to payers. */
    DEBTOR_CREDIT(false),
    /** The platform's own fees, to be swept out. */
    PLATFORM_FEES(false);

    private final boolean asset;

    AccountKind(boolean asset) {
        this.asset = asset;
    }

    public boolean isAsset() {
        return asset;
    }

    /** Whether an account of this kind is one per something (a bank account, a client) or a single one. */
    public boolean isQualified() {
        return this == BANK || this == CLIENT;
    }
}
