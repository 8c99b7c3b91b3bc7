package se.clientfunds.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The one place the command line writes to: results on standard output, errors and progress on standard error.
 * Progress is redrawn in place on a terminal and written as plain lines otherwise (logs, CI, pipes).
 */
public final class Console {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private boolean progressShown;

    public Console(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static Console system() {
        return new Console(new PrintWriter(new PrintStream(System.out, true, StandardCharsets.UTF_8), true),
                new PrintWriter(new PrintStream(System.err, true, StandardCharsets.UTF_8), true),
                System.console() != null);
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public void println(String line) {
        endProgressLine();
        out.println(line);
        out.flush();
    }

    public void error(String line) {
        endProgressLine();
        err.println(line);
        err.flush();
    }

    /**
     * A warning that must not be missed (an unexplained difference, a shortfall): in red on a terminal, plain
     * otherwise, so that logs and scripts get the words without escape codes.
     */
    public void alarm(String line) {
        error(terminal ? "\u001b[1;31m" + line + "\u001b[0m" : line);
    }

    /** Shows progress: redrawn in place on a terminal, one plain line each call otherwise. */
    public synchronized void progress(String line) {
        if (terminal) {
            err.print("\r\u001b[2K" + line);
            progressShown = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    public synchronized void endProgressLine() {
        if (progressShown) {
            err.println();
            err.flush();
            progressShown = false;
        }
    }

    public boolean isTerminal() {
        return terminal;
    }
}
