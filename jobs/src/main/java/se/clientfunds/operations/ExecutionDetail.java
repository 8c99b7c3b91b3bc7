package se.clientfunds.operations;

import java.util.List;

/**
 * One job execution with its steps.
 *
 * @param summary         as listed
 * @param steps           its steps in the order they ran
 * @param itemsDone       items written so far, all steps together
 * @param itemsExpected   items the job will write in all, where it knows (the rows of the file it imports), else -1
 * @param exitCode        the execution's exit code
 * @param exitDescription its exit description as the job repository holds it (for a failure: a cut stack trace)
 * @param files           the files it imported, by name
 * @param actions         what operators did about it, oldest first
 */
public record ExecutionDetail(ExecutionSummary summary, List<StepSummary> steps, long itemsDone, long itemsExpected,
                              String exitCode, String exitDescription, List<String> files, List<OperatorActionView> actions) {
}
