package se.clientfunds.app.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.outcome.InputError;
import se.clientfunds.reconciliation.MatchRule;
import se.clientfunds.reconciliation.ReconciliationDay;
import se.clientfunds.reconciliation.ReconciliationQueries;
import se.clientfunds.report.TableFormat;

@Command(name = "reconciliation", mixinStandardHelpOptions = true,
        description = {"Shows a business day's reconciliation per client-funds account.",
                "Matches per rule, the breaks' roll-forward (opening + new - cleared = closing) and ageing in banking days, "
                        + "the balance proof (statement closing - books closing = bank-only - books-only + residuals + breaks "
                        + "resolved by operators, the rest unexplained) and statement continuity. Exit 3 when something needs attention."})
class ReconciliationCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("account", "currency", "matched_reference", "matched_batch",
            "matched_counterparty", "matched_tolerance", "opening_breaks", "new_breaks", "cleared_breaks", "closing_breaks",
            "aged_0_1", "aged_2_5", "aged_6_10", "aged_over_10", "statement_closing", "books_closing", "bank_only",
            "books_only", "residuals", "resolved", "unexplained", "status", "continuity");

    @ParentCommand
    SettleCommand settle;

    @Parameters(index = "0", paramLabel = "DATE", description = "Business date, yyyy-MM-dd.")
    LocalDate businessDate;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    TableFormat format;

    private final Console console;

    ReconciliationCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = settle.openHome()) {
            SettleCommand.bankingDay(context, businessDate);
            ReconciliationQueries queries = context.getBean(ReconciliationQueries.class);
            List<ReconciliationDay> days = queries.days(businessDate);
            if (days.isEmpty()) {
                throw new InputError("business day " + businessDate + " has not been reconciled (run-day " + businessDate + ")");
            }
            TableOutput output = TableOutput.start(format, COLUMNS, console.out());
            for (ReconciliationDay day : days) {
                output.row(day.accountIban(), day.ledgerClosing().currency().getCurrencyCode(),
                        count(day, MatchRule.REFERENCE), count(day, MatchRule.BATCH_TOTAL),
                        count(day, MatchRule.AMOUNT_AND_COUNTERPARTY), count(day, MatchRule.TOLERANCE),
                        Integer.toString(day.openingBreaks()), Integer.toString(day.newBreaks()),
                        Integer.toString(day.clearedBreaks()), Integer.toString(day.closingBreaks()),
                        Integer.toString(day.ageing()[0]), Integer.toString(day.ageing()[1]), Integer.toString(day.ageing()[2]),
                        Integer.toString(day.ageing()[3]),
                        day.statementClosing() == null ? "" : day.statementClosing().toDecimalString(),
                        day.ledgerClosing().toDecimalString(), day.bankOnly().toDecimalString(), day.booksOnly().toDecimalString(),
                        day.residuals().toDecimalString(), day.resolvedByOperators().toDecimalString(), day.unexplained() == null ? "" : day.unexplained().toDecimalString(),
                        day.reconciled() && day.continuity().isEmpty() ? "RECONCILED" : "FAILED_RECONCILIATION",
                        String.join("; ", day.continuity().stream().map(se.clientfunds.reconciliation.ContinuityFinding::describe).toList()));
            }
            output.finish();
            return SettleCommand.attention(console, () -> queries.attention(businessDate));
        }
    }

    private static String count(ReconciliationDay day, MatchRule rule) {
        return Integer.toString(day.matches().getOrDefault(rule, 0));
    }
}
