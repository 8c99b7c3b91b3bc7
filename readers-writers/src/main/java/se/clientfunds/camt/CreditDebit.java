package se.clientfunds.camt;

/** Direction of an entry or balance in ISO 20022 cash-management messages ({@code CdtDbtInd}). */
public enum CreditDebit {
    /** Money into the account. */
    CRDT,
    /** Money out of the account. */
    DBIT
}
