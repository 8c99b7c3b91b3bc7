package se.clientfunds.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import se.clientfunds.app.Console;
import se.clientfunds.app.SettlementContext;
import se.clientfunds.extracts.ExtractImportOutcome;
import se.clientfunds.extracts.ExtractImports;
import se.clientfunds.files.InputFormats;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports the named files, each validated whole.", "Platform extracts (clients.csv, invoices.csv, refunds.csv; the kind is "
                + "read from the header). Each file is validated whole: a file with any bad row goes to quarantine/ "
                + "with a reason file and nothing from it is imported. A file already imported is refused.",
                "Exit codes: 0 all imported, 1 a job failed (run again to restart it), 2 a file was refused."})
class ImportCommand implements Callable<Integer> {

    @ParentCommand
    SettleCommand settle;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import, in the order given.")
    List<Path> files;

    @Option(names = "--date", paramLabel = "DATE", description = "Business date the files belong to (default: today).")
    LocalDate businessDate;

    private final Console console;

    ImportCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw CommandFailure.input(file + ": no such file");
            }
            if (InputFormats.isBankFile(file)) {
                throw CommandFailure.input(file + ": a bank file (camt, MT940 or BGMax); bank-file import is not built yet,"
                        + " the file was left where it is");
            }
        }
        LocalDate date = businessDate != null ? businessDate : LocalDate.now(Clocks.STOCKHOLM);
        int exitCode = SettleCommand.OK;
        try (ConfigurableApplicationContext context = SettlementContext.start(settle.home(), console)) {
            ExtractImports imports = context.getBean(ExtractImports.class);
            for (Path file : files) {
                ExtractImportOutcome outcome = imports.importFile(file, date);
                switch (outcome.status()) {
                    case IMPORTED -> console.println(outcome.summary());
                    case REJECTED -> {
                        console.error(outcome.summary());
                        exitCode = Math.max(exitCode, SettleCommand.INPUT_ERROR);
                    }
                    case FAILED -> {
                        console.error(outcome.summary());
                        return SettleCommand.JOB_FAILED;
                    }
                }
            }
        }
        return exitCode;
    }
}
