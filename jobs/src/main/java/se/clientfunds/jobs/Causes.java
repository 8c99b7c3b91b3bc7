package se.clientfunds.jobs;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** The innermost cause of a failure says what went wrong; the wrappers around it only say where. */
public final class Causes {

    private Causes() {
    }

    public static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * The root cause's message; for a refusal signalled by a database trigger (SQLSTATE 45000) only the trigger's
     * own words, without the driver's prefix.
     */
    public static String rootMessage(Throwable failure) {
        Throwable root = root(failure);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int signal = message.lastIndexOf("45000");
        String text = signal >= 0 ? message.substring(message.indexOf(' ', signal) + 1).trim() : message;
        // the MariaDB driver prefixes its connection number, which says nothing to an operator
        return text.replaceFirst("^\\(conn=\\d+\\) ", "");
    }

    /** Why a job execution failed, in words: the failed step and the root cause. */
    public static String ofFailedExecution(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (failures.isEmpty()) {
            return execution.getExitStatus().getExitDescription();
        }
        String cause = rootMessage(failures.get(0));
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isUnsuccessful()) {
                return "step " + step.getStepName() + ": " + cause;
            }
        }
        return cause;
    }

    /**
     * The innermost cause of a stack trace kept as text (a job repository's exit message), in one line without the
     * exception's class name; the first line when the text names no cause.
     */
    public static String rootLine(String trace) {
        if (trace == null || trace.isBlank()) {
            return null;
        }
        List<String> lines = trace.strip().lines().toList();
        String line = lines.get(0);
        for (String candidate : lines) {
            if (candidate.startsWith("Caused by: ")) {
                line = candidate.substring("Caused by: ".length());
            }
        }
        String message = line.replaceFirst("^[\\w.$]+: ", "");
        int signal = message.lastIndexOf("45000");
        String text = signal >= 0 ? message.substring(message.indexOf(' ', signal) + 1).trim() : message;
        return text.replaceFirst("^\\(conn=\\d+\\) ", "");
    }
}
