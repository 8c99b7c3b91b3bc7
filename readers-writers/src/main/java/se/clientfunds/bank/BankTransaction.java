package se.clientfunds.bank;

import java.util.List;
import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * One transaction inside a booked entry: a camt {@code TxDtls}, a BGMax payment (TK20 with its TK21-29), or the
 * single transaction of an MT940 {@code :61:} line.
 *
 * @param location              where it is in the file, for messages: {@code line 17}, {@code Ntry[3]/TxDtls[2]}
 * @param amount                positive; the direction is the entry's (a BGMax TK21 deduction is a DEBIT transaction)
 * @param accountServicerReference the bank's own reference (camt AcctSvcrRef, BGC serial number, MT940 bank reference)
 * @param references            structured creditor references (OCR) in the order given; empty when none
 * @param remittanceText        unstructured remittance information, or null
 */
public record BankTransaction(String location, Direction direction, Money amount, String accountServicerReference,
                              String endToEndId, Counterparty counterparty, List<String> references, String remittanceText) {

    public BankTransaction {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(direction, location + ": direction");
        Objects.requireNonNull(amount, location + ": amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException(location + ": amount " + amount + " is negative; the direction carries the sign");
        }
        counterparty = counterparty == null ? Counterparty.UNKNOWN : counterparty;
        references = references == null ? List.of() : List.copyOf(references);
    }
}
