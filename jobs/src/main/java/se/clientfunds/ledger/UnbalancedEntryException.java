package se.clientfunds.ledger;

import java.util.Currency;

import se.clientfunds.money.Money;

/** Refuses a journal entry whose debits and credits differ in a currency. */
public class UnbalancedEntryException extends IllegalArgumentException {

    public UnbalancedEntryException(String eventType, String reference, Currency currency, long debitsMinusCredits) {
        super("journal entry " + eventType + " " + reference + " does not balance in " + currency.getCurrencyCode()
                + ": debits exceed credits by " + new Money(debitsMinusCredits, currency).toDecimalString());
    }
}
