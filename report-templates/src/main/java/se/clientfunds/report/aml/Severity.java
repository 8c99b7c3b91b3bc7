package se.clientfunds.report.aml;

/** How serious a monitoring rule rates what it found; labels {@code Severity.*}. */
public enum Severity { HIGH, MEDIUM, LOW }
