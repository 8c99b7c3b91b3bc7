package se.clientfunds.app.notify;

import java.time.LocalDate;
import java.util.List;

/**
 * Something about a business day that someone must act on.
 *
 * @param day     the business day it concerns
 * @param status  FAILED (a job or an import failed) or NEEDS_ATTENTION (a difference, a shortfall, a statement gap, a
 *                refused file)
 * @param summary what, in one line
 * @param act     the commands (or, later, the page) to act on it
 * @param subject what failed, when it is one thing whose failure may be worded differently each time it is met (a job
 *                of the day, the import of a file): the same subject failing on the same day is the same problem; null
 *                when the summary itself says which problem it is
 */
public record Problem(LocalDate day, Status status, String summary, List<String> act, String subject) {

    public enum Status { FAILED, NEEDS_ATTENTION }

    public Problem {
        act = List.copyOf(act);
    }

    public Problem(LocalDate day, Status status, String summary, List<String> act) {
        this(day, status, summary, act, null);
    }
}
