package se.clientfunds.operations;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/** What an operator did: who, when, what and about what, why, and the business day it concerns. */
public record OperatorActionView(long id, ZonedDateTime actedAt, String operator, String action, String subject,
                                 Long jobExecutionId, LocalDate businessDate, String reason) {
}
