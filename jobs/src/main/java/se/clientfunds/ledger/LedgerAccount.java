package se.clientfunds.ledger;

import java.util.Objects;

import se.clientfunds.reference.Iban;

/**
 * A ledger account: its kind plus, for BANK and CLIENT, the IBAN or client id it is kept for.
 * Its name is {@code BANK:<iban>}, {@code CLIENT:<client_id>}, {@code UNALLOCATED}, {@code DEBTOR_CREDIT} or
 * {@code PLATFORM_FEES}.
 */
public record LedgerAccount(AccountKind kind, String qualifier) {

    public static final LedgerAccount UNALLOCATED = new LedgerAccount(AccountKind.UNALLOCATED, null);
    public static final LedgerAccount DEBTOR_CREDIT = new LedgerAccount(AccountKind.DEBTOR_CREDIT, null);
    public static final LedgerAccount PLATFORM_FEES = new LedgerAccount(AccountKind.PLATFORM_FEES, null);

    public LedgerAccount {
        Objects.requireNonNull(kind, "kind");
        if (kind.isQualified() && (qualifier == null || qualifier.isBlank())) {
            throw new IllegalArgumentException("a " + kind + " account needs " + (kind == AccountKind.BANK ? "an IBAN" : "a client id"));
        }
        if (!kind.isQualified() && qualifier != null) {
            throw new IllegalArgumentException("the " + kind + " account has no qualifier, got '" + qualifier + "'");
        }
        if (kind == AccountKind.BANK && !Iban.isValid(qualifier)) {
            throw new IllegalArgumentException(Iban.problem(qualifier));
        }
    }

    public static LedgerAccount bank(String iban) {
        return new LedgerAccount(AccountKind.BANK, iban);
    }

    public static LedgerAccount client(String clientId) {
        return new LedgerAccount(AccountKind.CLIENT, clientId);
    }

    /** Parses a name as written by {@link #name()}. */
    public static LedgerAccount parse(String name) {
        int colon = name.indexOf(':');
        AccountKind kind = AccountKind.valueOf(colon < 0 ? name : name.substring(0, colon));
        return new LedgerAccount(kind, colon < 0 ? null : name.substring(colon + 1));
    }

    public String name() {
        return qualifier == null ? kind.name() : kind.name() + ":" + qualifier;
    }

    @Override
    public String toString() {
        return name();
    }
}
