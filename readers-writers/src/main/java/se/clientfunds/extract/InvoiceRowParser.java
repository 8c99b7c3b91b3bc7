package se.clientfunds.extract;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.function.Predicate;

import se.clientfunds.money.Money;
import se.clientfunds.reference.OcrReference;

/**
 * Validates {@code invoices.csv} rows into {@link InvoiceRecord}s; a client id the given predicate does not know
 * is reported as {@code client_id: unknown client}.
 */
public final class InvoiceRowParser implements ExtractRowParser<InvoiceRecord> {

    private static final int INVOICE_ID = 0;
    private static final int CLIENT_ID = 1;
    private static final int OCR = 2;
    private static final int CURRENCY = 3;
    private static final int AMOUNT = 4;
    private static final int ISSUE_DATE = 5;
    private static final int DUE_DATE = 6;
    private static final int DEBTOR_NAME = 7;
    private static final int DEBTOR_ID = 8;
    private static final int DEBTOR_COUNTRY = 9;

    private final Predicate<String> knownClient;

    /** @param knownClient whether a client id exists; pass {@code id -> true} when rows were validated before */
    public InvoiceRowParser(Predicate<String> knownClient) {
        this.knownClient = Objects.requireNonNull(knownClient, "knownClient");
    }

    @Override
    public ExtractKind kind() {
        return ExtractKind.INVOICES;
    }

    @Override
    public RowOutcome<InvoiceRecord> parse(ExtractRow row) {
        RowChecks checks = new RowChecks(ExtractKind.INVOICES, row);
        String invoiceId = checks.id(INVOICE_ID);
        String clientId = checks.id(CLIENT_ID);
        if (clientId != null && !knownClient.test(clientId)) {
            checks.problem(CLIENT_ID, "unknown client");
        }
        OcrReference ocr = checks.ocr(OCR);
        Currency currency = checks.currency(CURRENCY);
        Money amount = checks.money(AMOUNT, currency, RowChecks.Sign.POSITIVE);
        LocalDate issueDate = checks.date(ISSUE_DATE);
        LocalDate dueDate = checks.date(DUE_DATE);
        if (issueDate != null && dueDate != null && dueDate.isBefore(issueDate)) {
            checks.problem(DUE_DATE, "due_date " + dueDate + " is before issue_date " + issueDate);
        }
        String debtorName = checks.text(DEBTOR_NAME, RowChecks.MAX_NAME_LENGTH);
        String debtorId = checks.optionalText(DEBTOR_ID, RowChecks.MAX_ID_LENGTH);
        String debtorCountry = checks.country(DEBTOR_COUNTRY);
        if (checks.hasProblems()) {
            return RowOutcome.invalid(checks.problems());
        }
        return RowOutcome.valid(new InvoiceRecord(row.line(), invoiceId, clientId, ocr, amount, issueDate, dueDate,
                debtorName, debtorId, debtorCountry));
    }
}
