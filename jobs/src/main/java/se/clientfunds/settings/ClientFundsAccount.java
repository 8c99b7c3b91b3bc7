package se.clientfunds.settings;

import java.util.Currency;

import se.clientfunds.bank.AccountId;
import se.clientfunds.money.CurrencyCodes;
import se.clientfunds.reference.Iban;

/**
 * A segregated bank account holding clients' money, as configured under {@code settlement.accounts}.
 *
 * @param bankgiro        the bankgiro number that pays into this account (BGMax files name it), or null
 * @param paymentsSource  where incoming payments come from: the bank's notifications (camt.054, BGMax), or for a
 *                        bank that sends none, the credit entries of its statements
 * @param bank            the bank that holds the account, as the safeguarding statement names it (its resource per bank)
 */
public record ClientFundsAccount(String iban, String currency, String name, String bankgiro, PaymentsSource paymentsSource,
                                 String bank) {

    public enum PaymentsSource { NOTIFICATION, STATEMENT }

    public ClientFundsAccount {
        String problem = Iban.problem(iban);
        if (problem != null) {
            throw new IllegalArgumentException("settlement.accounts: " + problem);
        }
        CurrencyCodes.parse(currency);
        if (name == null || name.isBlank()) {
            name = iban;
        }
        if (bankgiro != null) {
            bankgiro = bankgiro.replace("-", "").trim();
            if (!bankgiro.matches("\\d{7,8}")) {
                throw new IllegalArgumentException("settlement.accounts: bankgiro '" + bankgiro + "' of " + iban
                        + " is not 7 or 8 digits");
            }
        }
        paymentsSource = paymentsSource == null ? PaymentsSource.NOTIFICATION : paymentsSource;
        bank = bank == null || bank.isBlank() ? "" : bank.trim();
    }

    public Currency currencyUnit() {
        return CurrencyCodes.parse(currency);
    }

    /** Whether a bank file's account id names this account: by IBAN, or by its bankgiro number. */
    public boolean isNamedBy(AccountId id) {
        return switch (id.scheme()) {
            case IBAN -> iban.equals(id.value().replace(" ", ""));
            case BANKGIRO -> bankgiro != null && bankgiro.equals(stripLeadingZeros(id.value().replace("-", "")));
            case OTHER -> false;
        };
    }

    /** BGMax writes a bankgiro number zero-padded to ten digits; a bankgiro number itself has seven or eight. */
    private static String stripLeadingZeros(String digits) {
        return digits.replaceFirst("^0+(?=\\d{7})", "");
    }
}
