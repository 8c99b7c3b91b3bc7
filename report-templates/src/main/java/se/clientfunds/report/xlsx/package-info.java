/**
 * What the .xlsx renderers share: reading an editable template's header and style rows ({@link
 * se.clientfunds.report.xlsx.SheetTemplate}), streamed table cells with fitting column widths ({@link
 * se.clientfunds.report.xlsx.ColumnWidths}), how every sheet prints ({@link se.clientfunds.report.xlsx.PrintLayout})
 * and fixed zip entry times for byte-identical workbooks ({@link se.clientfunds.report.xlsx.DeterministicZip}).
 */
package se.clientfunds.report.xlsx;
