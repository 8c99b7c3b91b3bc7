package se.clientfunds.app.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.app.DayTables;
import se.clientfunds.report.TableFormat;

@Command(name = "reconciliation", mixinStandardHelpOptions = true,
        description = {"Shows a business day's reconciliation per client-funds account.",
                "Matches per rule, the breaks' roll-forward (opening + new - cleared = closing) and ageing in banking days, "
                        + "the balance proof (statement closing - books closing = bank-only - books-only + residuals + breaks "
                        + "resolved by operators, the rest unexplained) and statement continuity. Exit 3 when something needs attention."})
class ReconciliationCommand implements Callable<Integer> {

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
            DayTables.Table reconciliation = context.getBean(DayTables.class).reconciliation(businessDate);
            TableOutput.print(reconciliation, format, console.out());
            return SettleCommand.attention(console, reconciliation);
        }
    }
}
