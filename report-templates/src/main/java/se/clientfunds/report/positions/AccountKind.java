package se.clientfunds.report.positions;

/**
 * The kinds of ledger account in DESIGN §2.3; BANK is the asset, the others are the client-funds liabilities.
 * The invariant checked on the summary sheet is BANK = CLIENT + UNALLOCATED + DEBTOR_CREDIT + PLATFORM_FEES per currency.
 */
public enum AccountKind {
    BANK(true),
    CLIENT(false),
    UNALLOCATED(false),
    DEBTOR_CREDIT(false),
    PLATFORM_FEES(false);

    private final boolean asset;

    AccountKind(boolean asset) {
        this.asset = asset;
    }

    /** An asset grows by debits, a liability by credits. */
    public boolean isAsset() {
        return asset;
    }

    /** Whether an account name such as {@code BANK:SE45...} or {@code UNALLOCATED} is of this kind. */
    boolean names(String account) {
        return account.equals(name()) || account.startsWith(name() + ":");
    }
}
