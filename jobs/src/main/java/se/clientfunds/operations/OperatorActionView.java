package se.clientfunds.operations;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * What an operator did: who, when, what and about what, why, and the business day it concerns; through which door
 * ({@code channel}: cli, api, scheduler), in which roles, and how it ended (null where that was not recorded, as for
 * actions from before V16).
 */
public record OperatorActionView(long id, ZonedDateTime actedAt, String operator, String action, String subject,
                                 Long jobExecutionId, LocalDate businessDate, String reason, String channel, String role,
                                 String outcome) {
}
