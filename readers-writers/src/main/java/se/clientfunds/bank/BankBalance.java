package se.clientfunds.bank;

import java.time.LocalDate;
import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * A balance a statement states. {@code type} is the ISO code (OPBD, CLBD, ITBD, CLAV, PRCD, ...). MT940 balances map
 * to the opening and closing of the message: {@code :60F:} and {@code :60M:} to OPBD, {@code :62F:} and {@code :62M:}
 * to CLBD, {@code :64:} to CLAV and {@code :65:} to FWAV.
 * The amount is signed: negative when the account is overdrawn.
 */
public record BankBalance(String type, Money amount, LocalDate date) {

    public BankBalance {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
    }
}
