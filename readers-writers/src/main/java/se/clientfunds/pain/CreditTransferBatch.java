package se.clientfunds.pain;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

import se.clientfunds.money.Money;
import se.clientfunds.reference.Iban;

/**
 * A payment batch of a pain.001 ({@code PmtInf}) as declared before its transfers are written: who pays from which
 * account on which day, and how many transfers summing to how much will follow, in the control sum's currency.
 * The debtor agent's BIC is optional; without it the file says NOTPROVIDED and the bank finds it from the IBAN.
 */
public record CreditTransferBatch(
        String paymentInformationId,
        LocalDate requestedExecutionDate,
        String debtorName,
        Iban debtorAccount,
        String debtorAgentBic,
        long declaredCount,
        Money declaredControlSum) {

    private static final Pattern BICFI = Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final long MAX_COUNT = 999_999_999_999_999L;

    public CreditTransferBatch {
        paymentInformationId = Iso20022Text.id("paymentInformationId", paymentInformationId);
        Objects.requireNonNull(requestedExecutionDate, "batch " + paymentInformationId + ": requestedExecutionDate");
        debtorName = Iso20022Text.name("batch " + paymentInformationId + ": debtorName", debtorName);
        Objects.requireNonNull(debtorAccount, "batch " + paymentInformationId + ": debtorAccount");
        if (debtorAgentBic != null && !BICFI.matcher(debtorAgentBic).matches()) {
            throw new IllegalArgumentException("batch " + paymentInformationId + ": debtorAgentBic '" + debtorAgentBic
                    + "' is not a BIC of 8 or 11 upper-case letters and digits");
        }
        // the schema wants at least one transfer per batch, and NbOfTxs has at most 15 digits
        if (declaredCount < 1 || declaredCount > MAX_COUNT) {
            throw new IllegalArgumentException("batch " + paymentInformationId + ": declaredCount " + declaredCount
                    + " must be between 1 and " + MAX_COUNT);
        }
        Objects.requireNonNull(declaredControlSum, "batch " + paymentInformationId + ": declaredControlSum");
        if (!declaredControlSum.isPositive()) {
            throw new IllegalArgumentException("batch " + paymentInformationId + ": declaredControlSum "
                    + declaredControlSum + " must be positive");
        }
    }

    /** The currency every transfer of this batch must be in. */
    public Currency currency() {
        return declaredControlSum.currency();
    }
}
