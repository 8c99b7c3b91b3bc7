package se.clientfunds.pain;

import java.util.Objects;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * One credit transfer of a pain.001 batch ({@code CdtTrfTxInf}): a positive amount to a creditor's IBAN, identified
 * end to end by {@code endToEndId}. The instruction id and unstructured remittance information are optional.
 */
public record CreditTransfer(
        String instructionId,
        String endToEndId,
        Money amount,
        String creditorName,
        Iban creditorAccount,
        String remittanceInformation) {

    // the schema's amount type allows at most 18 digits in all
    private static final int MAX_AMOUNT_DIGITS = 18;

    public CreditTransfer {
        instructionId = Iso20022Text.optionalId("instructionId", instructionId);
        endToEndId = Iso20022Text.id("endToEndId", endToEndId);
        Objects.requireNonNull(amount, "transfer " + endToEndId + ": amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("transfer " + endToEndId + ": amount " + amount + " must be positive");
        }
        if (amount.toBigDecimal().precision() > MAX_AMOUNT_DIGITS) {
            throw new IllegalArgumentException("transfer " + endToEndId + ": amount " + amount + " has more than "
                    + MAX_AMOUNT_DIGITS + " digits");
        }
        creditorName = Iso20022Text.name("transfer " + endToEndId + ": creditorName", creditorName);
        Objects.requireNonNull(creditorAccount, "transfer " + endToEndId + ": creditorAccount");
        remittanceInformation = Iso20022Text.optionalText("transfer " + endToEndId + ": remittanceInformation",
                remittanceInformation);
    }
}
