package se.clientfunds.app;

import se.clientfunds.jobs.JobProgress;

/** Draws the progress that jobs report as {@link Progress} lines on the console, one line per piece of work. */
final class ConsoleJobProgress implements JobProgress.Sink {

    private final Console console;
    private String label;
    private Progress current;

    ConsoleJobProgress(Console console) {
        this.console = console;
    }

    @Override
    public synchronized void progress(String label, long done, long total) {
        if (!label.equals(this.label)) {
            this.label = label;
            current = new Progress(console, label, total);
        }
        current.accept(done);
    }
}
