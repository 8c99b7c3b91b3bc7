package se.clientfunds.app.cli;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.allocation.ManualAllocation;
import se.clientfunds.app.Console;

@Command(name = "allocate", mixinStandardHelpOptions = true,
        description = {"Allocates a payment waiting in UNALLOCATED to an invoice, by hand.",
                "What is left of the payment in UNALLOCATED pays the invoice, up to what the invoice has outstanding, with "
                        + "the client's fee. Who did it and why are recorded. It is booked on the first business day not "
                        + "closed, so it shows in that day's positions.",
                "Exit codes: 0 allocated, 2 a usage error or the allocation does not fit (unknown payment or invoice, "
                        + "nothing unallocated, nothing outstanding, another currency); the reason is printed."})
class AllocateCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Parameters(index = "0", paramLabel = "PAYMENT_REF",
            description = "The payment's bank reference, or <iban>/<bank reference> (as 'settle unallocated' shows it).")
    String paymentReference;

    @Parameters(index = "1", paramLabel = "INVOICE_ID", description = "The invoice to pay.")
    String invoiceId;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, recorded with the allocation.")
    String reason;

    @Option(names = "--operator", defaultValue = "${sys:user.name}", paramLabel = "NAME",
            description = "Who allocates (default: the user running settle, ${DEFAULT-VALUE}).")
    String operator;

    private final Console console;

    AllocateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = settle.openHome()) {
            ManualAllocation.Result result = context.getBean(ManualAllocation.class).allocate(paymentReference, invoiceId, operator,
                    reason);
            // (above the four-eyes amount the command line is refused: proposals are made by logged-in users)
            console.println("payment " + result.payment() + ": " + result.allocated() + " allocated to invoice "
                    + result.invoiceId() + " by " + operator);
            console.println("  fee:               " + result.fee());
            console.println("  still unallocated: " + result.stillUnallocated());
            console.println("  booked on:         " + result.bookingDate());
            return SettleCommand.OK;
        }
    }
}
