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
import se.clientfunds.reconciliation.Safeguarding;
import se.clientfunds.report.TableFormat;

@Command(name = "safeguarding", mixinStandardHelpOptions = true,
        description = {"Shows safeguarding per currency on a reconciled business day.",
                "Prints currency,requirement,resource,difference,status: requirement = CLIENT + UNALLOCATED + DEBTOR_CREDIT at "
                        + "the close, resource = the closing booked balance of the client-funds accounts on the day's "
                        + "statements, difference = resource - requirement, status OK, EXCESS or SHORTFALL."})
class SafeguardingCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("currency", "requirement", "resource", "difference", "status");

    @ParentCommand
    SettleCommand settle;

    @Parameters(index = "0", paramLabel = "DATE", description = "Business date, yyyy-MM-dd.")
    LocalDate businessDate;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    private final Console console;

    SafeguardingCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        TableFormat tableFormat = BenchCommand.parseFormat(format);
        try (ConfigurableApplicationContext context = settle.openHome()) {
            SettleCommand.bankingDay(context, businessDate);
            List<Safeguarding.Position> positions = context.getBean(Safeguarding.class).of(businessDate);
            if (positions.isEmpty()) {
                throw CommandFailure.input("business day " + businessDate + " has not been reconciled (run-day " + businessDate + ")");
            }
            TableOutput output = TableOutput.start(tableFormat, COLUMNS, console.out());
            for (Safeguarding.Position position : positions) {
                output.row(position.requirement().currency().getCurrencyCode(), position.requirement().toDecimalString(),
                        position.resource().toDecimalString(), position.difference().toDecimalString(), position.status());
                if (!position.resourceComplete()) {
                    console.error(position.requirement().currency().getCurrencyCode()
                            + ": a client-funds account has no statement for the day; the resource is incomplete");
                }
            }
            output.finish();
            positions.stream().filter(position -> "SHORTFALL".equals(position.status())).forEach(position ->
                    console.alarm("NEEDS ATTENTION: safeguarding shortfall of " + position.difference().negate()));
            return positions.stream().anyMatch(position -> "SHORTFALL".equals(position.status())) ? SettleCommand.NEEDS_ATTENTION
                    : SettleCommand.OK;
        }
    }
}
