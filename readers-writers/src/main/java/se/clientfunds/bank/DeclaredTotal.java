package se.clientfunds.bank;

import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * One count or sum a bank file declares about a section's entries (camt {@code TxsSummry}), which validation checks
 * against the entries to the minor unit; {@code element} names where the file says it, for the reason.
 *
 * @param entries which entries it is about
 * @param count   the number of entries declared, or null when this total is an amount
 * @param amount  the amount declared, or null when this total is a count: for {@link Entries#NET} signed (credits
 *                minus debits), otherwise the sum of the entries' amounts without their sign
 */
public record DeclaredTotal(String element, Entries entries, Long count, Money amount) {

    /** The entries a total is about. */
    public enum Entries {
        /** every entry; a sum adds credits and debits alike, without sign */
        ALL,
        CREDITS,
        DEBITS,
        /** every entry, credits minus debits */
        NET
    }

    public DeclaredTotal {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(entries, element + ": entries");
        if ((count == null) == (amount == null)) {
            throw new IllegalArgumentException(element + ": a declared total is a count or an amount, not " + count + " and " + amount);
        }
        if (entries == Entries.NET && count != null) {
            throw new IllegalArgumentException(element + ": a net total is an amount, not the count " + count);
        }
    }

    public static DeclaredTotal count(String element, Entries entries, long count) {
        return new DeclaredTotal(element, entries, count, null);
    }

    public static DeclaredTotal amount(String element, Entries entries, Money amount) {
        return new DeclaredTotal(element, entries, null, amount);
    }
}
