/**
 * How an operation ends, in types every front end maps the same way: {@link se.clientfunds.outcome.InputError} (the
 * operator asked for something that cannot be: exit 2 on the command line), {@link se.clientfunds.outcome.JobFailed}
 * (a job ran and failed: exit 1) and {@link se.clientfunds.outcome.NeedsAttention} (it completed, and something needs a
 * person: exit 3). No front end decides from which JDK exception escaped.
 */
package se.clientfunds.outcome;
