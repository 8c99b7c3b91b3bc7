package se.clientfunds.settings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Now" for everything that decides by the time (which business days are due, which schedule fires next): the system
 * clock, or the instant {@code settlement.clock.now} (also {@code settle --now}) for tests and demos. The pipeline's
 * zone is Stockholm's unless {@code settlement.clock.zone} says otherwise. Nothing reads the wall clock directly.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final String DEFAULT_ZONE = "Europe/Stockholm";

    @Bean
    Clock clock(@Value("${settlement.clock.now:}") String now, @Value("${settlement.clock.zone:" + DEFAULT_ZONE + "}") String zone) {
        ZoneId zoneId = ZoneId.of(zone);
        if (now == null || now.isBlank()) {
            return Clock.system(zoneId);
        }
        try {
            return Clock.fixed(OffsetDateTime.parse(now.trim()).toInstant(), zoneId);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("settlement.clock.now: '" + now + "' is not an instant: write it as"
                    + " 2026-03-04T06:30:00Z (UTC) or 2026-03-04T06:30:00+01:00", e);
        }
    }
}
