package se.clientfunds.camt;

import java.util.Objects;
import java.util.regex.Pattern;

import se.clientfunds.reference.Iban;

/**
 * The other party of an entry: the debtor of a credit, the creditor of a debit.
 * The account is optional because banks do not always report it.
 */
public record Counterparty(String name, String country, Iban account) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Counterparty {
        Objects.requireNonNull(name, "counterparty name");
        if (name.isBlank() || name.length() > 140) {
            throw new IllegalArgumentException("counterparty name '" + name + "' must have 1 to 140 characters");
        }
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("counterparty country '" + country + "' must be an ISO 3166 alpha-2 code");
        }
    }
}
