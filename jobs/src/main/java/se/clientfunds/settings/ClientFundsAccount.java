package se.clientfunds.settings;

import java.util.Currency;

import se.clientfunds.money.CurrencyCodes;
import se.clientfunds.reference.Iban;

/** A segregated bank account holding clients' money, as configured under {@code settlement.accounts}. */
public record ClientFundsAccount(String iban, String currency, String name) {

    public ClientFundsAccount {
        String problem = Iban.problem(iban);
        if (problem != null) {
            throw new IllegalArgumentException("settlement.accounts: " + problem);
        }
        CurrencyCodes.parse(currency);
        if (name == null || name.isBlank()) {
            name = iban;
        }
    }

    public Currency currencyUnit() {
        return CurrencyCodes.parse(currency);
    }
}
