/**
 * The monthly safeguarding return (DESIGN §2.7): the month's daily requirement and resource per currency with the
 * highest and lowest requirement, clients with funds, shortfall days and breaks, written by {@link
 * se.clientfunds.report.monthly.SafeguardingReturnXlsx} and {@link se.clientfunds.report.monthly.SafeguardingReturnPdf}.
 */
package se.clientfunds.report.monthly;
