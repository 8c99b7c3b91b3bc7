/**
 * PDF renderers of plain report records (DESIGN §2.7): {@link se.clientfunds.report.pdf.SafeguardingPdf} and
 * {@link se.clientfunds.report.pdf.ReconciliationPdf}, and what every PDF shares ({@link
 * se.clientfunds.report.pdf.ReportDocument}: running head, notices, header, tables whose headings keep their words
 * whole; {@link se.clientfunds.report.pdf.ReportText}: the words of one language), deterministic to the byte, PDF/A-2b,
 * labels in English, Swedish or German.
 */
package se.clientfunds.report.pdf;
