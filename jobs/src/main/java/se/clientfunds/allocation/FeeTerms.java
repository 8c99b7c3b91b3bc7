package se.clientfunds.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import se.clientfunds.money.Money;

/**
 * A client's fee on each allocation: {@code fixed + percent %} of the allocated amount, the percentage rounded
 * half-even to the minor unit, never more than the allocated amount.
 */
public record FeeTerms(Money fixed, BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public FeeTerms {
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(percent, "percent");
        if (fixed.isNegative()) {
            throw new IllegalArgumentException("fee_fixed must not be negative, got " + fixed);
        }
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("fee_percent must be between 0 and 100, got " + percent.toPlainString());
        }
    }

    public Money feeOn(Money allocated) {
        if (!allocated.currency().equals(fixed.currency())) {
            throw new IllegalArgumentException("fee terms in " + fixed.currency().getCurrencyCode()
                    + " cannot charge an allocation in " + allocated.currency().getCurrencyCode());
        }
        long percentPart = BigDecimal.valueOf(allocated.minorUnits()).multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.HALF_EVEN).longValueExact();
        long fee = Math.addExact(fixed.minorUnits(), percentPart);
        return new Money(Math.min(fee, allocated.minorUnits()), allocated.currency());
    }
}
