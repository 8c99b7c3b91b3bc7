package se.clientfunds.reconciliation;

import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * One account's balance proof of a reconciliation run (DESIGN §2.5): statement CLBD − books BANK closing = bank-only
 * − books-only + residuals + resolved by operators, exactly; what is left is the unexplained difference, the most
 * severe finding there is.
 *
 * @param statementClosing    the statement's CLBD, or null when no statement arrived for the day
 * @param ledgerClosing       the books' BANK closing as the close wrote it
 * @param bankOnly            the bank sides of the breaks open at the end of the run, signed (money in positive)
 * @param booksOnly           their books sides, signed
 * @param residuals           tolerance residuals (bank − books) of the matches up to the day
 * @param resolvedByOperators what breaks operators wrote off without a match stand for (bank − books)
 * @param unexplained         what the proof leaves over as the run worked it out; null exactly when there is no statement
 */
public record BalanceProof(Money statementClosing, Money ledgerClosing, Money bankOnly, Money booksOnly, Money residuals,
                           Money resolvedByOperators, Money unexplained) {

    public BalanceProof {
        Objects.requireNonNull(ledgerClosing, "ledgerClosing");
        Objects.requireNonNull(bankOnly, "bankOnly");
        Objects.requireNonNull(booksOnly, "booksOnly");
        Objects.requireNonNull(residuals, "residuals");
        Objects.requireNonNull(resolvedByOperators, "resolvedByOperators");
        if ((statementClosing == null) != (unexplained == null)) {
            throw new IllegalArgumentException("balance proof: unexplained " + unexplained + " without a statement closing "
                    + statementClosing + " (both or neither)");
        }
        for (Money figure : new Money[] {statementClosing, bankOnly, booksOnly, residuals, resolvedByOperators, unexplained}) {
            if (figure != null && !figure.currency().equals(ledgerClosing.currency())) {
                throw new IllegalArgumentException("balance proof in " + ledgerClosing.currency() + ": a figure is in "
                        + figure.currency() + " (" + figure + ")");
            }
        }
    }

    /** The proof of a run: the unexplained rest worked out from the figures, none without a statement. */
    public static BalanceProof of(Money statementClosing, Money ledgerClosing, Money bankOnly, Money booksOnly, Money residuals,
                                  Money resolvedByOperators) {
        Money unexplained = statementClosing == null ? null : statementClosing.minus(ledgerClosing)
                .minus(bankOnly.minus(booksOnly).plus(residuals).plus(resolvedByOperators));
        return new BalanceProof(statementClosing, ledgerClosing, bankOnly, booksOnly, residuals, resolvedByOperators,
                unexplained);
    }

    /** Whether books and bank agree to the öre, every difference explained; never without a statement. */
    public boolean proven() {
        return unexplained != null && unexplained.isZero();
    }
}
