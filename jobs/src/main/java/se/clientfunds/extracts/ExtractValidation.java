package se.clientfunds.extracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.clientfunds.extract.ClientRowParser;
import se.clientfunds.extract.DuplicateKeyDetector;
import se.clientfunds.extract.ExtractCsvReader;
import se.clientfunds.extract.ExtractFormatException;
import se.clientfunds.extract.ExtractKind;
import se.clientfunds.extract.ExtractRow;
import se.clientfunds.extract.ExtractRowParser;
import se.clientfunds.extract.InvoiceRecord;
import se.clientfunds.extract.InvoiceRowParser;
import se.clientfunds.extract.RefundRecord;
import se.clientfunds.extract.RefundRowParser;
import se.clientfunds.extract.RowOutcome;
import se.clientfunds.extract.RowProblem;

/**
 * Validates a whole platform extract before any row of it is loaded: the structure, every field of every row,
 * duplicate ids in the file, invoices of unknown clients, refunds already imported. Streams the file; keeps the
 * first {@value #REPORTED_PROBLEMS} problems and counts the rest.
 */
@Component
public class ExtractValidation {

    public static final int REPORTED_PROBLEMS = 100;

    private final JdbcTemplate jdbc;
    private final ExtractTables tables;

    ExtractValidation(JdbcTemplate jdbc, ExtractTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    public ExtractVerdict validate(Path file, ExtractKind kind) {
        List<RowProblem> problems = new ArrayList<>();
        long problemCount = 0;
        long rows = 0;
        Map<String, String> clientCurrencies = kind == ExtractKind.INVOICES ? clientCurrencies() : Map.of();
        ExtractRowParser<?> parser = parser(kind, clientCurrencies);
        RefundClaim refundClaim = new RefundClaim(kind == ExtractKind.REFUNDS ? tables.claimedRefundIds() : Set.of());
        DuplicateKeyDetector duplicates = new DuplicateKeyDetector(kind.idColumn());
        try (ExtractCsvReader reader = ExtractCsvReader.open(file, kind)) {
            for (ExtractRow row = reader.next(); row != null; row = reader.next()) {
                rows++;
                List<RowProblem> rowProblems = new ArrayList<>();
                RowOutcome<?> outcome = parser.parse(row);
                rowProblems.addAll(outcome.problems());
                duplicates.add(row.field(0), row.line());
                if (outcome.isValid() && outcome.value() instanceof InvoiceRecord invoice
                        && !invoice.currency().getCurrencyCode().equals(clientCurrencies.get(invoice.clientId()))) {
                    rowProblems.add(new RowProblem(row.line(), "currency", invoice.currency().getCurrencyCode(),
                            "client " + invoice.clientId() + " is paid out in " + clientCurrencies.get(invoice.clientId())));
                }
                if (outcome.isValid() && outcome.value() instanceof RefundRecord refund) {
                    refundClaim.problem(row.line(), refund).ifPresent(rowProblems::add);
                }
                problemCount += rowProblems.size();
                for (RowProblem problem : rowProblems) {
                    if (problems.size() < REPORTED_PROBLEMS) {
                        problems.add(problem);
                    }
                }
            }
            duplicates.confirmFrom(file, kind);
        } catch (ExtractFormatException e) {
            return ExtractVerdict.refused(kind, file, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<RowProblem> duplicateIds = duplicates.duplicates();
        problemCount += duplicateIds.size();
        problems.addAll(duplicateIds);
        problems.sort(Comparator.comparingLong(RowProblem::line));
        List<RowProblem> reported = List.copyOf(problems.subList(0, Math.min(REPORTED_PROBLEMS, problems.size())));
        return new ExtractVerdict(kind, file.getFileName().toString(), rows, reported, problemCount, null);
    }

    private static ExtractRowParser<?> parser(ExtractKind kind, Map<String, String> clientCurrencies) {
        return switch (kind) {
            case CLIENTS -> new ClientRowParser();
            case INVOICES -> new InvoiceRowParser(clientCurrencies::containsKey);
            case REFUNDS -> new RefundRowParser();
        };
    }

    /** The currency each known client is paid out in. */
    private Map<String, String> clientCurrencies() {
        Map<String, String> currencies = new HashMap<>();
        jdbc.query("SELECT client_id, currency FROM current_client", rs -> {
            currencies.put(rs.getString(1), rs.getString(2));
        });
        return currencies;
    }
}
