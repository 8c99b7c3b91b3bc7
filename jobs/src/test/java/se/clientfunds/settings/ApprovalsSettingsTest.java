package se.clientfunds.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import se.clientfunds.money.Money;

/** settlement.approvals as settlement.yml gives it: amounts per currency, exact to the minor unit, refused naming the key. */
class ApprovalsSettingsTest {

    @Test
    void theAmountsArePerCurrencyAndACurrencyNotListedNeedsNoSecondPerson() {
        SettlementProperties.Approvals approvals = bind(Map.of(
                "settlement.approvals.break-resolve-above.SEK", "200000.00",
                // YAML hands an unquoted 5000.00 over as the number 5000.0, and 5000 as 5000
                "settlement.approvals.break-resolve-above.eur", "5000.0",
                "settlement.approvals.allocate-above.SEK", "50000",
                "settlement.approvals.allocate-above.EUR", "1.0E7"));
        assertThat(approvals.above(true, "SEK")).contains(Money.ofMinor(200000_00, "SEK"));
        assertThat(approvals.above(true, "EUR")).contains(Money.ofMinor(5000_00, "EUR"));
        assertThat(approvals.above(false, "SEK")).contains(Money.ofMinor(50000_00, "SEK"));
        assertThat(approvals.above(false, "EUR")).contains(Money.ofMinor(10_000_000_00L, "EUR"));
        assertThat(approvals.above(false, "NOK")).isEmpty();
        assertThat(bind(Map.of()).above(true, "SEK")).isEqualTo(Optional.empty());
    }

    @Test
    void aWrongAmountOrCurrencyIsRefusedNamingTheKey() {
        assertThat(refusal(Map.of("settlement.approvals.allocate-above.SEK", "100.005"))).isEqualTo("settlement.approvals.allocate-above.SEK: '100.005' has more decimals than SEK or is too large");
        assertThat(refusal(Map.of("settlement.approvals.allocate-above.SEK", "-1.00"))).isEqualTo("settlement.approvals.allocate-above.SEK: must be a positive decimal like 100000.00, is '-1.00'");
        assertThat(refusal(Map.of("settlement.approvals.allocate-above.SEK", "1,000.00"))).isEqualTo("settlement.approvals.allocate-above.SEK: must be a positive decimal like 100000.00, is '1,000.00'");
        assertThat(refusal(Map.of("settlement.approvals.break-resolve-above.KRONOR", "1.00"))).isEqualTo("settlement.approvals.break-resolve-above.KRONOR: 'KRONOR' is not a currency code");
    }

    /** The message of the refusal the settings' own check gives, wherever the binder wrapped it. */
    private static String refusal(Map<String, String> settings) {
        Throwable thrown = null;
        try {
            bind(settings);
        } catch (RuntimeException e) {
            thrown = e;
        }
        assertThat(thrown).as("refused").isNotNull();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException && cause.getMessage().startsWith("settlement.approvals.")) {
                return cause.getMessage();
            }
        }
        throw new AssertionError("no refusal naming the key in " + thrown);
    }

    private static SettlementProperties.Approvals bind(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("settlement.approvals",
                SettlementProperties.Approvals.class);
    }
}
