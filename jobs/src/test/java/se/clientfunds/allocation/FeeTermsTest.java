package se.clientfunds.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import se.clientfunds.money.Money;

class FeeTermsTest {

    @ParameterizedTest(name = "{0} + {1} % of {2} = {3}")
    @CsvSource({
            // fixed, percent, allocated, fee (all minor units but percent)
            "0, 1.00, 250, 2",      // 2.50 öre rounds half-even down to 2
            "0, 1.00, 350, 4",      // 3.50 rounds half-even up to 4
            "0, 1.00, 251, 3",      // 2.51 rounds up
            "0, 1.75, 1000000, 17500",
            "850, 1.00, 2550100, 26351",
            "0, 0.0050, 10000, 0",  // 0.5 öre rounds half-even to 0
            "0, 0.0150, 10000, 2",  // 1.5 öre rounds half-even to 2
            "500, 0, 300, 300",     // never more than the allocated amount
            "0, 100, 12345, 12345",
            "0, 0, 12345, 0"
    })
    void feeIsFixedPlusPercentRoundedHalfEvenCappedAtTheAllocation(long fixed, String percent, long allocated, long fee) {
        FeeTerms terms = new FeeTerms(Money.ofMinor(fixed, "SEK"), new BigDecimal(percent));
        assertThat(terms.feeOn(Money.ofMinor(allocated, "SEK"))).isEqualTo(Money.ofMinor(fee, "SEK"));
    }

    @Test
    void feeTermsInOneCurrencyDoNotChargeAnother() {
        FeeTerms terms = new FeeTerms(Money.ofMinor(100, "SEK"), BigDecimal.ONE);
        assertThatThrownBy(() -> terms.feeOn(Money.ofMinor(100, "EUR"))).hasMessageContaining("SEK cannot charge an allocation in EUR");
    }

    @Test
    void negativeOrExcessivePercentIsRefused() {
        assertThatThrownBy(() -> new FeeTerms(Money.ofMinor(0, "SEK"), new BigDecimal("-1")))
                .hasMessageContaining("fee_percent must be between 0 and 100, got -1");
        assertThatThrownBy(() -> new FeeTerms(Money.ofMinor(0, "SEK"), new BigDecimal("100.5")))
                .hasMessageContaining("got 100.5");
    }
}
