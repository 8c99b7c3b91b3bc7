package se.clientfunds.app.bench;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

import se.clientfunds.files.ImportOutcome;
import se.clientfunds.files.FileImports;

/**
 * Stage {@code import_invoices}: {@code importExtractsJob} on an invoices.csv of N rows (hash, whole-file
 * validation, chunked load, completion), against the baseline {@code LOAD DATA LOCAL INFILE} of the same file
 * into the same table with the same indexes. The baseline runs first, then the table is emptied, so both
 * write into an empty table.
 */
public final class ExtractImportBenchmark {

    private final FileImports imports;
    private final JdbcTemplate jdbc;

    public ExtractImportBenchmark(FileImports imports, JdbcTemplate jdbc) {
        this.imports = imports;
        this.jdbc = jdbc;
    }

    public BenchmarkResult run(Path clientsCsv, Path invoicesCsv, long rows, LocalDate businessDate) throws Exception {
        ImportOutcome clients = imports.importFile(clientsCsv, businessDate);
        requireImported(clients);

        long baselineStart = System.nanoTime();
        long loaded = jdbc.update("LOAD DATA LOCAL INFILE '" + invoicesCsv.toAbsolutePath().toString().replace("'", "''")
                + "' INTO TABLE invoice CHARACTER SET utf8mb4"
                + " FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\n' IGNORE 1 LINES"
                + " (invoice_id, client_id, ocr, currency, @amount, issue_date, due_date, debtor_name, debtor_id, debtor_country)"
                + " SET import_id = 0, line_no = 0, amount_minor = CAST(REPLACE(@amount, '.', '') AS SIGNED)");
        long baselineNanos = System.nanoTime() - baselineStart;
        if (loaded != rows) {
            throw new IllegalStateException("baseline loaded " + loaded + " rows, expected " + rows);
        }
        jdbc.execute("TRUNCATE TABLE invoice");

        HeapPeak.reset();
        long start = System.nanoTime();
        ImportOutcome invoices = imports.importFile(invoicesCsv, businessDate);
        long nanos = System.nanoTime() - start;
        long peak = HeapPeak.peakBytes();
        requireImported(invoices);
        if (invoices.rows() != rows) {
            throw new IllegalStateException("the import job imported " + invoices.rows() + " rows, expected " + rows);
        }
        return new BenchmarkResult("import_invoices", rows, nanos, baselineNanos, peak);
    }

    private static void requireImported(ImportOutcome outcome) {
        if (outcome.status() != ImportOutcome.Status.IMPORTED) {
            throw new IllegalStateException(outcome.summary());
        }
    }
}
