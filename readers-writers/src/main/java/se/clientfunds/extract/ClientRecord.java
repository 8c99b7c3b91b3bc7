package se.clientfunds.extract;

import java.math.BigDecimal;
import java.util.Currency;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * One row of {@code clients.csv}: a client of the platform, where and how often its funds are paid out, and its fee.
 * {@code organisationNumber} is in the form NNNNNN-NNNN; {@code feePercent} is a percentage (2.5 means 2.5 %).
 */
public record ClientRecord(long line, String clientId, String organisationNumber, String name, Currency currency,
        Iban payoutAccount, PayoutSchedule payoutSchedule, Money feeFixed, BigDecimal feePercent) {

    public ClientRecord {
        RowChecks.requireLine(line);
        RowChecks.requireId("client_id", clientId);
        RowChecks.requireText("org_number", organisationNumber);
        RowChecks.requireText("name", name);
        RowChecks.require("currency", currency);
        RowChecks.require("payout_account", payoutAccount);
        RowChecks.require("payout_schedule", payoutSchedule);
        RowChecks.require("fee_fixed", feeFixed);
        RowChecks.require("fee_percent", feePercent);
        if (!feeFixed.currency().equals(currency)) {
            throw new IllegalArgumentException("fee_fixed " + feeFixed + " is not in the client's currency "
                    + currency.getCurrencyCode());
        }
        if (feeFixed.isNegative()) {
            throw new IllegalArgumentException("fee_fixed " + feeFixed + " must not be negative");
        }
        if (feePercent.signum() < 0 || feePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("fee_percent " + feePercent.toPlainString() + " must be 0 to 100");
        }
    }
}
