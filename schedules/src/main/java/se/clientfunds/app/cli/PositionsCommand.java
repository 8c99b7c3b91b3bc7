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

@Command(name = "positions", mixinStandardHelpOptions = true,
        description = {"Shows each account's position on a business day.",
                "Prints account,currency,opening,debit,credit,closing for every account and currency: BANK:<iban>, "
                        + "CLIENT:<client id>, UNALLOCATED, DEBTOR_CREDIT, PLATFORM_FEES. The closing is in the account's "
                        + "normal direction (BANK debit - credit, the others credit - debit), so per currency the BANK "
                        + "closings equal the others' together. A closed day shows the positions it closed with; for a day "
                        + "not closed the figures are provisional (what it would close with now), and standard error says so."})
class PositionsCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Parameters(index = "0", paramLabel = "DATE", description = "Business date, yyyy-MM-dd.")
    LocalDate businessDate;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    TableFormat format;

    private final Console console;

    PositionsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = settle.openHome()) {
            DayTables.Table positions = context.getBean(DayTables.class).positions(businessDate);
            positions.notices().forEach(console::error);
            TableOutput.print(positions, format, console.out());
            return SettleCommand.OK;
        }
    }
}
