package se.clientfunds.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class AmountTest {

    @Test
    void amountIsExactInTheCurrencysFractionDigits() {
        // then
        assertThat(Amount.of(123_450, "SEK").toDecimal()).isEqualByComparingTo("1234.50");
        assertThat(Amount.of(123_450, "SEK").toDecimal().scale()).isEqualTo(2);
        assertThat(Amount.of(1_234, "JPY").toDecimal().toPlainString()).isEqualTo("1234");
        assertThat(new Amount(10_001, "EUR").toDecimal()).isEqualByComparingTo(new BigDecimal("100.01"));
        assertThat(new Amount(10_001, "EUR").toDecimal().scale()).isEqualTo(2);
        assertThat(new Amount(1_000, "JPY").toDecimal()).isEqualByComparingTo(new BigDecimal("1000"));
        assertThat(new Amount(1_234, "KWD").fractionDigits()).isEqualTo(3);
    }

    @Test
    void amountReadsAsItsDecimalValueAndCurrency() {
        // then: what the records' messages show
        assertThat(Amount.of(-1, "SEK")).hasToString("-0.01 SEK");
        assertThat(Amount.of(1_234, "JPY")).hasToString("1234 JPY");
        assertThat(Amount.of(0, "EUR").isZero()).isTrue();
        assertThat(Amount.of(-1, "EUR").isNegative()).isTrue();
        assertThat(Amount.of(0, "EUR").isNegative()).isFalse();
    }

    @Test
    void amountRefusesWhatIsNotAnIsoCurrencyWithAMinorUnit() {
        assertThatThrownBy(() -> Amount.of(1, "sek")).hasMessage("currency 'sek' is not a three-letter ISO 4217 code");
        assertThatThrownBy(() -> Amount.of(1, "XQZ")).hasMessage("currency 'XQZ' is not an ISO 4217 code");
        assertThatThrownBy(() -> new Amount(1, "XYZ")).hasMessage("currency 'XYZ' is not an ISO 4217 code");
        assertThatThrownBy(() -> new Amount(1, null)).hasMessage("currency is null");
        assertThatThrownBy(() -> Amount.of(1, "XAU")).hasMessage("currency 'XAU' has no minor unit");
    }

    @Test
    void amountRefusesMixingCurrencies() {
        assertThatThrownBy(() -> Amount.of(1, "SEK").plus(Amount.of(1, "EUR"))).hasMessage("cannot add EUR to SEK");
        assertThatThrownBy(() -> Amount.of(1, "SEK").minus(Amount.of(1, "EUR"))).hasMessage("cannot subtract EUR from SEK");
        assertThat(Amount.of(150, "SEK").plus(Amount.of(-50, "SEK")).minus(Amount.of(1, "SEK"))).isEqualTo(Amount.of(99, "SEK"));
    }

    @Test
    void requireRefusesAMissingAmountAndOneInAnotherCurrency() {
        assertThatThrownBy(() -> Amount.require("residuals", null, "SEK")).hasMessage("residuals is missing");
        assertThatThrownBy(() -> Amount.require("residuals", Amount.of(1, "EUR"), "SEK"))
                .hasMessage("residuals is in EUR, expected SEK");
        assertThat(Amount.require("residuals", Amount.of(1, "SEK"), "SEK")).isEqualTo(Amount.of(1, "SEK"));
    }
}
