package se.clientfunds.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.reports.ResolutionPack;

@Command(name = "resolution-pack", mixinStandardHelpOptions = true,
        description = {"Writes a day's resolution pack: what is needed to return clients' money, in one zip.",
                "The day's reports (latest version, with its manifest), client-balances.csv (what each client is owed, with the"
                        + " client's name), unallocated.csv and debtor-credit.csv (per payer: name, reference, amount, age),"
                        + " accounts.csv (the client-funds accounts, their banks, the statements' closing balances) and"
                        + " index.txt (every file with its SHA-256). Written to filings/resolution-pack-<date>.zip unless --out"
                        + " says where. The same books give the same bytes. Exit 2 when the day's reports have not been written."})
class ResolutionPackCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Parameters(index = "0", paramLabel = "DATE", description = "Business date, yyyy-MM-dd.")
    LocalDate businessDate;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the zip.")
    Path out;

    private final Console console;

    ResolutionPackCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = settle.openHome()) {
            SettleCommand.bankingDay(context, businessDate);
            ResolutionPack.Outcome outcome = context.getBean(ResolutionPack.class).write(businessDate, out);
            console.println("resolution pack of " + businessDate + " (reports version " + outcome.version() + "): " + outcome.file()
                    + " " + outcome.sha256());
            outcome.entries().forEach((name, sha256) -> console.println("  " + name + " " + sha256));
            return SettleCommand.OK;
        }
    }
}
