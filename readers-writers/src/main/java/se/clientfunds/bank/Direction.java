package se.clientfunds.bank;

/** Whether money came into the account (credit) or left it (debit), as the bank reports it. */
public enum Direction {
    CREDIT, DEBIT
}
