package se.clientfunds.app.cli;

import java.time.ZoneId;

/** Business dates are Swedish dates, whatever zone the machine is set to. */
final class Clocks {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private Clocks() {
    }
}
