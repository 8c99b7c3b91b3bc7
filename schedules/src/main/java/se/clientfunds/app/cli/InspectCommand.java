package se.clientfunds.app.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import se.clientfunds.app.Console;
import se.clientfunds.bank.BankBalance;
import se.clientfunds.bank.BankFileException;
import se.clientfunds.bank.BankFileFormat;
import se.clientfunds.bank.BankFileParser;
import se.clientfunds.bank.BankFileParsers;
import se.clientfunds.bank.BankFileValidation;
import se.clientfunds.bank.BankFileVerdict;
import se.clientfunds.bank.BankSection;
import se.clientfunds.money.Money;
import se.clientfunds.outcome.InputError;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Shows what a bank file holds, without importing it.",
                "Parses a camt.053, camt.054, BGMax or MT940 file (the format is read from its content) and prints its "
                        + "format, version, accounts, balances, entry count, totals and whether it is valid for import "
                        + "(the money adds up). Needs no database.",
                "Exit codes: 0 a valid file, 2 an invalid or unreadable one (the reason is printed)."})
class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to look at.")
    Path file;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--allow-test-files", description = "Read a BGMax file marked as a test file.")
    boolean allowTestFiles;

    private final Console console;

    InspectCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        if (!format.equals("table") && !format.equals("json")) {
            throw new InputError("format '" + format + "' is not one of table, json");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputError(file + ": no such file");
        }
        Optional<BankFileFormat> bankFormat = BankFileParsers.detect(file);
        if (bankFormat.isEmpty()) {
            return refused(null, file.getFileName() + ": " + BankFileParsers.notReadReason(file));
        }
        BankFileVerdict verdict;
        try (BankFileParser parser = BankFileParsers.open(file, bankFormat.get(), allowTestFiles)) {
            verdict = BankFileValidation.validate(file.getFileName().toString(), parser);
        } catch (BankFileException e) {
            return refused(bankFormat.get(), e.getMessage());
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            return refused(bankFormat.get(), file.getFileName() + ": cannot be read: " + SettleCommand.describe(e));
        }
        console.out().print(format.equals("json") ? json(verdict) : table(verdict));
        console.out().flush();
        if (!verdict.valid()) {
            console.error(verdict.summary());
            return SettleCommand.INPUT_ERROR;
        }
        return SettleCommand.OK;
    }

    /**
     * A file refused before it could be read through: the reason on stderr (exit 2) and, asked for JSON, a verdict on
     * stdout all the same, so a script reading it always gets one.
     */
    private int refused(BankFileFormat bankFormat, String reason) {
        if (!format.equals("json")) {
            throw new InputError(reason);
        }
        console.out().print(json(new BankFileVerdict(file.getFileName().toString(), bankFormat, null, List.of(), 0,
                Map.of(), Map.of(), List.of(new BankFileVerdict.Problem("file", reason)), 1)));
        console.out().flush();
        console.error(reason);
        return SettleCommand.INPUT_ERROR;
    }

    private static String table(BankFileVerdict verdict) {
        StringBuilder text = new StringBuilder();
        line(text, "file", verdict.fileName());
        line(text, "format", verdict.format().name());
        line(text, "version", verdict.version());
        line(text, "sections", Integer.toString(verdict.sections().size()));
        for (BankSection section : verdict.sections()) {
            text.append("  ").append(section.location()).append(": ").append(section.id() == null ? "" : section.id())
                    .append(", account ").append(section.account())
                    .append(section.currency() == null ? "" : " " + section.currency().getCurrencyCode())
                    .append(section.sequenceNumber() == null ? "" : ", sequence " + section.sequenceNumber());
            for (BankBalance balance : section.balances()) {
                text.append(", ").append(balance.type()).append(' ').append(balance.amount())
                        .append(balance.date() == null ? "" : " on " + balance.date());
            }
            text.append('\n');
        }
        line(text, "entries", Long.toString(verdict.entries()));
        line(text, "credits", totals(verdict.credits()));
        line(text, "debits", totals(verdict.debits()));
        line(text, "valid", verdict.valid() ? "yes" : "no, " + verdict.problemCount() + " problem"
                + (verdict.problemCount() == 1 ? "" : "s"));
        for (BankFileVerdict.Problem problem : verdict.problems()) {
            text.append("  ").append(problem).append('\n');
        }
        if (!verdict.warnings().isEmpty()) {
            line(text, "warnings", Integer.toString(verdict.warnings().size()));
            for (BankFileVerdict.Problem warning : verdict.warnings()) {
                text.append("  ").append(warning).append('\n');
            }
        }
        return text.toString();
    }

    private static String json(BankFileVerdict verdict) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty("file", verdict.fileName());
            json.writeStringProperty("format", verdict.format() == null ? null : verdict.format().name());
            json.writeStringProperty("version", verdict.version());
            json.writeArrayPropertyStart("sections");
            for (BankSection section : verdict.sections()) {
                json.writeStartObject();
                json.writeStringProperty("location", section.location());
                json.writeStringProperty("id", section.id());
                json.writeStringProperty("account", section.account() == null ? null : section.account().value());
                json.writeStringProperty("currency", section.currency() == null ? null : section.currency().getCurrencyCode());
                if (section.sequenceNumber() != null) {
                    json.writeNumberProperty("sequenceNumber", section.sequenceNumber());
                }
                json.writeArrayPropertyStart("balances");
                for (BankBalance balance : section.balances()) {
                    json.writeStartObject();
                    json.writeStringProperty("type", balance.type());
                    json.writeStringProperty("amount", balance.amount().toDecimalString());
                    json.writeStringProperty("currency", balance.amount().currency().getCurrencyCode());
                    json.writeStringProperty("date", balance.date() == null ? null : balance.date().toString());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberProperty("entries", verdict.entries());
            totals(json, "credits", verdict.credits());
            totals(json, "debits", verdict.debits());
            json.writeBooleanProperty("valid", verdict.valid());
            json.writeNumberProperty("problemCount", verdict.problemCount());
            json.writeArrayPropertyStart("problems");
            for (BankFileVerdict.Problem problem : verdict.problems()) {
                json.writeStartObject();
                json.writeStringProperty("location", problem.location());
                json.writeStringProperty("reason", problem.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayPropertyStart("warnings");
            for (BankFileVerdict.Problem warning : verdict.warnings()) {
                json.writeStartObject();
                json.writeStringProperty("location", warning.location());
                json.writeStringProperty("reason", warning.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out + "\n";
    }

    private static void totals(JsonGenerator json, String name, Map<String, Money> totals) {
        json.writeObjectPropertyStart(name);
        totals.forEach((currency, amount) -> json.writeStringProperty(currency, amount.toDecimalString()));
        json.writeEndObject();
    }

    private static String totals(Map<String, Money> totals) {
        if (totals.isEmpty()) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        totals.forEach((currency, amount) -> text.append(text.isEmpty() ? "" : ", ").append(amount));
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-9s %s", label, value)).append('\n');
    }
}
