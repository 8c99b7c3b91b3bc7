package se.clientfunds.generator;

import se.clientfunds.reference.Iban;

/** Someone who pays invoices; the same debtor id always has the same name, country and account. */
record Debtor(String debtorId, String name, String country, Iban account) {
}
