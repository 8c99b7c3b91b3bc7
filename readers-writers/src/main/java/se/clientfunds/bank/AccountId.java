package se.clientfunds.bank;

import java.util.Objects;

/** How a bank file names the account it is about: an IBAN, a bankgiro number, or the bank's own account number. */
public record AccountId(Scheme scheme, String value) {

    public enum Scheme { IBAN, BANKGIRO, OTHER }

    public AccountId {
        Objects.requireNonNull(scheme, "scheme");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an account id needs a value");
        }
    }

    public static AccountId iban(String value) {
        return new AccountId(Scheme.IBAN, value);
    }

    public static AccountId bankgiro(String value) {
        return new AccountId(Scheme.BANKGIRO, value);
    }

    @Override
    public String toString() {
        return scheme == Scheme.IBAN ? value : scheme.name().toLowerCase() + " " + value;
    }
}
