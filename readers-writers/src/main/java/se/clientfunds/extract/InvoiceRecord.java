package se.clientfunds.extract;

import java.time.LocalDate;
import java.util.Currency;

import se.clientfunds.money.Money;
import se.clientfunds.reference.OcrReference;

/**
 * One row of {@code invoices.csv}: an invoice the platform issued for a client, payable with its OCR reference.
 * {@code debtorId} may be empty; {@code debtorCountry} is an ISO 3166 alpha-2 code.
 */
public record InvoiceRecord(long line, String invoiceId, String clientId, OcrReference ocr, Money amount,
        LocalDate issueDate, LocalDate dueDate, String debtorName, String debtorId, String debtorCountry) {

    public InvoiceRecord {
        RowChecks.requireLine(line);
        RowChecks.requireId("invoice_id", invoiceId);
        RowChecks.requireId("client_id", clientId);
        RowChecks.require("ocr", ocr);
        RowChecks.require("amount", amount);
        RowChecks.require("issue_date", issueDate);
        RowChecks.require("due_date", dueDate);
        RowChecks.requireText("debtor_name", debtorName);
        RowChecks.require("debtor_id", debtorId);
        RowChecks.requireText("debtor_country", debtorCountry);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount " + amount + " must be more than zero");
        }
        if (dueDate.isBefore(issueDate)) {
            throw new IllegalArgumentException("due_date " + dueDate + " is before issue_date " + issueDate);
        }
    }

    public Currency currency() {
        return amount.currency();
    }
}
