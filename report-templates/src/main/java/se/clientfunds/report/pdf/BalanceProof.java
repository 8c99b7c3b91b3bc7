package se.clientfunds.report.pdf;

/**
 * The balance proof of an account: statement closing − books closing = bank-only − books-only + residuals; whatever
 * is left is the {@link #unexplained()} difference, the most severe finding there is.
 */
public record BalanceProof(Amount statementClosing, Amount booksClosing, Amount bankOnly, Amount booksOnly,
                           Amount residuals) {

    public BalanceProof {
        if (statementClosing == null) {
            throw new IllegalArgumentException("statementClosing is missing");
        }
        Amount.require("booksClosing", booksClosing, statementClosing.currency());
        Amount.require("bankOnly", bankOnly, statementClosing.currency());
        Amount.require("booksOnly", booksOnly, statementClosing.currency());
        Amount.require("residuals", residuals, statementClosing.currency());
    }

    /** Statement closing − books closing. */
    public Amount difference() {
        return statementClosing.minus(booksClosing);
    }

    /** Bank-only − books-only + residuals: what the open breaks and the tolerance residuals explain. */
    public Amount explained() {
        return bankOnly.minus(booksOnly).plus(residuals);
    }

    public Amount unexplained() {
        return difference().minus(explained());
    }
}
