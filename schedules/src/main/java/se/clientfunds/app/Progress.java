package se.clientfunds.app;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Progress of one piece of long work on standard error: items done, the total when known, and the rate.
 * Updates are throttled (every 200 ms on a terminal, every 5 s as plain lines) so reporting costs nothing.
 */
public final class Progress implements LongConsumer {

    private final Console console;
    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final long intervalNanos;
    private long lastShownNanos;
    private long lastShownCount = -1;

    public Progress(Console console, String label, long total) {
        this.console = console;
        this.label = label;
        this.total = total;
        this.intervalNanos = (console.isTerminal() ? Duration.ofMillis(200) : Duration.ofSeconds(5)).toNanos();
        this.lastShownNanos = startNanos;
    }

    @Override
    public void accept(long done) {
        long now = System.nanoTime();
        if (now - lastShownNanos >= intervalNanos || (total > 0 && done == total)) {
            lastShownNanos = now;
            lastShownCount = done;
            console.progress(line(done, now));
        }
    }

    public void finish(long done) {
        if (done != lastShownCount) {
            console.progress(line(done, System.nanoTime()));
        }
        console.endProgressLine();
    }

    private String line(long done, long now) {
        long elapsedMillis = Math.max(1, (now - startNanos) / 1_000_000);
        long perSecond = done * 1000 / elapsedMillis;
        return label + ": " + done + (total > 0 ? " of " + total : "") + " (" + perSecond + "/s)";
    }
}
