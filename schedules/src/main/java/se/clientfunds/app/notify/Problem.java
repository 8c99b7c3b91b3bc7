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
 */
public record Problem(LocalDate day, Status status, String summary, List<String> act) {

    public enum Status { FAILED, NEEDS_ATTENTION }

    public Problem {
        act = List.copyOf(act);
    }
}
