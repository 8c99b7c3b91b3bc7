/**
 * Sanctions lists as dated reference data: the EU consolidated financial sanctions list in its published XML
 * (namespace {@code http://eu.europa.ec/fpi/fsd/export}), read whole and validated before anything uses it.
 */
package se.clientfunds.sanctions;
