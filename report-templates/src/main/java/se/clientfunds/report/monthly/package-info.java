/**
 * The monthly safeguarding return (DESIGN §2.7): per currency the month's average, highest and lowest requirement,
 * clients with funds, shortfall days with the actions taken, breaks opened, cleared and open at month end by number and
 * value, the resource per account at month end and the breaks beyond the escalation threshold, the daily requirement
 * and resource, and an attestation, written by {@link se.clientfunds.report.monthly.SafeguardingReturnXlsx} and {@link
 * se.clientfunds.report.monthly.SafeguardingReturnPdf}.
 */
package se.clientfunds.report.monthly;
