package se.clientfunds.app.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.allocation.AllocationQueries.InvoiceStatus;
import se.clientfunds.allocation.AllocationQueries;
import se.clientfunds.app.Console;
import se.clientfunds.outcome.InputError;
import se.clientfunds.report.TableFormat;

@Command(name = "invoices", mixinStandardHelpOptions = true,
        description = {"Lists the invoices with a payment status.",
                "Prints invoice_id,client_id,ocr,currency,amount,paid,outstanding,due_date,debtor_name in invoice id order: "
                        + "open (nothing paid), partial (paid in part) or paid (in full). CSV and JSON are written as the "
                        + "rows are read; the aligned table holds every row to size its columns, so use csv or json for "
                        + "a large book."})
class InvoicesCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("invoice_id", "client_id", "ocr", "currency", "amount", "paid", "outstanding",
            "due_date", "debtor_name");

    @ParentCommand
    SettleCommand settle;

    @Option(names = "--status", required = true, paramLabel = "open|partial|paid", description = "Which invoices.")
    String status;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "Output format (default ${DEFAULT-VALUE}).")
    TableFormat format;

    private final Console console;

    InvoicesCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        InvoiceStatus invoiceStatus = parseStatus(status);
        try (ConfigurableApplicationContext context = settle.openHome()) {
            TableOutput output = TableOutput.start(format, COLUMNS, console.out());
            context.getBean(AllocationQueries.class).invoices(invoiceStatus, invoice -> output.row(invoice.invoiceId(),
                    invoice.clientId(), invoice.ocr(), invoice.amount().currency().getCurrencyCode(),
                    invoice.amount().toDecimalString(), invoice.paid().toDecimalString(),
                    invoice.outstanding().toDecimalString(), invoice.dueDate().toString(), invoice.debtorName()));
            output.finish();
            return SettleCommand.OK;
        }
    }

    private static InvoiceStatus parseStatus(String text) {
        try {
            return InvoiceStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputError("status '" + text + "' is not one of open, partial, paid");
        }
    }
}
