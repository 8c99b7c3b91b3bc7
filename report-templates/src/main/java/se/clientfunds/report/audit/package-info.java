/**
 * {@code audit.pdf} (DESIGN §2.7): the day's job runs with their restarts, operator actions with who and why, and the
 * input and output files with their SHA-256, rendered by {@link se.clientfunds.report.audit.AuditPdf}.
 */
package se.clientfunds.report.audit;
