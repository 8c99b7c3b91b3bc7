package se.clientfunds.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ClockConfigurationTest {

    private final ClockConfiguration configuration = new ClockConfiguration();

    @Test
    void aConfiguredNowIsFixedAndReadInStockholm() {
        Clock clock = configuration.clock("2026-03-04T23:30:00Z", "Europe/Stockholm");

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-04T23:30:00Z"));
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
        // half past midnight in Stockholm: already the next day there
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(configuration.clock("2026-03-05T06:30:00+01:00", "Europe/Stockholm").instant())
                .isEqualTo(Instant.parse("2026-03-05T05:30:00Z"));
    }

    @Test
    void withoutOneItIsTheSystemClock() {
        Clock clock = configuration.clock("", "Europe/Stockholm");

        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
        assertThat(Math.abs(clock.millis() - System.currentTimeMillis())).isLessThan(5_000);
    }

    @Test
    void aNowThatIsNoInstantIsRefusedSayingHowToWriteIt() {
        assertThatThrownBy(() -> configuration.clock("tomorrow", "Europe/Stockholm"))
                .hasMessage("settlement.clock.now: 'tomorrow' is not an instant: write it as 2026-03-04T06:30:00Z (UTC) or"
                        + " 2026-03-04T06:30:00+01:00");
    }
}
