/**
 * {@code aml-alerts.xlsx} (DESIGN §2.6, §2.7): the day's new alerts and all open ones by rule and severity, the
 * evidence, the payments held and the filings made, rendered by {@link se.clientfunds.report.aml.AmlAlertsXlsx}.
 */
package se.clientfunds.report.aml;
