package se.clientfunds.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.files.FileImports;
import se.clientfunds.files.ImportOutcome;
import se.clientfunds.ledger.OpenBusinessDay;
import se.clientfunds.operations.PipelineLock;
import se.clientfunds.outcome.InputError;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports the named files, each validated whole.", "Platform extracts (clients.csv, invoices.csv, refunds.csv) and bank files "
                + "(camt.054, BGMax, camt.053, MT940); what a file is, is read from its content. Each file is validated whole: a file with any bad row goes to quarantine/ "
                + "with a reason file and nothing from it is imported. A file already imported is refused.",
                "Exit codes: 0 all imported, 1 a job failed (run again to restart it), 2 a file was refused."})
class ImportCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import, in the order given.")
    List<Path> files;

    @Mixin
    WhoAndWhy who;

    @Option(names = "--date", paramLabel = "DATE", description = "Business date the files belong to (default: the first"
            + " banking day after the last closed day, read from the books, never from the clock).")
    LocalDate businessDate;

    private final Console console;

    ImportCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new InputError(file + ": no such file");
            }
        }
        int exitCode = SettleCommand.OK;
        try (ConfigurableApplicationContext context = settle.openOrCreateHome()) {
            LocalDate date;
            if (businessDate != null) {
                date = SettleCommand.bankingDay(context, businessDate);
            } else {
                OpenBusinessDay.Choice choice = context.getBean(OpenBusinessDay.class).current();
                date = choice.date();
                console.println("business date " + date + " (" + choice.why() + "; --date to choose another)");
            }
            FileImports imports = context.getBean(FileImports.class);
            PipelineLock pipeline = context.getBean(PipelineLock.class);
            for (Path file : files) {
                ImportOutcome outcome = pipeline.holdingOrRefuse("import of " + file.getFileName(), () -> who.run(() -> {
                    try {
                        return imports.importFile(file, date);
                    } catch (Exception e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }));
                switch (outcome.status()) {
                    case IMPORTED -> console.println(outcome.summary());
                    case REJECTED -> {
                        console.error(outcome.summary());
                        exitCode = Math.max(exitCode, SettleCommand.INPUT_ERROR);
                    }
                    case FAILED, WAITING -> {
                        console.error(outcome.summary());
                        return SettleCommand.JOB_FAILED;
                    }
                }
            }
        }
        return exitCode;
    }
}
