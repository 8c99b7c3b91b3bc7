package se.clientfunds.outcome;

/**
 * A job ran and did not complete; the message names the job, its execution where there is one, the root cause and how
 * to go on (running the command again restarts it from its last commit). Exit 1 on the command line.
 */
public class JobFailed extends RuntimeException {

    public JobFailed(String message) {
        super(message);
    }

    public JobFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
