/**
 * PDF renderers of plain report records (DESIGN §2.7): {@link se.clientfunds.report.pdf.SafeguardingPdf} and
 * {@link se.clientfunds.report.pdf.ReconciliationPdf}, deterministic to the byte, labels in English, Swedish or German.
 */
package se.clientfunds.report.pdf;
