/**
 * {@code audit.pdf} (DESIGN §2.7): the day's job executions with their attempt, who started them and why and the root
 * cause of one that did not complete, operator actions with who, when, why and the day they concern, the input and
 * output files with their SHA-256 and the previous manifest of the chain, rendered by
 * {@link se.clientfunds.report.audit.AuditPdf}.
 */
package se.clientfunds.report.audit;
