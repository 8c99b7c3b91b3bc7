package se.clientfunds.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ConsoleTest {

    @Test
    void alarmIsRedOnATerminalAndPlainWordsInALog() {
        // given
        StringWriter terminal = new StringWriter();
        StringWriter log = new StringWriter();
        // when
        new Console(new PrintWriter(new StringWriter()), new PrintWriter(terminal), true).alarm("NEEDS ATTENTION: shortfall");
        new Console(new PrintWriter(new StringWriter()), new PrintWriter(log), false).alarm("NEEDS ATTENTION: shortfall");
        // then
        assertThat(terminal.toString()).isEqualTo("\u001b[1;31mNEEDS ATTENTION: shortfall\u001b[0m" + System.lineSeparator());
        assertThat(log.toString()).isEqualTo("NEEDS ATTENTION: shortfall" + System.lineSeparator());
    }
}
