/**
 * What {@code settle serve} serves over HTTP besides health and metrics: the REST API under {@code /api/v1} (and, next,
 * the console), over the same operations service the command line uses. Who may do what is {@link
 * se.clientfunds.app.web.Permission}; no business decision is taken here.
 */
package se.clientfunds.app.web;
