package se.clientfunds.report.pdf;

import se.clientfunds.report.Amount;

/**
 * The balance proof of an account: statement closing − books closing = bank-only − books-only + tolerance residuals +
 * written off by operators; whatever is left is the {@link #unexplained()} difference, the most severe finding there is.
 *
 * @param residuals  what matches under the tolerance left (bank − books), never hidden
 * @param writtenOff what breaks resolved by operators without a match stand for (bank − books), with who and why in
 *                   the audit: a line of its own, not folded into the residuals
 */
public record BalanceProof(Amount statementClosing, Amount booksClosing, Amount bankOnly, Amount booksOnly,
                           Amount residuals, Amount writtenOff) {

    /** A proof with nothing written off. */
    public BalanceProof(Amount statementClosing, Amount booksClosing, Amount bankOnly, Amount booksOnly, Amount residuals) {
        this(statementClosing, booksClosing, bankOnly, booksOnly, residuals,
                statementClosing == null ? null : new Amount(0, statementClosing.currency()));
    }

    public BalanceProof {
        if (statementClosing == null) {
            throw new IllegalArgumentException("statementClosing is missing");
        }
        Amount.require("booksClosing", booksClosing, statementClosing.currency());
        Amount.require("bankOnly", bankOnly, statementClosing.currency());
        Amount.require("booksOnly", booksOnly, statementClosing.currency());
        Amount.require("residuals", residuals, statementClosing.currency());
        Amount.require("writtenOff", writtenOff, statementClosing.currency());
    }

    /** Statement closing − books closing. */
    public Amount difference() {
        return statementClosing.minus(booksClosing);
    }

    /** Bank-only − books-only + residuals + written off: what the open breaks, residuals and write-offs explain. */
    public Amount explained() {
        return bankOnly.minus(booksOnly).plus(residuals).plus(writtenOff);
    }

    public Amount unexplained() {
        return difference().minus(explained());
    }
}
