package se.clientfunds.camt;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Objects;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * What a camt.053 statement says before its entries: identity, sequence number, account and the opening and
 * closing booked balances (OPBD, CLBD). Because a streamed file states the closing balance before the entries,
 * the writer checks at the end that opening + credits − debits = closing.
 */
public record StatementHeader(
        String messageId,
        OffsetDateTime createdAt,
        String statementId,
        long electronicSequenceNumber,
        Iban account,
        LocalDate statementDate,
        Money openingBalance,
        Money closingBalance,
        EntryTotals totals) {

    public StatementHeader {
        CamtXmlWriter.requireMax35("messageId", messageId);
        Objects.requireNonNull(createdAt, "createdAt");
        CamtXmlWriter.requireMax35("statementId", statementId);
        if (electronicSequenceNumber < 0) {
            throw new IllegalArgumentException("statement " + statementId + ": electronicSequenceNumber "
                    + electronicSequenceNumber + " must not be negative");
        }
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(statementDate, "statementDate");
        Objects.requireNonNull(openingBalance, "openingBalance");
        Objects.requireNonNull(closingBalance, "closingBalance");
        if (!openingBalance.currency().equals(closingBalance.currency())) {
            throw new IllegalArgumentException("statement " + statementId + ": opening balance " + openingBalance
                    + " and closing balance " + closingBalance + " differ in currency");
        }
        if (totals != null && !totals.creditSum().currency().equals(openingBalance.currency())) {
            throw new IllegalArgumentException("statement " + statementId + ": totals in "
                    + totals.creditSum().currency() + " but balances in " + openingBalance.currency());
        }
    }

    /** The account currency, which is that of the balances. */
    public Currency currency() {
        return openingBalance.currency();
    }
}
