package se.clientfunds.report.aml;

/** Whom an alert is about; labels {@code SubjectKind.*}. */
public enum SubjectKind { PAYER, DEBTOR, CLIENT }
