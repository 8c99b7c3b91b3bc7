package se.clientfunds.extract;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The platform extracts we import, each with its exact header columns and conventional file name.
 * The first column of every kind is its row id.
 */
public enum ExtractKind {

    CLIENTS("clients.csv", "client_id", "org_number", "name", "currency", "payout_account", "payout_schedule",
            "fee_fixed", "fee_percent"),
    INVOICES("invoices.csv", "invoice_id", "client_id", "ocr", "currency", "amount", "issue_date", "due_date",
            "debtor_name", "debtor_id", "debtor_country"),
    REFUNDS("refunds.csv", "refund_id", "payment_ref", "amount", "currency", "to_account", "to_name",
            "approved_by");

    private final String fileName;
    private final List<String> columns;

    ExtractKind(String fileName, String... columns) {
        this.fileName = fileName;
        this.columns = List.of(columns);
    }

    /** The conventional file name, for example {@code invoices.csv}. */
    public String fileName() {
        return fileName;
    }

    /** The header columns in file order. */
    public List<String> columns() {
        return columns;
    }

    public int columnCount() {
        return columns.size();
    }

    /** The column holding the row id that must be unique within a file. */
    public String idColumn() {
        return columns.get(0);
    }

    /** The header line exactly as the platform writes it, without line ending. */
    public String headerLine() {
        return String.join(",", columns);
    }

    /** The kind whose columns are exactly these header fields, if any. */
    public static Optional<ExtractKind> forColumns(List<String> headerFields) {
        return Arrays.stream(values()).filter(kind -> kind.columns.equals(headerFields)).findFirst();
    }

    /**
     * The kind whose header this line is, if any; a leading byte order mark and a trailing line ending are ignored.
     * Header columns are plain names, so the line is split on commas without CSV quoting.
     */
    public static Optional<ExtractKind> detect(String headerLine) {
        if (headerLine == null) {
            return Optional.empty();
        }
        String line = headerLine;
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        if (line.endsWith("\n")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        return forColumns(List.of(line.split(",", -1)));
    }

    /** The kind conventionally stored under this file name, if any. */
    public static Optional<ExtractKind> forFileName(String fileName) {
        return Arrays.stream(values()).filter(kind -> kind.fileName.equals(fileName)).findFirst();
    }
}
