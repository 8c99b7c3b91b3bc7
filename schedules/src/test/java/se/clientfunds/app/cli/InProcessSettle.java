package se.clientfunds.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import se.clientfunds.app.Console;

/** Runs the command line in the test's JVM, as an operator's shell would, and keeps what it printed and its exit code. */
record InProcessSettle(int exitCode, String out, String err) {

    static InProcessSettle settle(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SettleCommand.execute(args, new Console(new PrintWriter(out, true), new PrintWriter(err, true), false));
        return new InProcessSettle(exitCode, out.toString(), err.toString());
    }
}
