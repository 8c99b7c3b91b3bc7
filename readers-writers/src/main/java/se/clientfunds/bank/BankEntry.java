package se.clientfunds.bank;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * One booked entry on the account: a camt {@code Ntry}, an MT940 {@code :61:} line, or a BGMax payment. A batch
 * entry holds several transactions whose amounts add up to the entry's (checked by validation, not here).
 *
 * @param status           BOOK, PDNG or INFO as the bank says (BOOK for formats that only carry booked entries)
 * @param bankTransactionCode the bank's code for the kind of transaction (ISO domain/family/sub-family, or MT940's)
 * @param declaredBatchCount the number of transactions the bank says the batch holds, or null when not stated
 * @param paymentInformationId the {@code PmtInfId} of the pain.001 payment batch the entry executes (camt
 *                           {@code NtryDtls/Btch/PmtInfId}, at most 35 characters), or null when the bank names none
 * @param reversal           the bank says the entry reverses an earlier one (camt {@code RvslInd}): never a payment
 */
public record BankEntry(String location, Direction direction, Money amount, LocalDate bookingDate, LocalDate valueDate,
                        String accountServicerReference, String status, String bankTransactionCode,
                        Long declaredBatchCount, String paymentInformationId, List<BankTransaction> transactions,
                        boolean reversal) {

    /** The status the bank gives an entry that is on the account. */
    public static final String BOOKED = "BOOK";

    private static final int MAX_PAYMENT_INFORMATION_ID = 35;

    public BankEntry {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(direction, location + ": direction");
        Objects.requireNonNull(amount, location + ": amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException(location + ": amount " + amount + " is negative; the direction carries the sign");
        }
        if (paymentInformationId != null
                && (paymentInformationId.isEmpty() || paymentInformationId.length() > MAX_PAYMENT_INFORMATION_ID)) {
            throw new IllegalArgumentException(location + ": paymentInformationId '" + paymentInformationId
                    + "' must have 1 to " + MAX_PAYMENT_INFORMATION_ID + " characters");
        }
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
    }

    /** An entry that is not a reversal. */
    public BankEntry(String location, Direction direction, Money amount, LocalDate bookingDate, LocalDate valueDate,
                     String accountServicerReference, String status, String bankTransactionCode,
                     Long declaredBatchCount, String paymentInformationId, List<BankTransaction> transactions) {
        this(location, direction, amount, bookingDate, valueDate, accountServicerReference, status, bankTransactionCode,
                declaredBatchCount, paymentInformationId, transactions, false);
    }

    /** Booked on the account (BOOK, or no status where the format has none); pending and information entries are not. */
    public boolean booked() {
        return status == null || BOOKED.equals(status);
    }

    /** Money into the account positive, money out negative. */
    public Money signedAmount() {
        return direction == Direction.CREDIT ? amount : amount.negate();
    }
}
