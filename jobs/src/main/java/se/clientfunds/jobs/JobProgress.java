package se.clientfunds.jobs;

import org.springframework.stereotype.Component;

/**
 * Where long-running steps report how far they are (rows done of a known total). The command line attaches a sink
 * that draws it on standard error; without one, reports go nowhere.
 */
@Component
public class JobProgress {

    /** Receives progress: what is being done, how much is done, and the total (or -1 when unknown). */
    public interface Sink {
        void progress(String label, long done, long total);
    }

    private static final Sink NOWHERE = (label, done, total) -> {
    };

    private volatile Sink sink = NOWHERE;
    private volatile String label = "";
    private volatile long total = -1;

    public void attach(Sink sink) {
        this.sink = sink == null ? NOWHERE : sink;
    }

    public void begin(String label, long total) {
        this.label = label;
        this.total = total;
        sink.progress(label, 0, total);
    }

    public void advance(long done) {
        sink.progress(label, done, total);
    }
}
