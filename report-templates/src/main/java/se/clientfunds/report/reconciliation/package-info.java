/**
 * {@code reconciliation.xlsx} (DESIGN §2.7), rendered by {@link se.clientfunds.report.reconciliation.ReconciliationXlsx}
 * from the same {@link se.clientfunds.report.pdf.ReconciliationReport} as {@code reconciliation.pdf}.
 */
package se.clientfunds.report.reconciliation;
