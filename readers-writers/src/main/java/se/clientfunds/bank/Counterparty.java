package se.clientfunds.bank;

/**
 * The other party of a transaction as the bank reports it: the payer of a credit, the payee of a debit.
 * Any part may be null; banks send what they have.
 */
public record Counterparty(String name, String account, String country) {

    public static final Counterparty UNKNOWN = new Counterparty(null, null, null);
}
