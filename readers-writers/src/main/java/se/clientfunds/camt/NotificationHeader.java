package se.clientfunds.camt;

import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Objects;

import se.clientfunds.reference.Iban;

/**
 * What a camt.054 debit/credit notification says about itself and the account it reports on.
 * Totals are optional; when given, the writer refuses to finish a file whose entries do not add up to them.
 */
public record NotificationHeader(
        String messageId,
        OffsetDateTime createdAt,
        String notificationId,
        Iban account,
        Currency currency,
        EntryTotals totals) {

    public NotificationHeader {
        CamtXmlWriter.requireMax35("messageId", messageId);
        Objects.requireNonNull(createdAt, "createdAt");
        CamtXmlWriter.requireMax35("notificationId", notificationId);
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
        if (totals != null && !totals.creditSum().currency().equals(currency)) {
            throw new IllegalArgumentException("notification " + notificationId + ": totals in "
                    + totals.creditSum().currency() + " but account currency is " + currency);
        }
    }
}
