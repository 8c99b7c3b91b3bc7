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

    /**
     * The closing balance in the account's normal direction: an asset (BANK) grows by its debits, every other kind
     * (what is owed) by its credits. The one place this rule is written; {@link #closingSql} is its SQL form.
     */
    public long closing(long opening, long debit, long credit) {
        return asset ? Math.addExact(opening, Math.subtractExact(debit, credit))
                : Math.addExact(opening, Math.subtractExact(credit, debit));
    }

    /** {@link #closing} as an SQL expression over an account-kind column and the opening, debit and credit expressions. */
    public static String closingSql(String kindColumn, String opening, String debit, String credit) {
        StringBuilder assets = new StringBuilder();
        for (AccountKind kind : values()) {
            if (kind.asset) {
                assets.append(assets.isEmpty() ? "" : ", ").append('\'').append(kind.name()).append('\'');
            }
        }
        return "CASE WHEN " + kindColumn + " IN (" + assets + ") THEN " + opening + " + " + debit + " - " + credit
                + " ELSE " + opening + " + " + credit + " - " + debit + " END";
    }

    /** Whether an account of this kind is one per something (a bank account, a client) or a single one. */
    public boolean isQualified() {
        return this == BANK || this == CLIENT;
    }
}
