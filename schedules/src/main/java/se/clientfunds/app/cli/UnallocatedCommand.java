package se.clientfunds.app.cli;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.app.DayTables;
import se.clientfunds.report.TableFormat;

@Command(name = "unallocated", mixinStandardHelpOptions = true,
        description = {"Lists the payments with money waiting in UNALLOCATED, and why.",
                "Prints payment,booking_date,currency,amount,unallocated,reason,debtor_name,references in booking order; "
                        + "payment is <iban>/<bank reference>, as 'settle allocate' takes it. The reason starts with why "
                        + "the money could not be allocated (INVALID_OCR, UNKNOWN_OCR, AMBIGUOUS_OCR, CURRENCY_MISMATCH, "
                        + "NO_REFERENCE)."})
class UnallocatedCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    TableFormat format;

    private final Console console;

    UnallocatedCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = settle.openHome()) {
            TableOutput.print(context.getBean(DayTables.class).unallocated(), format, console.out());
            return SettleCommand.OK;
        }
    }
}
