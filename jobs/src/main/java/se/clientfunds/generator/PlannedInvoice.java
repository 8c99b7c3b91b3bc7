package se.clientfunds.generator;

import java.time.LocalDate;

import se.clientfunds.money.Money;

/** An invoice as it appears in invoices.csv. */
record PlannedInvoice(String invoiceId, String clientId, String ocr, Money amount, LocalDate issueDate,
                      LocalDate dueDate, Debtor debtor) {
}
