package se.clientfunds.report.pdf;

import se.clientfunds.report.Amount;

/**
 * One client-funds account's part of the resource: its closing booked balance on the day's statement, at the time the
 * bank gives for it (the reconciliation point).
 *
 * @param bank    the bank holding the account, empty when not configured
 * @param closing the statement's closing booked balance, or null when no statement of the day arrived
 * @param asOf    when the closing balance stands, as the bank wrote it (e.g. {@code 2026-01-07T23:59:59+01:00}), or
 *                empty when the statement does not say (then: at the end of the business day)
 */
public record AccountResource(String iban, String name, String bank, String currency, Amount closing, String asOf) {

    public AccountResource {
        if (iban == null || iban.isBlank()) {
            throw new IllegalArgumentException("iban of a resource account is blank");
        }
        name = name == null ? "" : name;
        bank = bank == null ? "" : bank;
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency '" + currency + "' of account " + iban + " is not an ISO 4217 code");
        }
        if (closing != null) {
            Amount.require("closing of " + iban, closing, currency);
        }
        asOf = asOf == null ? "" : asOf;
    }
}
