package se.clientfunds.pain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a pain.001 says before its first transfer: message id, creation time (given, so the same input gives the
 * same bytes), initiating party and every batch with its declared count and control sum, from which the group
 * header's totals are taken.
 */
public record CreditTransferInitiation(
        String messageId,
        OffsetDateTime createdAt,
        String initiatingPartyName,
        List<CreditTransferBatch> batches) {

    // NbOfTxs is Max15NumericText, CtrlSum a DecimalNumber of at most 18 digits
    private static final long MAX_COUNT = 999_999_999_999_999L;
    private static final int MAX_SUM_DIGITS = 18;

    public CreditTransferInitiation {
        messageId = Iso20022Text.id("messageId", messageId);
        Objects.requireNonNull(createdAt, "message " + messageId + ": createdAt");
        initiatingPartyName = Iso20022Text.name("message " + messageId + ": initiatingPartyName", initiatingPartyName);
        Objects.requireNonNull(batches, "message " + messageId + ": batches");
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("message " + messageId + ": batches must not be empty");
        }
        batches = List.copyOf(batches);
        Set<String> ids = new HashSet<>();
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (CreditTransferBatch batch : batches) {
            if (!ids.add(batch.paymentInformationId())) {
                throw new IllegalArgumentException("message " + messageId + ": paymentInformationId '"
                        + batch.paymentInformationId() + "' is declared twice");
            }
            count = Math.addExact(count, batch.declaredCount());
            sum = sum.add(batch.declaredControlSum().toBigDecimal());
        }
        if (count > MAX_COUNT || sum.precision() > MAX_SUM_DIGITS) {
            throw new IllegalArgumentException("message " + messageId + ": " + count + " transfers summing to "
                    + sum.toPlainString() + " exceed what a pain.001 group header can state");
        }
    }

    /** All declared transfers of all batches: the group header's {@code NbOfTxs}. */
    public long numberOfTransactions() {
        return batches.stream().mapToLong(CreditTransferBatch::declaredCount).sum();
    }

    /**
     * All declared control sums added as plain numbers, whatever their currencies, as the standard defines the group
     * header's {@code CtrlSum}.
     */
    public BigDecimal controlSum() {
        return batches.stream().map(batch -> batch.declaredControlSum().toBigDecimal())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
